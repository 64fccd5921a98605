// The lines of a text for the line-based importers (news dumps, plain text): every line that is
// not blank, trimmed, with the number of blank lines before it. A line of nothing but
// whitespace (NBSP included) is blank, so it separates paragraphs. Lines are kept as slices of
// the one decoded text; only the lines an importer keeps are made canonical, and a plain line
// (isPlainCanonical: most of a news dump) already is, so it is never scanned.
import { canonicalBlock, isPlainCanonical, needsRaw, normaliseRaw } from '../../src-shared/canonical';
import { creditOf, type ArticleBuilder, type PieceRole } from './article';

const CR = 0x0d;

export class TextLines {
  private readonly lines: string[] = [];
  private readonly blanks: number[] = [];
  /** Per line: isPlainCanonical. */
  private readonly plain: boolean[] = [];
  /**
   * False when the text holds something canonical rules 1–2 change besides CR LF line ends (a
   * lone CR, U+2028/2029, a control character): then it must be normalised first. Reading
   * stops at the first such line.
   */
  readonly clean: boolean = true;

  constructor(text: string) {
    let blank = 0;
    for (let start = 0; start <= text.length;) {
      let end = text.indexOf('\n', start);
      // CR LF ends a line as LF does (rule 1), so a file saved on Windows reads the same.
      const crlf = end > start && text.charCodeAt(end - 1) === CR;
      if (end < 0) end = text.length;
      const cut = crlf ? end - 1 : end;
      const raw = text.slice(start, cut);
      const line = raw.trim();
      const plain = line !== '' && isPlainCanonical(line);
      // A plain line has nothing rules 1–2 change, but what trim() cut off may (U+2028, a BOM).
      if ((!plain || line.length !== raw.length) && raw !== '' && needsRaw(raw)) {
        this.clean = false;
        return;
      }
      if (line === '') blank++;
      else {
        this.lines.push(line);
        this.blanks.push(blank);
        this.plain.push(plain);
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
    // Plain trimmed lines joined by one space are plain too.
    let plain = true;
    for (let i = first; i < end && plain; i++) plain = this.plain[i] as boolean;
    if (plain) {
      article.addPlain(role, raw);
      return;
    }
    const { text, counts } = canonicalBlock(raw);
    article.add(role, text, counts.rtl, counts.ltr);
  }
}

/** The lines of a decoded text, canonical rules 1–3 applied first where it needs them. */
export function linesOfText(text: string): TextLines {
  const lines = new TextLines(text);
  return lines.clean ? lines : new TextLines(normaliseRaw(text));
}
