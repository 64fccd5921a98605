// A node's side of articles by hash (src-shared/desk/article-messages.ts): editors put the bodies
// of the articles they add, every member gets the bodies it lacks and may ask which ids the node
// lacks. A body is stored only when its blocks hash to its id, and only up to
// MAX_ARTICLE_BODY_CHARS; a put is one transaction. Replies go back on the asking connection
// only, in parts of about REPLY_CHARS.
import type { Connection, Extension, onStatelessPayload } from '@hocuspocus/server';
import { createHash } from 'node:crypto';
import { canonicalText } from '../../src-shared/canonical';
import {
  MAX_ARTICLE_BODY_CHARS,
  parseArticleRequest,
  REPLY_CHARS,
  type ArticleBody,
  type ArticleReply,
} from '../../src-shared/desk/article-messages';
import type { DeskStore } from './desk-store';
import { errorMessage } from '../../src-shared/util/error-message';

/**
 * verifyArticle's rule, hashed synchronously: a put of thousands of articles would otherwise wait
 * for a thread-pool round trip per article (seconds on a loaded machine).
 */
const hashesToId = (article: ArticleBody): boolean =>
  createHash('sha256').update(canonicalText(article.blocks)).digest('hex') === article.id;

const reply = (connection: Connection, message: ArticleReply): void =>
  connection.sendStateless(JSON.stringify(message));

export function articleRoute(node: string, store: DeskStore, log: (line: string) => void): Extension {
  return {
    async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
      const request = parseArticleRequest(payload);
      if (typeof request === 'string') return; // not ours, or malformed: nothing to answer
      if (request.kind === 'articles-put') {
        if (connection.readOnly) {
          reply(connection, {
            kind: 'articles-stored',
            ask: request.ask,
            stored: [],
            refused: request.articles.map((a) => a.id),
          });
          return;
        }
        const good: { id: string; body: string }[] = [];
        const refused: string[] = [];
        for (const article of request.articles) {
          const body = JSON.stringify(article.blocks);
          if (body.length <= MAX_ARTICLE_BODY_CHARS && hashesToId(article))
            good.push({ id: article.id, body });
          else refused.push(article.id);
        }
        try {
          await store.putArticles(good);
        } catch (error) {
          log(`desk: ${node} cannot store articles: ${errorMessage(error).split('\n')[0]}`);
          refused.push(...good.splice(0).map((g) => g.id));
        }
        reply(connection, {
          kind: 'articles-stored',
          ask: request.ask,
          stored: good.map((g) => g.id),
          refused,
        });
        return;
      }
      if (request.kind === 'articles-check') {
        // A store that does not answer holds nothing, as far as the member can tell: it puts again.
        const held = await store.heldArticles(request.ids).catch(() => new Set<string>());
        const lacking = request.ids.filter((id) => !held.has(id));
        reply(connection, { kind: 'articles-lacking', ask: request.ask, lacking });
        return;
      }
      let found: Map<string, string>;
      try {
        found = await store.getArticles(request.ids);
      } catch {
        found = new Map();
      }
      const missing = request.ids.filter((id) => !found.has(id));
      let part: ArticleBody[] = [];
      let size = 0;
      const entries = [...found];
      for (const [i, [id, body]] of entries.entries()) {
        part.push({ id, blocks: JSON.parse(body) as ArticleBody['blocks'] });
        size += body.length;
        const last = i === entries.length - 1;
        if (size >= REPLY_CHARS || last) {
          reply(connection, {
            kind: 'articles',
            ask: request.ask,
            articles: part,
            missing: last ? missing : [],
            last,
          });
          part = [];
          size = 0;
        }
      }
      if (entries.length === 0)
        reply(connection, { kind: 'articles', ask: request.ask, articles: [], missing, last: true });
    },
  };
}
