// PDF text runs → article blocks. A PDF holds positioned runs of text, not paragraphs: runs on
// one baseline form a line; a larger vertical gap, an indent, or a short line ending a sentence
// starts a paragraph; a font clearly larger than the body's marks a heading.
import type { ParsedBlock } from '../../src-shared/model';

export interface TextRun {
  text: string;
  x: number;
  /** Baseline, measured upwards from the bottom of the page (PDF user space). */
  y: number;
  width: number;
  size: number;
  /** The run ends a line (pdf.js' hasEOL). */
  eol: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

interface Paragraph {
  lines: Line[];
  size: number;
  heading: boolean;
  page: number;
}

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const ENDS_SENTENCE = /[.!?:;"”»)\]…؟。]$/;

function toLines(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let breakAfter = false;
  for (const run of runs) {
    if (run.text === '') {
      breakAfter ||= run.eol;
      continue;
    }
    const sameBaseline = line !== null && Math.abs(run.y - line.y) <= 0.5 * Math.max(run.size, line.size);
    if (line === null || breakAfter || !sameBaseline) {
      line = { text: run.text, x: run.x, y: run.y, right: run.x + run.width, size: run.size };
      lines.push(line);
    } else {
      const gap = run.x - line.right;
      const glued = /\s$/.test(line.text) || /^\s/.test(run.text) || gap < 0.15 * run.size;
      line.text += glued ? run.text : ` ${run.text}`;
      line.right = Math.max(line.right, run.x + run.width);
      line.size = Math.max(line.size, run.size);
    }
    breakAfter = run.eol;
  }
  return lines
    .map((l) => ({ ...l, text: l.text.trim() }))
    .filter((l) => l.text !== '' && !PAGE_NUMBER.test(l.text));
}

const roundSize = (size: number): number => Math.round(size * 2) / 2;

/** The value that occurs most often (by weight), e.g. the body font size by characters. */
function mode(values: Iterable<[number, number]>): number | null {
  const weights = new Map<number, number>();
  for (const [value, weight] of values) weights.set(value, (weights.get(value) ?? 0) + weight);
  let best: number | null = null;
  let bestWeight = -1;
  for (const [value, weight] of weights) {
    if (weight > bestWeight) [best, bestWeight] = [value, weight];
  }
  return best;
}

function* lineGaps(pages: Line[][]): Generator<[number, number]> {
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1] as Line, lines[i] as Line];
      const gap = a.y - b.y;
      if (gap > 0 && gap < 3 * a.size && roundSize(a.size) === roundSize(b.size)) yield [roundSize(gap), 1];
    }
  }
}

function startsParagraph(
  prev: Line,
  line: Line,
  lineGap: number,
  widest: number,
  isHeading: (l: Line) => boolean,
): boolean {
  const gap = prev.y - line.y;
  if (gap <= 0 || gap > lineGap * 1.4) return true;
  if (isHeading(prev) !== isHeading(line)) return true;
  if (line.x > prev.x + line.size) return true;
  const shortLine = prev.right - prev.x < 0.8 * widest;
  return shortLine && ENDS_SENTENCE.test(prev.text);
}

function toParagraphs(pages: Line[][], isHeading: (l: Line) => boolean): Paragraph[] {
  const lineGap = mode(lineGaps(pages)) ?? Infinity;
  const paragraphs: Paragraph[] = [];
  pages.forEach((lines, page) => {
    const widest = lines.reduce((w, l) => Math.max(w, l.right - l.x), 0);
    let current: Paragraph | null = null;
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      if (current === null || prev === undefined || startsParagraph(prev, line, lineGap, widest, isHeading)) {
        current = { lines: [], size: line.size, heading: isHeading(line), page };
        paragraphs.push(current);
      }
      current.lines.push(line);
      current.size = Math.max(current.size, line.size);
    });
  });
  return paragraphs;
}

/** Joins lines; a line ending in a hyphen after a letter continues the word on the next line. */
function joinLines(lines: readonly Line[]): string {
  let text = '';
  for (const { text: line } of lines) {
    text += text === '' || /\p{L}-$/u.test(text) ? line : ` ${line}`;
  }
  return text;
}

/** A paragraph cut by a page break continues on the next page in lower case. */
function mergeAcrossPages(paragraphs: Paragraph[]): Paragraph[] {
  const merged: Paragraph[] = [];
  for (const p of paragraphs) {
    const last = merged[merged.length - 1];
    const lastLine = last?.lines[last.lines.length - 1];
    const first = p.lines[0];
    if (
      last &&
      lastLine &&
      first &&
      p.page === last.page + 1 &&
      !last.heading &&
      !p.heading &&
      !ENDS_SENTENCE.test(lastLine.text) &&
      /^\p{Ll}/u.test(first.text)
    ) {
      last.lines.push(...p.lines);
      last.page = p.page;
    } else {
      merged.push(p);
    }
  }
  return merged;
}

export interface PdfLayout {
  blocks: ParsedBlock[];
  /** The document's first line: the title when no heading stands out. */
  firstLine: string | null;
}

/** Lays out the runs of each page (in pdf.js' reading order) as headings and paragraphs. */
export function layoutPdf(pages: readonly (readonly TextRun[])[]): PdfLayout {
  const lines = pages.map(toLines);
  const body = mode(lines.flat().map((l): [number, number] => [roundSize(l.size), l.text.length])) ?? 0;
  const isHeading = (l: Line): boolean => l.size >= body * 1.15 && l.text.length < 200;
  const paragraphs = mergeAcrossPages(toParagraphs(lines, isHeading));
  const headingSizes = [...new Set(paragraphs.filter((p) => p.heading).map((p) => roundSize(p.size)))].sort(
    (a, b) => b - a,
  );
  const blocks = paragraphs.map((p): ParsedBlock => {
    const text = joinLines(p.lines);
    if (!p.heading) return { kind: 'paragraph', text };
    return { kind: 'heading', text, level: Math.min(6, headingSizes.indexOf(roundSize(p.size)) + 1) };
  });
  return { blocks, firstLine: lines.flat()[0]?.text ?? null };
}
