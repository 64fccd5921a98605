// Parser for scraped news dumps (the layout of resources/sample and the make-news-dump tool):
// several articles per file, each opening with a header — the title, a duplicated image caption
// ending in a parenthesised credit, scrape residue lines ("TT", "20"), then the title (and
// caption) repeated — followed by body paragraphs separated by blank lines. Any part of the
// header but the first title may be missing. One pass over the file's lines (text-lines.ts),
// a bounded look-ahead per chunk: linear.
import { ArticleBuilder, creditOf } from './article';
import { readDumpDetails } from './dump-details';
import { linesOfText, type TextLines } from './text-lines';
import type { ParsedArticle } from '../../src-shared/model';
import type { PassProgress } from './progress';

/** How far (in chunks) the repeated title may follow the first one: caption, residue. */
const HEADER_REACH = 4;
/** A lone line longer than this (in UTF-16 units) after an article break is not a title. */
const TITLE_MAX = 200;

const AFTER_BREAK = 1; // two or more blank lines came before the chunk: an article separator
const HEADER_ONLY = 2; // only residue, or one caption given twice: it can only belong to a header
const HAS_RESIDUE = 4;

/** Scrape residue: "TT", or a number of one or two digits alone on a line. */
const RESIDUE = /^(?:TT|[0-9]{1,2})$/;

/**
 * The chunks of a dump — runs of lines between blank lines — kept in typed arrays: a 40 MB
 * dump has hundreds of thousands, and objects for them would cost more than the parse.
 */
class DumpReader {
  readonly count: number;
  /** Chunk k holds the lines first[k] … end[k] - 1. */
  readonly first: Int32Array;
  readonly end: Int32Array;
  private readonly kind: Uint8Array;

  constructor(readonly lines: TextLines) {
    const capacity = lines.count;
    this.first = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    let count = 0;
    let from = 0;
    for (let i = 1; i <= lines.count; i++) {
      if (i < lines.count && lines.blanksBefore(i) === 0) continue;
      this.first[count] = from;
      this.end[count] = i;
      this.kind[count] = this.kindOf(from, i);
      count++;
      from = i;
    }
    this.count = count;
  }

  /** True when chunk k is one line. */
  single(k: number): boolean {
    return (this.end[k] as number) - (this.first[k] as number) === 1;
  }

  /** The lines of chunk k that are not scrape residue. */
  content(k: number): number[] {
    const lines: number[] = [];
    for (let l = this.first[k] as number; l < (this.end[k] as number); l++)
      if (!((this.kind[k] as number) & HAS_RESIDUE) || !this.isResidue(l)) lines.push(l);
    return lines;
  }

  /** The "TT" line scrapers leave, the surest sign of a news dump. */
  isTT(i: number): boolean {
    return this.lines.text(i) === 'TT';
  }

  /** Scrape residue: "TT" or a number of one or two digits alone on a line. */
  isResidue(i: number): boolean {
    const line = this.lines.text(i);
    return line.length <= 2 && RESIDUE.test(line);
  }

  /** A line ending in a parenthesised credit, "… in early March (AFP)". */
  credited(i: number): boolean {
    return this.lines.credited(i);
  }

  /** True when chunk k opens an article: its title comes back after caption/residue chunks. */
  opensArticle(k: number): boolean {
    if (!this.single(k)) return false;
    const title = this.first[k] as number;
    if (this.isResidue(title)) return false;
    for (let d = 1; d <= HEADER_REACH; d++) {
      const next = k + d;
      if (next >= this.count) return false;
      const kind = this.kind[next] as number;
      // Without residue the content is the chunk's lines: no array needed on this hot path.
      const rest = kind & HAS_RESIDUE ? this.content(next) : null;
      const head = rest === null ? (this.first[next] as number) : rest[0];
      const size = rest === null ? (this.end[next] as number) - (this.first[next] as number) : rest.length;
      // The repeat must follow at least one header chunk: a paragraph given twice is not a title.
      if (head !== undefined && this.lines.same(head, title)) return d > 1;
      const captionAfterTitle = d === 1 && size === 1 && this.credited(head as number);
      if (!(kind & HEADER_ONLY) && !captionAfterTitle) break;
      // A title followed by a header chunk after an article break needs no repeat.
      if (d === 1 && (this.kind[k] as number) & AFTER_BREAK) return true;
    }
    return false;
  }

  /** After an article break, a lone short line opens a new article even without a header. */
  startsArticle(k: number): boolean {
    const lone = (this.kind[k] as number) & AFTER_BREAK && this.single(k);
    if (lone && this.shortLine(this.first[k] as number)) return true;
    return this.opensArticle(k);
  }

