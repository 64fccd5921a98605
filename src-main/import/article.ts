// Turns an importer's draft article into a ParsedArticle: canonical block text, direction and
// the content hash that identifies the document in the library.
import { createHash } from 'node:crypto';
import { BLOCK_SEPARATOR } from '../../src-shared/canonical';
import { canonicalBlock, type CanonicalBlock } from './canonical-fast';
import type { ParsedArticle, ParsedBlock } from '../../src-shared/model';
import { directionOf, type StrongCounts } from '../../src-shared/direction';

export type ArticleDraft = Omit<ParsedArticle, 'contentHash' | 'direction' | 'blocks'> & {
  blocks: ParsedBlock[];
  direction?: ParsedArticle['direction'];
};

const CREDIT = /\(([^()]+)\)\s*$/;

/** The photo credit a caption ends with, "… on Elm Street (Velmora Courier)" → "Velmora Courier". */
export function creditOf(caption: string | null): string | null {
  if (caption === null) return null;
  return CREDIT.exec(caption)?.[1]?.trim() || null;
}

/** A draft with no caption, credit, author or date: what most single-article formats start from. */
export function bareDraft(title: string, blocks: ParsedBlock[]): ArticleDraft {
  return { title, caption: null, credit: null, author: null, published: null, blocks };
}

/** Each hash.update call costs about a microsecond: texts go in batches of about 1 MB. */
const HASH_BATCH = 1 << 20;

/** SHA-256 hex of the texts joined by BLOCK_SEPARATOR (UTF-8), as contentHash(canonicalText(…)). */
function hashOf(texts: readonly string[]): string {
  const hash = createHash('sha256');
  let batch: string[] = [];
  let size = 0;
  texts.forEach((text, i) => {
    batch.push(i === 0 ? text : BLOCK_SEPARATOR + text);
    size += text.length;
    if (size >= HASH_BATCH) {
      hash.update(batch.join(''), 'utf8');
      batch = [];
      size = 0;
    }
  });
  hash.update(batch.join(''), 'utf8');
  return hash.digest('hex');
}

/**
 * The article's canonical text is articleDocBlocks + canonicalText (src-shared/canonical.ts):
 * title, caption, then body blocks, each canonical and non-empty. It is assembled here from
 * texts already made canonical, because doing it again costs as much as the whole parse on a
 * large dump; the unit tests check the hash against the shared functions.
 */
export async function finalizeArticle(draft: ArticleDraft): Promise<ParsedArticle> {
  const articleCounts: StrongCounts = { rtl: 0, ltr: 0 };
  const count = ({ rtl, ltr }: StrongCounts): void => {
    articleCounts.rtl += rtl;
    articleCounts.ltr += ltr;
  };
  const blocks: ParsedBlock[] = [];
  for (const b of draft.blocks) {
    const { text, counts } = canonicalBlock(b.text);
    if (text === '') continue;
    count(counts);
    blocks.push({ ...b, text, direction: b.direction ?? directionOf(counts) });
  }
  const title = canonicalBlock(draft.title);
  const caption = draft.caption === null ? null : canonicalBlock(draft.caption);
  const head = [title, caption].filter((h): h is CanonicalBlock => h !== null && h.text !== '');
  head.forEach((h) => count(h.counts));
  return {
    ...draft,
    title: title.text,
    caption: caption?.text || null,
    blocks,
    direction: draft.direction ?? directionOf(articleCounts),
    contentHash: hashOf([...head.map((h) => h.text), ...blocks.map((b) => b.text)]),
  };
}
