// Turns an importer's article into a ParsedArticle: canonical block text, direction and the
// content hash that identifies the document in the library.
import { canonicalBlock } from '../../src-shared/canonical-fast';
import { hashPieces } from './content-hash';
import type { Direction, ParsedArticle, ParsedBlock } from '../../src-shared/model';
import { directionOfCounts } from '../../src-shared/direction';

export type ArticleDraft = Omit<ParsedArticle, 'contentHash' | 'direction' | 'blocks'> & {
  blocks: ParsedBlock[];
  direction?: Direction;
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

/** What a piece of an article is: its title, its caption, or a body block of some kind. */
export type PieceRole = 'title' | 'caption' | ParsedBlock['kind'];

/** The article's fields that are not its text. */
export type ArticleMeta = Pick<
  ArticleDraft,
  'credit' | 'author' | 'published' | 'siteName' | 'url' | 'direction'
>;

/**
 * Builds a ParsedArticle from canonical pieces given in reading order — title, caption, then
 * body blocks. The article's canonical text is articleDocBlocks + canonicalText
 * (src-shared/canonical.ts): those pieces, each non-empty, joined by blank lines. Each piece
 * costs its block and three array slots, its strong letters are summed as it comes, and the
 * hash is taken at the end: one article can have hundreds of thousands of paragraphs, and an
 * object per piece that lives until then is copied by every garbage collection meanwhile. The
 * unit tests check the hash and directions against the shared functions.
 */
export class ArticleBuilder {
  private title = '';
  private caption: string | null = null;
  private readonly blocks: ParsedBlock[] = [];
  /** Every non-empty piece, title and caption included, as hashPieces reads them. */
  private readonly texts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private rtl = 0;
  private ltr = 0;

  /** `bytes`: the file, which pieces read verbatim point into. */
  constructor(private readonly bytes: Uint8Array | null = null) {}

  /**
   * Adds a piece: its canonical text, its strong letters (direction.ts), and where its UTF-8
   * lies in the file when it was read verbatim (else -1). `from` gives a block's level, links
   * and stated direction. An empty piece is no block and no part of the text.
   */
  add(
    role: PieceRole,
    text: string,
    rtl: number,
    ltr: number,
    start = -1,
    end = -1,
    from?: Omit<ParsedBlock, 'kind' | 'text'>,
  ): void {
    if (role === 'title') this.title = text;
    if (text === '') return;
    this.texts.push(text);
    this.starts.push(start);
    this.ends.push(end);
    this.rtl += rtl;
    this.ltr += ltr;
    if (role === 'title') return;
    if (role === 'caption') {
      this.caption = text;
      return;
    }
    // Built field by field: spreading 100,000 blocks costs more than the rest of finalising.
    const block: ParsedBlock = {
      kind: role,
      text,
      direction: from?.direction ?? directionOfCounts(rtl, ltr),
    };
    if (from?.level !== undefined) block.level = from.level;
    if (from?.links !== undefined) block.links = from.links;
    this.blocks.push(block);
  }

  /** The caption as added (canonical), or null. */
  get captionText(): string | null {
    return this.caption;
  }

  finish(meta: ArticleMeta): ParsedArticle {
    // Field by field again: object rest and spread take a slow path in V8.
    const article: ParsedArticle = {
      title: this.title,
      caption: this.caption,
      credit: meta.credit,
      author: meta.author,
      published: meta.published,
      direction: meta.direction ?? directionOfCounts(this.rtl, this.ltr),
      blocks: this.blocks,
      contentHash: hashPieces({ texts: this.texts, starts: this.starts, ends: this.ends, bytes: this.bytes }),
    };
    if (meta.siteName !== undefined) article.siteName = meta.siteName;
    if (meta.url) article.url = meta.url;
    return article;
  }
}

/** Finalises a draft whose texts are raw: each is made canonical first. */
export function finalizeArticle(draft: ArticleDraft): ParsedArticle {
  const article = new ArticleBuilder();
  const add = (role: PieceRole, raw: string, from?: ParsedBlock): void => {
    const { text, counts } = canonicalBlock(raw);
    article.add(role, text, counts.rtl, counts.ltr, -1, -1, from);
  };
  add('title', draft.title);
  if (draft.caption !== null) add('caption', draft.caption);
  for (const block of draft.blocks) add(block.kind, block.text, block);
  return article.finish(draft);
}
