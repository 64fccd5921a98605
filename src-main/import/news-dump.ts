// Parser for scraped news dumps (the layout of resources/sample and the make-news-dump tool):
// several articles per file, each opening with a header — the title, a duplicated image caption
// ending in a parenthesised credit, scrape residue lines ("TT", "20"), then the title (and
// caption) repeated — followed by body paragraphs separated by blank lines. Any part of the
// header but the first title may be missing. One pass, a bounded look-ahead per chunk: linear.
import { creditOf, type ArticleDraft } from './article';
import type { PassProgress } from './progress';

const RESIDUE = /^(?:TT|\d{1,2})$/;
/** A line ending in a parenthesised credit, "… in early March (AFP)". */
const credited = (line: string): boolean => line.endsWith(')') && creditOf(line) !== null;
/** How far (in chunks) the repeated title may follow the first one: caption, residue. */
const HEADER_REACH = 4;

interface Chunk {
  lines: string[];
  /** The lines that are not scrape residue (the same array when none is). */
  content: string[];
  /** Only residue, or one caption given twice: a chunk that can only belong to a header. */
  headerOnly: boolean;
  /** Two or more blank lines came before it: the separator between articles. */
  afterBreak: boolean;
}

function chunk(lines: string[], afterBreak: boolean): Chunk {
  const content = lines.some((l) => RESIDUE.test(l)) ? lines.filter((l) => !RESIDUE.test(l)) : lines;
  const headerOnly = content.length === 0 || (content.length >= 2 && content.every((l) => l === content[0]));
  return { lines, content, headerOnly, afterBreak };
}

/** Lines grouped into chunks at blank lines; lines are trimmed (trailing spaces are noise). */
function chunks(text: string): Chunk[] {
  const result: Chunk[] = [];
  let lines: string[] = [];
  let blanks = 0;
  let afterBreak = true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line !== '') {
      if (blanks > 0 && lines.length > 0) {
        result.push(chunk(lines, afterBreak));
        lines = [];
      }
      if (lines.length === 0) afterBreak = result.length === 0 || blanks >= 2;
      lines.push(line);
      blanks = 0;
    } else {
      blanks += 1;
    }
  }
  if (lines.length > 0) result.push(chunk(lines, afterBreak));
  return result;
}

/** True when chunk i opens an article: its title comes back after caption/residue chunks. */
function opensArticle(all: Chunk[], i: number): boolean {
  const chunk = all[i] as Chunk;
  if (chunk.lines.length !== 1) return false;
  const title = chunk.lines[0] as string;
  if (RESIDUE.test(title)) return false;
  for (let d = 1; d <= HEADER_REACH; d++) {
    const next = all[i + d];
    if (next === undefined) return false;
    const rest = next.content;
    // The repeat must follow at least one header chunk: a paragraph given twice is not a title.
    if (rest[0] === title) return d > 1;
    if (!next.headerOnly && !(d === 1 && rest.length === 1 && credited(rest[0] as string))) break;
    // A title followed by a header chunk after an article break needs no repeat.
    if (d === 1 && chunk.afterBreak) return true;
  }
  return false;
}

interface Header {
  title: string;
  caption: string | null;
  /** Index of the first body chunk. */
  body: number;
}

/** Reads the header that starts at chunk `start`: title, caption, where the body begins. */
function readHeader(all: Chunk[], start: number): Header {
  const title = (all[start] as Chunk).lines[0] as string;
  let caption: string | null = null;
  let sawRepeat = false;
  let i = start + 1;
  for (; i < all.length; i++) {
    const { lines, content } = all[i] as Chunk;
    const rest = content.filter((l) => l !== title && l !== caption);
    if (rest.length === 0) {
      sawRepeat ||= lines.includes(title);
      continue;
    }
    const duplicated = rest.length >= 2 && rest.every((l) => l === rest[0]);
    // A lone credited line is a caption only right after the title, never after the repeat.
    const soleCredited = rest.length === 1 && i === start + 1 && credited(rest[0] as string);
    if (caption === null && !sawRepeat && (duplicated || soleCredited)) {
      caption = rest[0] as string;
      continue;
    }
    break;
  }
  return { title, caption, body: i };
}

/** True when the text looks like a news dump: residue lines, or a title repeated after its header. */
export function looksLikeNewsDump(text: string): boolean {
  const head = chunks(text.slice(0, 64 * 1024)).slice(0, 40);
  if (head.some((c) => c.lines.some((l) => l === 'TT'))) return true;
  return head.length > 2 && opensArticle(head, 0);
}

/** After an article break, a lone short line opens a new article even without a header. */
function startsArticle(all: Chunk[], i: number): boolean {
  const chunk = all[i] as Chunk;
  if (chunk.afterBreak && chunk.lines.length === 1 && (chunk.lines[0] as string).length <= 200) return true;
  return opensArticle(all, i);
}

export function parseNewsDump(text: string, progress?: PassProgress): ArticleDraft[] {
  const all = chunks(text);
  const drafts: ArticleDraft[] = [];
  let i = 0;
  while (i < all.length) {
    progress?.(i / all.length, drafts.length);
    const [title, ...more] = (all[i] as Chunk).lines as [string, ...string[]];
    // A title chunk with more lines has no header: the other lines are already body.
    const head: Header = more.length > 0 ? { title, caption: null, body: i + 1 } : readHeader(all, i);
    let end = head.body;
    while (end < all.length && !startsArticle(all, end)) end++;
    const paragraphs = all.slice(head.body, end).map((c) => c.lines.join(' '));
    if (more.length > 0) paragraphs.unshift(more.join(' '));
    const blocks = paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p }));
    const { caption } = head;
    drafts.push({
      title: head.title,
      caption,
      credit: creditOf(caption),
      author: null,
      published: null,
      blocks,
    });
    i = end;
  }
  return drafts;
}
