// A member's side of articles by hash (src-shared/desk/article-messages.ts), over the provider's
// authenticated link to its node: put the bodies of articles this library adds, get the bodies of
// articles the desk lists and this library lacks, ask which bodies the node lacks. A body is kept only when it hashes to the id it
// was asked for; anything else is reported as rejected and never reaches the library.
import type { HocuspocusProvider } from '@hocuspocus/provider';
import {
  MAX_IDS_PER_REQUEST,
  parseArticleReply,
  REPLY_CHARS,
  verifyArticle,
  type ArticleBody,
  type ArticleReply,
  type ArticleRequest,
} from '../../../src-shared/desk/article-messages';

export interface Fetched {
  /** Verified bodies. */
  articles: ArticleBody[];
  /** Ids the node does not hold (yet). */
  missing: string[];
  /** Ids whose body did not hash to the id: dropped. */
  rejected: string[];
}

interface Waiting {
  parts: ArticleReply[];
  done: (replies: ArticleReply[]) => void;
  fail: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The link closed, or the node went silent, before it answered: ask again later. */
export class LinkClosedError extends Error {
  override name = 'LinkClosedError';
}

/**
 * How long a request waits for the node's next reply part. Far beyond a loaded node's answer
 * (a part is at most about REPLY_CHARS), but a request is never left waiting for ever.
 */
export const ANSWER_MS = 120_000;

/** What the desk binding needs of a link to its node (ArticleChannel; an in-memory one in tests). */
export interface ArticleLink {
  put(articles: ArticleBody[]): Promise<{ stored: string[]; refused: string[] }>;
  get(ids: string[]): Promise<Fetched>;
  /** Of these ids, those the node holds no body of. */
  lacking(ids: string[]): Promise<string[]>;
}

export class ArticleChannel implements ArticleLink {
  private nextAsk = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly provider: HocuspocusProvider) {
    provider.on('stateless', this.onStateless);
    provider.on('close', this.onClose);
  }

  /** Stores bodies on the node, in requests of about REPLY_CHARS; resolves with what it took. */
  async put(articles: ArticleBody[]): Promise<{ stored: string[]; refused: string[] }> {
    const stored: string[] = [];
    const refused: string[] = [];
    let batch: ArticleBody[] = [];
    let size = 0;
    const send = async () => {
      const replies = await this.ask((ask) => ({ kind: 'articles-put', ask, articles: batch }));
      for (const r of replies) {
        if (r.kind !== 'articles-stored') continue;
        stored.push(...r.stored);
        refused.push(...r.refused);
      }
      batch = [];
      size = 0;
    };
    for (const article of articles) {
      batch.push(article);
      size += article.blocks.reduce((n, b) => n + b.text.length + 64, 0);
      if (size >= REPLY_CHARS) await send();
    }
    if (batch.length) await send();
    return { stored, refused };
  }

  /** Fetches and verifies bodies by id. */
  async get(ids: string[]): Promise<Fetched> {
    const result: Fetched = { articles: [], missing: [], rejected: [] };
    const wanted = new Set(ids);
    for (let at = 0; at < ids.length; at += MAX_IDS_PER_REQUEST) {
      const chunk = ids.slice(at, at + MAX_IDS_PER_REQUEST);
      const replies = await this.ask((ask) => ({ kind: 'articles-get', ask, ids: chunk }));
      for (const reply of replies) {
        if (reply.kind !== 'articles') continue;
        result.missing.push(...reply.missing);
        // All of a part's digests at once: one await each would cost a round trip per article.
        const sound = await Promise.all(
          reply.articles.map((a) => (wanted.has(a.id) ? verifyArticle(a) : Promise.resolve(false))),
        );
        reply.articles.forEach((article, i) => {
          if (sound[i]) result.articles.push(article);
          else result.rejected.push(article.id);
        });
      }
    }
    return result;
  }

  async lacking(ids: string[]): Promise<string[]> {
    const lacking: string[] = [];
    for (let at = 0; at < ids.length; at += MAX_IDS_PER_REQUEST) {
      const chunk = ids.slice(at, at + MAX_IDS_PER_REQUEST);
      for (const reply of await this.ask((ask) => ({ kind: 'articles-check', ask, ids: chunk })))
        if (reply.kind === 'articles-lacking') lacking.push(...reply.lacking);
    }
    return lacking;
  }

  destroy(): void {
    this.provider.off('stateless', this.onStateless);
    this.provider.off('close', this.onClose);
    this.onClose();
  }

  private ask(request: (ask: number) => ArticleRequest): Promise<ArticleReply[]> {
    const ask = this.nextAsk++;
    return new Promise((done, fail) => {
      this.waiting.set(ask, { parts: [], done, fail, timer: this.silence(ask) });
      this.provider.sendStateless(JSON.stringify(request(ask)));
    });
  }

  private silence(ask: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      const waiting = this.waiting.get(ask);
      this.waiting.delete(ask);
      waiting?.fail(new LinkClosedError(`the desk node did not answer within ${ANSWER_MS / 1000} s`));
    }, ANSWER_MS);
  }

  private readonly onStateless = ({ payload }: { payload: string }): void => {
    const reply = parseArticleReply(payload);
    if (typeof reply === 'string') return;
    const waiting = this.waiting.get(reply.ask);
    if (!waiting) return;
    waiting.parts.push(reply);
    clearTimeout(waiting.timer);
    if (reply.kind === 'articles' && !reply.last) waiting.timer = this.silence(reply.ask);
    else {
      this.waiting.delete(reply.ask);
      waiting.done(waiting.parts);
    }
  };

  /** The link closed: what was asked will not be answered on it. */
  private readonly onClose = (): void => {
    for (const [ask, waiting] of this.waiting) {
      this.waiting.delete(ask);
      clearTimeout(waiting.timer);
      waiting.fail(new LinkClosedError('the link to the desk closed before the node answered'));
    }
  };
}
