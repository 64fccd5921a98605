// Turns an importer's draft article into a ParsedArticle: canonical block text, direction and
// the content hash that identifies the document in the library.
import {
  articleDocBlocks,
  canonicalBlockText,
  canonicalText,
  contentHash,
  detectDirection,
} from '../../src-shared/canonical';
import type { ParsedArticle, ParsedBlock } from '../../src-shared/model';

export type ArticleDraft = Omit<ParsedArticle, 'contentHash' | 'direction' | 'blocks'> & {
  blocks: ParsedBlock[];
  direction?: ParsedArticle['direction'];
};

export async function finalizeArticle(draft: ArticleDraft): Promise<ParsedArticle> {
  const blocks = draft.blocks
    .map((b) => {
      const text = canonicalBlockText(b.text);
      return { ...b, text, direction: b.direction ?? detectDirection(text) };
    })
    .filter((b) => b.text !== '');
  const title = canonicalBlockText(draft.title);
  const caption = draft.caption === null ? null : canonicalBlockText(draft.caption) || null;
  const base = { ...draft, title, caption, blocks };
  const docBlocks = articleDocBlocks(base);
  const direction = draft.direction ?? detectDirection(docBlocks.map((b) => b.text).join(' '));
  return { ...base, direction, contentHash: await contentHash(canonicalText(docBlocks)) };
}
