// Reading scanned lines (utf8-lines.ts) back as text: lines are compared by their bytes, and
// the lines an importer keeps become canonical pieces (article.ts) — slices of one decode that
// remember where their bytes lie, so the content hash can read those directly.
import type { StrongCounts } from '../../src-shared/direction';
import { canonicalPiece, type Piece, type PieceBlock } from './article';
import { LINE_COLLAPSE, LINE_NFC, LINE_RTL, scanLines, type LineTable } from './utf8-lines';
import { normaliseRaw } from '../../src-shared/canonical';

export class LineText {
  /**
   * The whole text, decoded once: lines are slices of it. One large string sits outside the
   * young generation, where hundreds of thousands of line strings would be copied by every
   * scavenge — that costs more than decoding them one by one saves.
   */
  private whole: string | null;

  /** `text`, when the caller has it already, is the lines' UTF-8 decoded. */
  constructor(
    readonly lines: LineTable,
    text: string | null = null,
  ) {
    this.whole = text;
  }

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
    this.whole ??= new TextDecoder().decode(this.lines.bytes);
    return this.whole.slice(this.lines.textStart[i], this.lines.textEnd[i]);
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

  /** Lines [first, end) joined by spaces — how a run of lines reads — as a canonical piece. */
  piece(first: number, end: number): Piece {
    return this.block(first, end);
  }

  /** The same, as a paragraph. */
  block(first: number, end: number): PieceBlock {
    const { flags, rtl, ltr } = this.lines;
    let text = this.text(first);
    let flagged = flags[first] as number;
    for (let i = first + 1; i < end; i++) {
      text += ' ' + this.text(i);
      flagged |= flags[i] as number;
    }
    if (flagged & (LINE_COLLAPSE | LINE_NFC)) return { kind: 'paragraph', ...canonicalPiece(text) };
    let counts: StrongCounts | null = null;
    if (flagged & LINE_RTL) {
      counts = { rtl: 0, ltr: 0 };
      for (let i = first; i < end; i++) {
        counts.rtl += rtl[i] as number;
        counts.ltr += ltr[i] as number;
      }
    }
    // Only a single line is its own bytes: lines read together are joined by spaces, not breaks.
    const single = end === first + 1;
    return {
      kind: 'paragraph',
      text,
      counts,
      start: single ? (this.lines.start[first] as number) : -1,
      end: single ? (this.lines.end[first] as number) : -1,
    };
  }
}

/** The lines of a text given as a string (tests, format detection): rules 1–3 applied first. */
export function linesOfText(text: string): LineText {
  const lines = scanLines(Buffer.from(text, 'utf8'));
  if (lines !== null) return new LineText(lines, text);
  const normal = normaliseRaw(text);
  return new LineText(scanLines(Buffer.from(normal, 'utf8')) as LineTable, normal);
}
