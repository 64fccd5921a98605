// Plain text: one article; the first non-blank line is the title, blank lines (nothing but
// whitespace) separate paragraphs, and the lines of a paragraph read as one.
import { assembleArticle, type PieceBlock } from './article';
import { linesOfText, type LineText } from './line-text';
import type { ParsedArticle } from '../../src-shared/model';

export function readPlainText(lines: LineText): ParsedArticle[] {
  if (lines.count === 0) return [];
  const { blanksBefore } = lines.lines;
  const blocks: PieceBlock[] = [];
  // The title's paragraph goes on as the first body paragraph.
  let first = 1;
  for (let i = 1; i <= lines.count; i++) {
    if (i < lines.count && blanksBefore[i] === 0) continue;
    if (i > first) blocks.push(lines.block(first, i));
    first = i;
  }
  const title = lines.piece(0, 1);
  const bytes = lines.lines.bytes;
  return [
    assembleArticle({ title, caption: null, credit: null, author: null, published: null, blocks, bytes }),
  ];
}

export function parsePlainText(text: string): ParsedArticle[] {
  return readPlainText(linesOfText(text));
}
