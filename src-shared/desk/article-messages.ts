// Articles by hash on a desk: the shared document carries each article's id (its content hash),
// title and metadata, never its body; a member fetches a body it lacks from its own node over
// the authenticated desk link, and keeps it only when it hashes to the id it was asked for.
// These are the messages of that exchange (Hocuspocus stateless messages, JSON), read strictly:
// they reject, never coerce.
import { canonicalText, contentHash } from '../canonical';
import { docBlock } from '../export/backup';
import { CheckError, integer, listOf, record, str } from '../export/record-check';
import type { DocBlock } from '../model';

/** An article's id on a desk: SHA-256 hex of its canonical text. */
export const ARTICLE_ID = /^[0-9a-f]{64}$/;
/** Largest body (JSON of its blocks) a node stores or sends. */
export const MAX_ARTICLE_BODY_CHARS = 32 * 1024 * 1024;
/** Ids in one request, and about how much one reply carries (more replies follow). */
export const MAX_IDS_PER_REQUEST = 2_000;
export const REPLY_CHARS = 8 * 1024 * 1024;

export interface ArticleBody {
  id: string;
  blocks: DocBlock[];
}

export type ArticleRequest =
  | { kind: 'articles-put'; ask: number; articles: ArticleBody[] }
  | { kind: 'articles-get'; ask: number; ids: string[] }
  /** Which of these the node lacks: a member puts those it holds (an upload cut short earlier). */
  | { kind: 'articles-check'; ask: number; ids: string[] };

export type ArticleReply =
  | { kind: 'articles-stored'; ask: number; stored: string[]; refused: string[] }
  | { kind: 'articles'; ask: number; articles: ArticleBody[]; missing: string[]; last: boolean }
  | { kind: 'articles-lacking'; ask: number; lacking: string[] };

const articleId = (v: unknown, path: string): string => {
  const id = str(v, path);
  if (!ARTICLE_ID.test(id)) throw new CheckError(`${path}: expected a content hash`);
  return id;
};
const ask = integer(0);
const ids = (v: unknown, path: string): string[] => {
  const list = listOf(articleId)(v, path);
  if (list.length > MAX_IDS_PER_REQUEST)
    throw new CheckError(`${path}: more than ${MAX_IDS_PER_REQUEST} ids`);
  return list;
};
const articleBody = record<ArticleBody>({ id: articleId, blocks: listOf(docBlock) });

function parse<T>(text: string, kinds: Record<string, (v: unknown, path: string) => T>): T | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  const check = typeof kind === 'string' ? kinds[kind] : undefined;
  if (!check) return 'not an article message';
  try {
    return check(value, 'message');
  } catch (error) {
    return error instanceof CheckError ? error.message : 'malformed';
  }
}

export const ARTICLE_MESSAGE_PREFIX = '{"kind":"articles-';

export function parseArticleRequest(text: string): ArticleRequest | string {
  return parse<ArticleRequest>(text, {
    'articles-put': record({ kind: () => 'articles-put' as const, ask, articles: listOf(articleBody) }),
    'articles-get': record({ kind: () => 'articles-get' as const, ask, ids }),
    'articles-check': record({ kind: () => 'articles-check' as const, ask, ids }),
  });
}

export function parseArticleReply(text: string): ArticleReply | string {
  return parse<ArticleReply>(text, {
    'articles-stored': record({
      kind: () => 'articles-stored' as const,
      ask,
      stored: listOf(articleId),
      refused: listOf(articleId),
    }),
    articles: record({
      kind: () => 'articles' as const,
      ask,
      articles: listOf(articleBody),
      missing: listOf(articleId),
      last: (v, path) => (typeof v === 'boolean' ? v : fail(path)),
    }),
    'articles-lacking': record({ kind: () => 'articles-lacking' as const, ask, lacking: ids }),
  });
}

function fail(path: string): never {
  throw new CheckError(`${path}: expected true or false`);
}

/** True when the blocks are the article the id names (their canonical text hashes to it). */
export async function verifyArticle(body: ArticleBody): Promise<boolean> {
  return (await contentHash(canonicalText(body.blocks))) === body.id;
}

/**
 * The node's word to a live connection that its member's role changed (a broadcast carrying a
 * message of the node's is dropped by the node, so a member cannot forge one).
 */
export interface RoleMessage {
  kind: 'desk-role';
  role: 'editor' | 'reader';
}

export const roleMessage = (role: 'editor' | 'reader'): RoleMessage => ({ kind: 'desk-role', role });

export function parseRoleMessage(text: string): RoleMessage | null {
  try {
    const value = JSON.parse(text) as Partial<RoleMessage> | null;
    return value?.kind === 'desk-role' && (value.role === 'editor' || value.role === 'reader')
      ? { kind: 'desk-role', role: value.role }
      : null;
  } catch {
    return null;
  }
}
