// Suggestions for one article: every sentence of its canonical text with how check-worthy it is
// and who the article says said it. One function for the app's worker, the CLI and the benches,
// so all three rank and attribute the same way. Pure: no DOM, no I/O.
import { attributeSentences, type ClaimantKind } from './attribution';
import { scoreSentences, type CheckworthyModel } from './checkworthy';
import { splitSentences, type Sentence } from './sentences';

export interface SuggestedSentence extends Sentence {
  /** 0..1, higher is more worth checking. */
  score: number;
  claimant: string | null;
  cue: string | null;
  kind: ClaimantKind | null;
}

/** Every sentence of an article's canonical text, in document order, scored and attributed. */
export function suggestSentences(model: CheckworthyModel, text: string): SuggestedSentence[] {
  return suggestFor(model, text, splitSentences(text));
}

/** The same for sentences already cut (`suggest --lines`: one per line), offsets into `text`. */
export function suggestFor(
  model: CheckworthyModel,
  text: string,
  sentences: readonly Sentence[],
): SuggestedSentence[] {
  const scores =
    sentences.length > 0
      ? scoreSentences(
          model,
          sentences.map((s) => s.text),
        )
      : [];
  const attributions = attributeSentences(text, sentences);
  return sentences.map((s, i) => {
    const a = attributions[i];
    return {
      ...s,
      score: scores[i] ?? 0,
      claimant: a?.claimant ?? null,
      cue: a?.cue ?? null,
      kind: a?.kind ?? null,
    };
  });
}

/** The sentences worth suggesting: the `limit` best by score, in score order, dismissed ones left out. */
export function topSuggestions<T extends { score: number; start: number }>(
  sentences: readonly T[],
  limit: number,
  skip: (s: T) => boolean = () => false,
): T[] {
  return sentences
    .filter((s) => !skip(s))
    .slice()
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, Math.max(0, limit));
}
