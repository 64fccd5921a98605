// Turns an importer's article into a ParsedArticle: canonical block text, direction and the
// content hash that identifies the document in the library.
import crypto from 'node:crypto';
import { BLOCK_SEPARATOR, canonicalBlock } from '../../src-shared/canonical';
import type { Direction, ParsedArticle, ParsedBlock } from '../../src-shared/model';
import { directionOfCounts, strongCounts } from '../../src-shared/direction';

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
 * (src-shared/canonical.ts): those pieces, each non-empty, joined by blank lines; its content
 * hash is taken over them as they come, so the joined text is never built. The unit tests check
 * the hash and directions against the shared functions.
 */
export class ArticleBuilder {
  private title = '';
  private caption: string | null = null;
  private readonly blocks: ParsedBlock[] = [];
  /** Every non-empty piece, title and caption included: the canonical text, hashed at the end. */
  private readonly texts: string[] = [];
  private rtl = 0;
  private ltr = 0;
  /** Plain pieces, whose left-to-right letters are not in `ltr` yet. */
  private readonly uncounted: string[] = [];

  /**
   * Adds a piece: its canonical text and its strong letters (direction.ts). `from` gives a
   * block's level, links and stated direction. An empty piece is no block and no part of the text.
   */
  add(
    role: PieceRole,
    text: string,
    rtl: number,
    ltr: number,
    from?: Omit<ParsedBlock, 'kind' | 'text'>,
  ): void {
    if (role === 'title') this.title = text;
    if (text === '') return;
    this.texts.push(text);
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

  /**
   * Adds a plain piece (isPlainCanonical): canonical, and with no right-to-left letter it reads
   * left to right. Its left-to-right letters are counted only if the article's direction
   * depends on them, which takes right-to-left letters elsewhere in it.
   */
  addPlain(role: PieceRole, text: string): void {
    this.add(role, text, 0, 0);
    if (text !== '') this.uncounted.push(text);
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
      direction: meta.direction ?? this.direction(),
      blocks: this.blocks,
      contentHash: sha256Hex(this.texts.join(BLOCK_SEPARATOR)),
    };
    if (meta.siteName !== undefined) article.siteName = meta.siteName;
    if (meta.url) article.url = meta.url;
    return article;
  }

  /** By the majority of strong letters: plain pieces are counted only while right-to-left ones lead. */
  private direction(): Direction {
    let ltr = this.ltr;
    for (let i = 0; i < this.uncounted.length && this.rtl > ltr; i++)
      ltr += strongCounts(this.uncounted[i] as string).ltr;
    return directionOfCounts(this.rtl, ltr);
  }
}

/** contentHash (src-shared/canonical.ts), synchronously: crypto.hash (Node ≥ 20.12) needs no Hash object. */
const sha256Hex = (text: string): string => crypto.hash('sha256', text, 'hex');

/** Finalises a draft whose texts are raw: each is made canonical first. */
export function finalizeArticle(draft: ArticleDraft): ParsedArticle {
  const article = new ArticleBuilder();
  const add = (role: PieceRole, raw: string, from?: ParsedBlock): void => {
    const { text, counts } = canonicalBlock(raw);
    article.add(role, text, counts.rtl, counts.ltr, from);
  };
  add('title', draft.title);
  if (draft.caption !== null) add('caption', draft.caption);
  for (const block of draft.blocks) add(block.kind, block.text, block);
  return article.finish(draft);
}
