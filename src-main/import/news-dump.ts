// Parser for scraped news dumps (the layout of resources/sample and the make-news-dump tool):
// several articles per file, each with a title, a duplicated image caption ending in a
// parenthesised credit, scrape residue lines ("TT", "20"), the header repeated, then body
// paragraphs. Articles are separated by two or more blank lines.
import type { ArticleDraft } from './article';

const RESIDUE = /^(?:TT|\d{1,2})$/;
const CREDIT = /\(([^()]+)\)\s*$/;

type Chunk = string[];

/** Splits text into sections (runs of ≥2 blank lines) of chunks (runs of 1 blank line). */
function sections(text: string): Chunk[][] {
  const result: Chunk[][] = [];
  let section: Chunk[] = [];
  let chunk: Chunk = [];
  let blanks = 0;
  const flushChunk = (): void => {
    if (chunk.length > 0) section.push(chunk);
    chunk = [];
  };
  const flushSection = (): void => {
    flushChunk();
    if (section.length > 0) result.push(section);
    section = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      blanks += 1;
      flushChunk();
      if (blanks === 2) flushSection();
      continue;
    }
    blanks = 0;
    chunk.push(line);
  }
  flushSection();
  return result;
}

const withoutResidue = (chunk: Chunk): Chunk => chunk.filter((l) => !RESIDUE.test(l));

/** True when the text looks like a news dump: a title repeated after its caption/residue header. */
export function looksLikeNewsDump(text: string): boolean {
  const lines = text.split('\n', 400).map((l) => l.trim());
  const first = lines.find((l) => l !== '');
  if (first === undefined) return false;
  const residue = lines.some((l) => l === 'TT');
  const repeated = lines.indexOf(first, lines.indexOf(first) + 1) > 0;
  return residue || repeated;
}

/** Splits a section holding several articles at each title that repeats two or three chunks later. */
function splitArticles(section: Chunk[]): Chunk[][] {
  const starts = [0];
  for (let i = 1; i < section.length; i++) {
    const c = withoutResidue(section[i] ?? []);
    if (c.length !== 1) continue;
    const title = c[0];
    const repeatsSoon = [2, 3, 4].some((d) => {
      const later = withoutResidue(section[i + d] ?? []);
      return later.length > 0 && later[0] === title;
    });
    if (repeatsSoon) starts.push(i);
  }
  return starts.map((s, k) => section.slice(s, starts[k + 1]));
}

function parseArticle(chunks: Chunk[]): ArticleDraft | null {
  const cleaned = chunks.map(withoutResidue).filter((c) => c.length > 0);
  const head = cleaned[0];
  if (!head) return null;
  const title = head[0] as string;
  let caption: string | null = null;
  let i = 0;
  // Header: the title chunk, caption chunks, the repeated title; stops at the first body chunk.
  let sawRepeat = false;
  for (; i < cleaned.length; i++) {
    const lines = (cleaned[i] as Chunk).filter((l, k) => !(i === 0 && k === 0));
    const rest = lines.filter((l) => l !== title && l !== caption);
    if (rest.length === 0) {
      if (i > 0 && lines.includes(title)) sawRepeat = true;
      continue;
    }
    const duplicated = rest.length >= 2 && rest.every((l) => l === rest[0]);
    const soleCredited =
      rest.length === 1 && !sawRepeat && caption === null && i === 1 && CREDIT.test(rest[0] as string);
    if (caption === null && !sawRepeat && (duplicated || soleCredited)) {
      caption = rest[0] as string;
      continue;
    }
    break;
  }
  const blocks = cleaned.slice(i).map((c) => ({ kind: 'paragraph' as const, text: c.join(' ') }));
  const credit = caption ? (CREDIT.exec(caption)?.[1]?.trim() ?? null) : null;
  return { title, caption, credit, author: null, published: null, blocks };
}

export function parseNewsDump(text: string): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  for (const section of sections(text)) {
    for (const chunks of splitArticles(section)) {
      const draft = parseArticle(chunks);
      if (draft) drafts.push(draft);
    }
  }
  return drafts;
}