  /** Reads the header that starts at chunk `start`: title, caption, where the body begins. */
  readHeader(start: number): Header {
    const { lines } = this;
    const title = this.first[start] as number;
    let caption = -1;
    let sawRepeat = false;
    let k = start + 1;
    for (; k < this.count; k++) {
      // The chunk's lines that are not residue, the title or the caption: how many, the
      // first of them, and whether they are all the same line.
      const residue = ((this.kind[k] as number) & HAS_RESIDUE) !== 0;
      let rest = 0;
      let one = -1;
      let allSame = true;
      for (let l = this.first[k] as number; l < (this.end[k] as number); l++) {
        if (
          (residue && this.isResidue(l)) ||
          lines.same(l, title) ||
          (caption >= 0 && lines.same(l, caption))
        )
          continue;
        if (rest++ === 0) one = l;
        else allSame &&= lines.same(l, one);
      }
      if (rest === 0) {
        for (let l = this.first[k] as number; l < (this.end[k] as number); l++)
          sawRepeat ||= lines.same(l, title);
        continue;
      }
      const duplicated = rest >= 2 && allSame;
      // A lone credited line is a caption only right after the title, never after the repeat.
      const soleCredited = rest === 1 && k === start + 1 && this.credited(one);
      if (caption < 0 && !sawRepeat && (duplicated || soleCredited)) {
        caption = one;
        continue;
      }
      break;
    }
    return { title, caption: caption < 0 ? null : caption, body: k };
  }

  private shortLine(i: number): boolean {
    return this.lines.text(i).length <= TITLE_MAX;
  }

  private kindOf(first: number, end: number): number {
    let kind = first === 0 || this.lines.blanksBefore(first) >= 2 ? AFTER_BREAK : 0;
    let content = -1;
    let contentCount = 0;
    let allSame = true;
    for (let l = first; l < end; l++) {
      if (this.isResidue(l)) {
        kind |= HAS_RESIDUE;
        continue;
      }
      if (content < 0) content = l;
      else allSame &&= this.lines.same(l, content);
      contentCount++;
    }
    if (contentCount === 0 || (contentCount >= 2 && allSame)) kind |= HEADER_ONLY;
    return kind;
  }
}

interface Header {
  title: number;
  caption: number | null;
  /** Index of the first body chunk. */
  body: number;
}

/** True when the text looks like a news dump: residue lines, or a title repeated after its header. */
export function looksLikeNewsDump(text: string): boolean {
  const reader = new DumpReader(linesOfText(text.slice(0, 64 * 1024)));
  const chunks = Math.min(reader.count, 40);
  const end = chunks > 0 ? (reader.end[chunks - 1] as number) : 0;
  for (let i = 0; i < end; i++) if (reader.isTT(i)) return true;
  return chunks > 2 && reader.opensArticle(0);
}

/** The articles of a scanned news dump. */
export function readNewsDump(lines: TextLines, progress?: PassProgress): ParsedArticle[] {
  const reader = new DumpReader(lines);
  const articles: ParsedArticle[] = [];
  /** The first line of chunk c (the end of the lines past the last chunk). */
  const lineOf = (c: number): number => (c < reader.count ? (reader.first[c] as number) : lines.count);
  let k = 0;
  while (k < reader.count) {
    progress?.(k / reader.count, articles.length);
    const first = reader.first[k] as number;
    const last = reader.end[k] as number;
    // A title chunk with more lines has no header: the other lines are already body.
    const more = last - first > 1;
    const head: Header = more ? { title: first, caption: null, body: k + 1 } : reader.readHeader(k);
    let end = head.body;
    while (end < reader.count && !reader.startsArticle(end)) end++;
    const article = new ArticleBuilder();
    lines.addTo(article, 'title', head.title, head.title + 1);
    if (head.caption !== null) lines.addTo(article, 'caption', head.caption, head.caption + 1);
    if (more) lines.addTo(article, 'paragraph', first + 1, last);
    for (let b = head.body; b < end; b++)
      lines.addTo(article, 'paragraph', reader.first[b] as number, reader.end[b] as number);
    // Detail lines ("URL: …", a date, a byline) open the body, right after the title's chunk.
    const details = readDumpDetails(lines, more ? first + 1 : lineOf(head.body), lineOf(end));
    articles.push(article.finish({ credit: creditOf(article.captionText), ...details }));
    k = end;
  }
  return articles;
}

/** The articles of a news dump given as text. */
export function parseNewsDump(text: string, progress?: PassProgress): ParsedArticle[] {
  return readNewsDump(linesOfText(text), progress);
}
