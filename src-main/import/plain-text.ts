// Plain text: one article; the first non-empty line is the title, blank lines separate paragraphs.
import { bareDraft, type ArticleDraft } from './article';

export function parsePlainText(text: string): ArticleDraft[] {
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const first = paragraphs[0];
  if (first === undefined) return [];
  const [title = '', ...restOfFirst] = first.split('\n');
  const body = [restOfFirst.join('\n'), ...paragraphs.slice(1)].filter((p) => p.trim() !== '');
  return [
    bareDraft(
      title,
      body.map((text) => ({ kind: 'paragraph', text })),
    ),
  ];
}
