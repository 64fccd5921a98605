// The article stub the desk document is to carry, and the whole record rebuilt from it and a
// verified body: nothing of the body in the stub, and the round trip loses nothing.
import { describe, expect, it } from 'vitest';
import { canonicalText, contentHash } from '../../../src-shared/canonical';
import {
  parseArticleReply,
  parseArticleRequest,
  verifyArticle,
} from '../../../src-shared/desk/article-messages';
import { bodyOf, stubOf, withBody } from '../../../src-shared/desk/article-stub';
import type { DocBlock, DocumentRecord } from '../../../src-shared/model';

async function record(): Promise<DocumentRecord> {
  const blocks: DocBlock[] = [
    { kind: 'title', text: 'العنوان', direction: 'rtl' },
    { kind: 'paragraph', text: 'قال الوزير إن الأرقام صحيحة.', direction: 'rtl', links: [] },
  ];
  const text = canonicalText(blocks);
  return {
    id: await contentHash(text),
    sourceFile: 'dump.txt',
    articleIndex: 3,
    title: 'العنوان',
    caption: null,
    credit: null,
    author: null,
    published: null,
    direction: 'rtl',
    format: 'news-dump',
    encoding: 'utf-8',
    blocks,
    text,
    importedAt: '2026-12-07T00:00:00.000Z',
  };
}

describe('article stubs', () => {
  it('carry no body, and come back whole with a verified one', async () => {
    const full = await record();
    const stub = stubOf(full);
    expect(stub).not.toHaveProperty('blocks');
    expect(stub).not.toHaveProperty('text');
    expect(JSON.stringify(stub)).not.toContain('الوزير');
    const body = bodyOf(full);
    expect(await verifyArticle(body)).toBe(true);
    expect(withBody(stub, body.blocks)).toEqual(full);
  });
});

describe('article messages', () => {
  it('read a well-formed request and reply, and reject the rest with a reason', async () => {
    const full = await record();
    const put = { kind: 'articles-put', ask: 1, articles: [bodyOf(full)] };
    expect(parseArticleRequest(JSON.stringify(put))).toEqual(put);
    expect(parseArticleRequest('{"kind":"articles-get","ask":2,"ids":["abc"]}')).toBe(
      'message.ids[0]: expected a content hash',
    );
    expect(parseArticleRequest('{"kind":"articles-drop","ask":2}')).toBe('not an article message');
    expect(parseArticleRequest('not json')).toBe('not JSON');
    const ids = Array.from({ length: 2_001 }, () => full.id);
    expect(parseArticleRequest(JSON.stringify({ kind: 'articles-get', ask: 3, ids }))).toBe(
      'message.ids: more than 2000 ids',
    );
    const reply = { kind: 'articles', ask: 2, articles: [bodyOf(full)], missing: [], last: true };
    expect(parseArticleReply(JSON.stringify(reply))).toEqual(reply);
    expect(parseArticleReply(JSON.stringify({ ...reply, last: 'yes' }))).toBe(
      'message.last: expected true or false',
    );
  });
});
