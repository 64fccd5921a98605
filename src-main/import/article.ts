// Turns an importer's article into a ParsedArticle: canonical block text, direction and the
// content hash that identifies the document in the library.
import { canonicalBlock } from './canonical-fast';
import { hashPieces } from './content-hash';
import type { Direction, ParsedArticle, ParsedBlock } from '../../src-shared/model';
import { directionOf, strongCounts, type StrongCounts } from '../../src-shared/direction';

export type ArticleDraft = Omit<ParsedArticle, 'contentHash' | 'direction' | 'blocks'> & {
  blocks: ParsedBlock[];
  direction?: Direction;
};

/** A block's canonical text with what finalising needs to know about it. */
export interface Piece {
  text: string;
  /** Its strong characters, or null when it has no right-to-left letter (it reads LTR). */
  counts: StrongCounts | null;
  /**
   * Where its UTF-8 lies in the draft's `bytes` when it was read verbatim (hashed without
   * re-encoding); -1 when it was not. Numbers, not an object: a dump has 100,000s of pieces.
   */
  start: number;
  end: number;
}

export type PieceBlock = Omit<ParsedBlock, 'text'> & Piece;

/** An article whose title, caption and blocks are already canonical pieces. */
export type PieceDraft = Omit<ArticleDraft, 'title' | 'caption' | 'blocks'> & {
  title: Piece;
  caption: Piece | null;
  blocks: PieceBlock[];
  /** The file's bytes, which verbatim pieces point into. */
  bytes?: Uint8Array;
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

/** Any text made canonical (rules 1–4), with its counts. */
export function canonicalPiece(raw: string): Piece {
  const { text, counts } = canonicalBlock(raw);
  return { text, counts, start: -1, end: -1 };
}

const countsOf = (piece: Piece): StrongCounts => piece.counts ?? strongCounts(piece.text);

/**
 * The article's canonical text is articleDocBlocks + canonicalText (src-shared/canonical.ts):
 * title, caption, then body blocks, each canonical and non-empty. It is assembled here from
 * pieces already made canonical, because doing it again costs as much as the whole parse on a
 * large dump; the unit tests check the hash against the shared functions.
 */
export function assembleArticle(draft: PieceDraft): ParsedArticle {
  const pieces: Piece[] = [];
  if (draft.title.text !== '') pieces.push(draft.title);
  if (draft.caption !== null && draft.caption.text !== '') pieces.push(draft.caption);
  const blocks: ParsedBlock[] = [];
  for (const b of draft.blocks) {
    if (b.text === '') continue;
    pieces.push(b);
    // Built field by field: spreading 100,000 blocks costs more than the rest of finalising.
    const block: ParsedBlock = {
      kind: b.kind,
      text: b.text,
      direction: b.direction ?? (b.counts === null ? 'ltr' : directionOf(b.counts)),
    };
    if (b.level !== undefined) block.level = b.level;
    if (b.links !== undefined) block.links = b.links;
    blocks.push(block);
  }
  let rtlInside = false;
  for (const piece of pieces) if (piece.counts !== null && piece.counts.rtl > 0) rtlInside = true;
  let direction = draft.direction ?? 'ltr';
  if (draft.direction === undefined && rtlInside) {
    const total: StrongCounts = { rtl: 0, ltr: 0 };
    for (const piece of pieces) {
      const { rtl, ltr } = countsOf(piece);
      total.rtl += rtl;
      total.ltr += ltr;
    }
    direction = directionOf(total);
  }
  // Field by field again: object rest and spread take a slow path in V8.
  const article: ParsedArticle = {
    title: draft.title.text,
    caption: draft.caption?.text || null,
    credit: draft.credit,
    author: draft.author,
    published: draft.published,
    direction,
    blocks,
    contentHash: hashPieces(pieces, draft.bytes ?? null),
  };
  if (draft.siteName !== undefined) article.siteName = draft.siteName;
  return article;
}

/** Finalises a draft whose texts are raw: each is made canonical first. */
export function finalizeArticle(draft: ArticleDraft): ParsedArticle {
  return assembleArticle({
    ...draft,
    title: canonicalPiece(draft.title),
    caption: draft.caption === null ? null : canonicalPiece(draft.caption),
    blocks: draft.blocks.map((b) => ({ ...b, ...canonicalPiece(b.text) })),
  });
}
