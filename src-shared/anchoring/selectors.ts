// Describes a range of the canonical text as W3C selectors (TextQuote with 32-character
// context, TextPosition), the form every annotation is stored and exported in.
import type { AnnotationTarget } from '../model';

export const QUOTE_CONTEXT = 32;

export function describeRange(text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    throw new RangeError(`invalid range ${start}–${end} for a text of ${text.length}`);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Shrinks [start, end) so it neither begins nor ends with whitespace; null if nothing is left. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : null;
}
