// The current article's suggestions: its sentences ranked and attributed in the worker, the best
// ones not yet highlighted nor dismissed, and what the analyst does with them — accept one as a
// Claim with its claimant (through the app's own highlight path), dismiss one (remembered per
// document), and fill the claimant of a sentence highlighted by hand when a cue names one.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { blockOffsets } from '../../../src-shared/canonical';
import type { SuggestedSentence } from '../../../src-shared/intel/suggest';
import { topSuggestions } from '../../../src-shared/intel/suggest';
import type { AnnotationRecord, DocumentRecord, LabelRecord } from '../../../src-shared/model';
import { setSetting } from '../db/library';
import {
  dismissedIn,
  dismissSentence,
  SUGGESTION_LIMIT_KEY,
  sentenceKey,
  sourceForClaimant,
  suggestionLimit,
} from '../db/suggestion-store';
import { suggestionsFor } from '../intel/suggest-client';
import { useLibrary } from './library-context';
import type { AnnotationActions } from './use-annotation-actions';

export interface Suggestions {
  /** The suggestions to show, best first; null while the article is being ranked. */
  shown: SuggestedSentence[] | null;
  limit: number;
  setLimit(limit: number): void;
  accept(sentence: SuggestedSentence): Promise<AnnotationRecord | null>;
  dismiss(sentence: SuggestedSentence): Promise<void>;
  /** Fills a new highlight's claimant from the cue of the sentence it lies in, if any. */
  fillClaimant(record: AnnotationRecord): Promise<void>;
  /** The start offset of the suggestion the analyst is on (its margin mark is stronger). */
  focused: number | null;
  show(sentence: SuggestedSentence): void;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function useSuggestions(
  document: DocumentRecord | undefined,
  annotations: readonly AnnotationRecord[],
  labels: readonly LabelRecord[],
  actions: Pick<AnnotationActions, 'highlight' | 'patch'>,
): Suggestions {
  const { db, notices } = useLibrary();
  const { onError } = notices;
  const [ranked, setRanked] = useState<{ id: string; sentences: SuggestedSentence[] } | null>(null);
  const [dismissed, setDismissed] = useState<{ id: string; keys: Set<string> } | null>(null);
  const [limit, setLimitState] = useState<number | null>(null);
  const [focus, setFocus] = useState<{ id: string; start: number } | null>(null);
  const documentId = document?.id ?? null;
  const text = document?.text ?? null;

  useEffect(() => {
    void suggestionLimit(db).then(setLimitState);
  }, [db]);

  useEffect(() => {
    if (documentId === null || text === null) return;
    let live = true;
    suggestionsFor(documentId, text).then(
      (sentences) => live && setRanked({ id: documentId, sentences }),
      (error: unknown) => live && onError(`Suggestions could not be made: ${String(error)}`),
    );
    dismissedIn(db, documentId).then(
      (keys) => live && setDismissed({ id: documentId, keys }),
      () => live && setDismissed({ id: documentId, keys: new Set() }),
    );
    return () => {
      live = false;
    };
  }, [db, documentId, text, onError]);

  const sentences = ranked?.id === documentId ? ranked.sentences : null;
  // A picture's caption describes the picture; it is not a claim to suggest.
  const captions = useMemo(() => {
    if (!document) return [];
    const starts = blockOffsets(document.blocks);
    return document.blocks.flatMap((b, i) =>
      b.kind === 'caption'
        ? [{ start: starts[i] as number, end: (starts[i] as number) + b.text.length }]
        : [],
    );
  }, [document]);
  const dismissedKeys = dismissed?.id === documentId ? dismissed.keys : null;

  const shown = useMemo(() => {
    if (!sentences || !dismissedKeys || limit === null) return null;
    const marked = annotations.filter((a) => !a.orphaned).map((a) => a.target.position);
    return topSuggestions(
      sentences,
      limit,
      (s) =>
        dismissedKeys.has(sentenceKey(s)) ||
        marked.some((m) => overlaps(m, s)) ||
        captions.some((c) => overlaps(c, s)),
    );
  }, [sentences, dismissedKeys, annotations, limit, captions]);

  const setLimit = useCallback(
    (value: number) => {
      setLimitState(value);
      setSetting(db, SUGGESTION_LIMIT_KEY, value).catch((e: unknown) =>
        onError(`The setting could not be saved: ${String(e)}`),
      );
    },
    [db, onError],
  );

  const claimLabel =
    labels.find((l) => l.id === 'claim') ?? labels.find((l) => l.name === 'Claim') ?? labels[0];

  const claimantIdOf = useCallback(
    async (sentence: SuggestedSentence): Promise<string | null> =>
      sentence.claimant === null ? null : (await sourceForClaimant(db, sentence.claimant, sentence.kind)).id,
    [db],
  );

  const accept = useCallback(
    async (sentence: SuggestedSentence) => {
      if (!claimLabel) return null;
      try {
        const claimantId = await claimantIdOf(sentence);
        return await actions.highlight(claimLabel.id, {
          start: sentence.start,
          end: sentence.end,
          claimantId,
        });
      } catch (error) {
        onError(`The suggestion could not be accepted: ${String(error)}`);
        return null;
      }
    },
    [actions, claimLabel, claimantIdOf, onError],
  );

  const dismiss = useCallback(
    async (sentence: SuggestedSentence) => {
      if (documentId === null) return;
      const key = sentenceKey(sentence);
      setDismissed((d) => (d?.id === documentId ? { id: documentId, keys: new Set([...d.keys, key]) } : d));
      await dismissSentence(db, documentId, key).catch((e: unknown) =>
        onError(`The dismissal could not be saved: ${String(e)}`),
      );
    },
    [db, documentId, onError],
  );

  const fillClaimant = useCallback(
    async (record: AnnotationRecord) => {
      if (record.claimantId !== null || !sentences || record.documentId !== documentId) return;
      const range = record.target.position;
      // The sentence the highlight lies in: the one it overlaps most.
      let best: SuggestedSentence | null = null;
      let most = 0;
      for (const s of sentences) {
        const overlap = Math.min(s.end, range.end) - Math.max(s.start, range.start);
        if (overlap > most) {
          most = overlap;
          best = s;
        }
      }
      if (!best || best.claimant === null) return;
      try {
        const claimantId = await claimantIdOf(best);
        if (claimantId) await actions.patch(record, { claimantId }, 'claimant');
      } catch (error) {
        onError(`The claimant could not be filled in: ${String(error)}`);
      }
    },
    [sentences, documentId, actions, claimantIdOf, onError],
  );

  const show = useCallback(
    (sentence: SuggestedSentence) =>
      documentId !== null && setFocus({ id: documentId, start: sentence.start }),
    [documentId],
  );
  const focused = focus?.id === documentId ? focus.start : null;

  return { shown, limit: limit ?? 0, setLimit, accept, dismiss, fillClaimant, focused, show };
}
