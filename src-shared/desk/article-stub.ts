// What the shared document is to carry of an article once bodies travel by hash
// (article-messages.ts): everything but its blocks and text, and the way back to a whole record
// from a verified body. Pure; the binding is to use them at the two places articles cross.
import { canonicalText } from '../canonical';
import type { DocBlock, DocumentRecord } from '../model';
import type { ArticleBody } from './article-messages';

/** An article as the desk document lists it: its id (content hash), title and metadata. */
export type ArticleStub = Omit<DocumentRecord, 'blocks' | 'text'>;

export function stubOf(record: DocumentRecord): ArticleStub {
  const { blocks: _blocks, text: _text, ...stub } = record;
  return stub;
}

export function bodyOf(record: DocumentRecord): ArticleBody {
  return { id: record.id, blocks: record.blocks };
}

/** The whole record from a stub and its body; the body must already be verified against the id. */
export function withBody(stub: ArticleStub, blocks: DocBlock[]): DocumentRecord {
  return { ...stub, blocks, text: canonicalText(blocks) };
}
