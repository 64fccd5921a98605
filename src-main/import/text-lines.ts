// The lines of a text for the line-based importers (news dumps, plain text): every line that is
// not blank, trimmed, with the number of blank lines before it. A line of nothing but
// whitespace (NBSP included) is blank, so it separates paragraphs. Lines are kept as slices of
// the one decoded text; only the lines an importer keeps are made canonical.
import { canonicalBlock, normaliseLines } from '../../src-shared/canonical';
import { creditOf, type ArticleBuilder, type PieceRole } from './article';

export class TextLines {
  private readonly lines: string[] = [];
  private readonly blanks: number[] = [];

  /** `text` must have had canonical rules 1–2 applied (lines end in LF only): see linesOfText. */
  constructor(text: string) {
    let blank = 0;
    for (let start = 0; start <= text.length;) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end).trim();
      if (line === '') blank++;
      else {
        this.lines.push(line);
        this.blanks.push(blank);
        blank = 0;
      }
      start = end + 1;
    }
  }

  get count(): number {
    return this.lines.length;
  }

  /** Line i, trimmed. */
  text(i: number): string {
    return this.lines[i] as string;
  }

  /** How many blank lines come right before line i. */
  blanksBefore(i: number): number {
    return this.blanks[i] as number;
  }

  /** True when lines i and j hold the same text. */
  same(i: number, j: number): boolean {
    return this.lines[i] === this.lines[j];
  }

  /** True when line i ends in a parenthesised credit (creditOf finds one). */
  credited(i: number): boolean {
    const line = this.lines[i] as string;
    return line.endsWith(')') && creditOf(line) !== null;
  }

  /** Lines [first, end) joined by spaces — how a run of lines reads — added to `article` as `role`. */
  addTo(article: ArticleBuilder, role: PieceRole, first: number, end: number): void {
    const raw = end === first + 1 ? this.text(first) : this.lines.slice(first, end).join(' ');
    const { text, counts } = canonicalBlock(raw);
    article.add(role, text, counts.rtl, counts.ltr);
  }
}

/** The lines of a decoded text, canonical rules 1–3 applied first where it needs them. */
export function linesOfText(text: string): TextLines {
  return new TextLines(normaliseLines(text));
}
