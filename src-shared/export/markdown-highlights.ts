// Renders one block of article text as Markdown with its annotated ranges in bold, each
// annotation's number `[n]` where it starts: `… **[1] quoted words** …`.
import { escapeInline, escapeLineStart } from './markdown-escape';

export interface HighlightSpan {
  /** Offsets within the block text; a span reaching outside the block is clipped. */
  start: number;
  end: number;
  /** Printed at `start` when the span starts inside this block. */
  marker: string;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/;
const isWordChar = (c: string | undefined): boolean =>
  c !== undefined && !SPACE.test(c) && !PUNCTUATION.test(c);

/** Merged covered ranges, each trimmed of surrounding whitespace (`** word**` would not be bold). */
function boldRuns(text: string, spans: readonly HighlightSpan[]): [number, number][] {
  const clipped = spans
    .map((s) => [Math.max(0, s.start), Math.min(text.length, s.end)] as [number, number])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  const runs: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = runs.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else runs.push([s, e]);
  }
  return runs
    .map(([s, e]): [number, number] => {
      while (s < e && SPACE.test(text[s] ?? '')) s++;
      while (e > s && SPACE.test(text[e - 1] ?? '')) e--;
      return [s, e];
    })
    .filter(([s, e]) => s < e);
}

/** Where a span's marker goes: its start, moved past leading whitespace onto the bold text. */
function markerPosition(text: string, span: HighlightSpan): number {
  let at = span.start;
  while (at < Math.min(text.length, span.end) && SPACE.test(text[at] ?? '')) at++;
  return at < Math.min(text.length, span.end) ? at : span.start;
}

export function highlightBlock(text: string, spans: readonly HighlightSpan[]): string {
  if (spans.length === 0) return escapeLineStart(escapeInline(text));
  const runs = boldRuns(text, spans);
  const markers = new Map<number, string[]>();
  for (const span of spans) {
    if (span.start < 0 || span.start >= text.length) continue;
    const at = markerPosition(text, span);
    markers.set(at, [...(markers.get(at) ?? []), span.marker]);
  }
  const opens = new Set(runs.map(([s]) => s));
  const closes = new Set(runs.map(([, e]) => e));
  const cuts = [...new Set([0, text.length, ...runs.flat(), ...markers.keys()])].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    // CommonMark opens `**` before punctuation such as `[` only after whitespace or punctuation,
    // and closes after punctuation only before whitespace or punctuation: a highlight starting or
    // ending inside a word gets a space beside its asterisks, or they would print as text.
    if (opens.has(from)) out += `${isWordChar(text[from - 1]) ? ' ' : ''}**`;
    const here = markers.get(from);
    if (here) out += `${here.join(' ')} `;
    const piece = escapeInline(text.slice(from, to));
    out += from === 0 ? escapeLineStart(piece) : piece;
    if (closes.has(to)) out += `**${PUNCTUATION.test(text[to - 1] ?? '') && isWordChar(text[to]) ? ' ' : ''}`;
  }
  return out;
}
