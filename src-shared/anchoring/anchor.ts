// Places stored annotation targets in a (possibly edited) canonical text: by position, then by
// exact quote, then by fuzzy quote; what cannot be placed is kept as an orphan, never dropped.
import type { AnnotationRecord, AnnotationTarget } from '../model';
import { QuoteFinder, type QuoteContext, type QuoteMatch, type Span } from './match-quote';
import { describeRange } from './selectors';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export type AnchorResult = { start: number; end: number; method: AnchorMethod } | null;

/** Characters searched either side of the expected position before the whole text is. */
const LOCAL_REACH = 4096;

/** A fuzzy match scoring below this is no match: its quote and context are too unlike the record. */
const MIN_FUZZY_SCORE = 0.7;

export function anchorTarget(text: string, target: AnnotationTarget): AnchorResult {
  return anchorNear(new QuoteFinder(text), target, target.position.start);
}

/** Re-anchors every annotation; those that cannot be placed come back `orphaned` with their old target. */
export function reanchorAll(
  text: string,
  annotations: readonly AnnotationRecord[],
): { updated: AnnotationRecord[]; orphaned: AnnotationRecord[] } {
  // Edits shift everything after them by the same amount, so in document order the previous
  // annotation's shift predicts the next one's place and keeps the search local.
  const order = annotations
    .map((a, i) => ({ i, start: a.target.position.start }))
    .sort((a, b) => a.start - b.start);
  const placed: AnchorResult[] = new Array<AnchorResult>(annotations.length);
  let shift = 0;
  const finder = new QuoteFinder(text);
  for (const { i, start } of order) {
    const result = anchorNear(finder, (annotations[i] as AnnotationRecord).target, start + shift);
    if (result) shift = result.start - start;
    placed[i] = result;
  }
  const updated: AnnotationRecord[] = [];
  const orphaned: AnnotationRecord[] = [];
  annotations.forEach((a, i) => {
    const at = placed[i];
    if (at) updated.push({ ...a, target: describeRange(text, at.start, at.end), orphaned: false });
    else orphaned.push({ ...a, orphaned: true });
  });
  return { updated, orphaned };
}

function anchorNear(finder: QuoteFinder, target: AnnotationTarget, hint: number): AnchorResult {
  const { text } = finder;
  const { exact, prefix, suffix } = target.quote;
  if (exact === '') return null;
  const { start, end } = target.position;
  if (text.slice(start, end) === exact) return { start, end, method: 'position' };

  const ctx: QuoteContext = { prefix, suffix, hint: Math.min(Math.max(0, hint), text.length) };
  const local: Span = {
    start: Math.max(0, ctx.hint - LOCAL_REACH),
    end: Math.min(text.length, ctx.hint + exact.length + LOCAL_REACH),
  };
  const isWhole = local.start === 0 && local.end === text.length;

  // A local exact match with its context intact is as good as any further away, and nearer;
  // without its context, an occurrence elsewhere may have it (the paragraph moved).
  const nearExact = finder.exact(exact, ctx, local);
  const exactMatch = (nearExact && nearExact.context === 1) || isWhole ? nearExact : finder.exact(exact, ctx);
  if (exactMatch) return placedBy(exactMatch, 'quote');

  const good = (m: QuoteMatch | null): QuoteMatch | null => (m && m.score >= MIN_FUZZY_SCORE ? m : null);
  const fuzzy =
    good(finder.fuzzy(exact, ctx, local)) ?? (isWhole ? null : good(finder.fuzzyAnywhere(exact, ctx)));
  return fuzzy ? placedBy(fuzzy, 'fuzzy') : null;
}

function placedBy(match: QuoteMatch, method: AnchorMethod): AnchorResult {
  return { start: match.start, end: match.end, method };
}
