// Reading scanned lines (utf8-lines.ts) back as text: lines are compared by their bytes, and
// the lines an importer keeps become pieces of an article (article.ts) — slices of the text
// the scan decoded, given with where their bytes lie, so the content hash can read those.
import type { ArticleBuilder, PieceRole } from './article';
import { canonicalBlock } from '../../src-shared/canonical-fast';
import { LINE_COLLAPSE, LINE_NFC, scanLines, type LineTable } from './utf8-lines';
import { normaliseRaw } from '../../src-shared/canonical';

export class LineText {
  /** Which of LineTable.texts the last line read lay in: lines are mostly read in order. */
  private lastText = 0;

  constructor(readonly lines: LineTable) {}

  get count(): number {
    return this.lines.count;
  }

  /** Length of line i in bytes. */
  size(i: number): number {
    return (this.lines.end[i] as number) - (this.lines.start[i] as number);
  }

  /** Byte k of line i. */
  byte(i: number, k: number): number {
    return this.lines.bytes[(this.lines.start[i] as number) + k] as number;
  }

  /** Line i's text, trimmed. */
  text(i: number): string {
    const { texts, textStarts, textStart, textEnd } = this.lines;
    const from = textStart[i] as number;
    const to = textEnd[i] as number;
    if (!this.holds(this.lastText, from)) this.lastText = textAt(textStarts, from);
    let k = this.lastText;
    let base = textStarts[k] as number;
    let text = (texts[k] as string).slice(from - base, to - base);
    // A line longer than a chunk goes on into the next texts.
    while (to > base + (texts[k] as string).length) {
      base = textStarts[++k] as number;
      text += (texts[k] as string).slice(0, to - base);
    }
    return text;
  }

  /** True when text k holds UTF-16 offset `at`. */
  private holds(k: number, at: number): boolean {
    const start = this.lines.textStarts[k] as number;
    return at >= start && at < start + (this.lines.texts[k] as string).length;
  }

  /** True when lines i and j hold the same text. */
  same(i: number, j: number): boolean {
    const size = this.size(i);
    if (size !== this.size(j)) return false;
    const { bytes, start } = this.lines;
    const a = start[i] as number;
    const b = start[j] as number;
    for (let k = 0; k < size; k++) if (bytes[a + k] !== bytes[b + k]) return false;
    return true;
  }

  /**
   * Lines [first, end) joined by spaces — how a run of lines reads — added to `article` as its
   * `role`: verbatim when the scan found nothing the rules would change, made canonical when it
   * did. Only a single line is its own bytes: lines read together are joined by spaces.
   */
  addTo(article: ArticleBuilder, role: PieceRole, first: number, end: number): void {
    const { flags, rtl, ltr, start: starts, end: ends } = this.lines;
    let text = this.text(first);
    let flagged = flags[first] as number;
    let rtlCount = rtl[first] as number;
    let ltrCount = ltr[first] as number;
    for (let i = first + 1; i < end; i++) {
      text += ' ' + this.text(i);
      flagged |= flags[i] as number;
      rtlCount += rtl[i] as number;
      ltrCount += ltr[i] as number;
    }
    if (flagged & (LINE_COLLAPSE | LINE_NFC)) {
      const canonical = canonicalBlock(text);
      article.add(role, canonical.text, canonical.counts.rtl, canonical.counts.ltr);
    } else if (end === first + 1) article.add(role, text, rtlCount, ltrCount, starts[first], ends[first]);
    else article.add(role, text, rtlCount, ltrCount);
  }
}

/** The last of the texts that starts at or before UTF-16 offset `at`. */
function textAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The lines of a text given as a string (tests, format detection): rules 1–3 applied first. */
export function linesOfText(text: string): LineText {
  const lines = scanLines(Buffer.from(text, 'utf8'));
  if (lines !== null) return new LineText(lines);
  return new LineText(scanLines(Buffer.from(normaliseRaw(text), 'utf8')) as LineTable);
}
