// Plain text: one article; the first non-blank line is the title, blank lines (nothing but
// whitespace) separate paragraphs, and the lines of a paragraph read as one.
import { ArticleBuilder } from './article';
import { linesOfText, type TextLines } from './text-lines';
import type { ParsedArticle } from '../../src-shared/model';

export function readPlainText(lines: TextLines): ParsedArticle[] {
  if (lines.count === 0) return [];
  const article = new ArticleBuilder();
  lines.addTo(article, 'title', 0, 1);
  // The title's paragraph goes on as the first body paragraph.
  let first = 1;
  for (let i = 1; i <= lines.count; i++) {
    if (i < lines.count && lines.blanksBefore(i) === 0) continue;
    if (i > first) lines.addTo(article, 'paragraph', first, i);
    first = i;
  }
  return [article.finish({ credit: null, author: null, published: null })];
}

export function parsePlainText(text: string): ParsedArticle[] {
  return readPlainText(linesOfText(text));
}
