// Articles by hash, through a real node of the embedded desk and the real provider: an editor puts
// bodies, any member gets them back verified; a body that does not hash to its id is refused by
// the node and, were a node to send one, dropped by the member; readers get but cannot put;
// strangers get nothing; the caps hold. And a member who joins after an import: the desk
// document gives it stubs only, the node the bodies, and the annotations come with them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText, contentHash } from '../../src-shared/canonical';
import {
  MAX_ARTICLE_BODY_CHARS,
  MAX_IDS_PER_REQUEST,
  verifyArticle,
  type ArticleBody,
} from '../../src-shared/desk/article-messages';
import { withBody } from '../../src-shared/desk/article-stub';
import {
  DESK_DOCUMENT,
  documentsOf,
  documentStub,
  needsBody,
  readDocument,
  readRecord,
  writeDocument,
  writeRecord,
} from '../../src-shared/desk/desk-doc';
import * as Y from 'yjs';
import type { DocBlock } from '../../src-shared/model';
import { startLocalDesk, type LocalDesk } from '../../src-main/desk/local-desk';
import { ArticleChannel } from '../../src-renderer/src/desk/article-fetch';
import { claimRecord, documentRecord } from './desk-records';
import { authMessage, rawSocket, statelessMessage } from './raw-socket';
import { PATIENCE, SimClient, waitFor } from './sim-client';

let dir: string;
let desk: LocalDesk;
const clients: SimClient[] = [];
const channels: ArticleChannel[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-articles-'));
  desk = await startLocalDesk({ dir, fast: true, log: () => undefined });
});

afterAll(async () => {
  for (const c of channels) c.destroy();
  for (const c of clients) c.destroy();
  await desk?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function joined(role: 'editor' | 'reader'): Promise<{ sim: SimClient; channel: ArticleChannel }> {
  const token = await desk.store.addMember(`${role}-${clients.length}`, role);
  const sim = new SimClient({ url: desk.nodes[0]!.url, token });
  clients.push(sim);
  await sim.synced();
  const channel = new ArticleChannel(sim.provider);
  channels.push(channel);
  return { sim, channel };
}

async function member(role: 'editor' | 'reader'): Promise<ArticleChannel> {
  return (await joined(role)).channel;
}

async function article(title: string, body: string): Promise<ArticleBody> {
  const blocks: DocBlock[] = [
    { kind: 'title', text: title, direction: 'rtl' },
    { kind: 'paragraph', text: body, direction: 'rtl' },
  ];
  return { id: await contentHash(canonicalText(blocks)), blocks };
}

describe('articles by hash', () => {
  it('stores what an editor puts and gives it, verified, to any member', async () => {
    const editor = await member('editor');
    const reader = await member('reader');
    const articles = await Promise.all([1, 2, 3].map((i) => article(`العنوان ${i}`, `قال الوزير ${i}`)));
    expect(await editor.put(articles)).toEqual({ stored: articles.map((a) => a.id), refused: [] });
    const unknown = await contentHash('never imported');
    const fetched = await reader.get([...articles.map((a) => a.id), unknown]);
    expect(fetched.articles).toEqual(articles);
    expect(fetched.missing).toEqual([unknown]);
    expect(fetched.rejected).toEqual([]);
  });

  it('refuses a body that does not hash to its id, and a reader\u2019s put', async () => {
    const editor = await member('editor');
    const reader = await member('reader');
    const real = await article('title', 'the real text');
    const forged: ArticleBody = {
      id: real.id,
      blocks: [{ kind: 'title', text: 'forged', direction: 'ltr' }],
    };
    expect(await editor.put([forged])).toEqual({ stored: [], refused: [real.id] });
    expect((await editor.get([real.id])).missing).toEqual([real.id]);
    const other = await article('by a reader', 'text');
    expect(await reader.put([other])).toEqual({ stored: [], refused: [other.id] });
    expect((await reader.get([other.id])).missing).toEqual([other.id]);
  });

  it('carries 2,000 articles in parts and verifies each', async () => {
    const editor = await member('editor');
    const reader = await member('reader');
    const articles = await Promise.all(
      Array.from({ length: 2_000 }, (_, i) => article(`${i}`, `${i} ${'نص المقال '.repeat(500)}`)),
    );
    const { stored } = await editor.put(articles);
    expect(stored).toHaveLength(2_000);
    const fetched = await reader.get(articles.map((a) => a.id));
    expect(fetched.articles).toHaveLength(2_000);
    expect(fetched.missing).toEqual([]);
  });

  it('a member keeps only bodies that hash to their id', async () => {
    const real = await article('t', 'body');
    expect(await verifyArticle(real)).toBe(true);
    expect(
      await verifyArticle({ ...real, blocks: [{ ...real.blocks[0]!, text: 'T' }, real.blocks[1]!] }),
    ).toBe(false);
  });

  it('gives nothing to a connection without a member’s token', async () => {
    const editor = await member('editor');
    const secret = await article('secret', 'not for strangers');
    await editor.put([secret]);
    const get = JSON.stringify({ kind: 'articles-get', ask: 1, ids: [secret.id] });
    for (const token of [null, 'not-a-token']) {
      const raw = rawSocket(desk.nodes[0]!.url);
      const received: string[] = [];
      raw.socket.on('message', (data: Buffer) => received.push(data.toString('latin1')));
      expect(await raw.opened).toBe(true);
      if (token) raw.socket.send(authMessage(token));
      raw.socket.send(statelessMessage(get));
      // A stranger is cut off (wrong token, or no token within the auth timeout): by then any
      // answer would have come.
      await raw.closed;
      expect(received.some((m) => m.includes('not for strangers'))).toBe(false);
    }
  });

  it('holds the caps: a body over the size cap, and a request for too many ids', async () => {
    const { sim, channel } = await joined('editor');
    const big = await article('big', 'x'.repeat(MAX_ARTICLE_BODY_CHARS));
    expect(await channel.put([big])).toEqual({ stored: [], refused: [big.id] });
    expect((await channel.get([big.id])).missing).toEqual([big.id]);
    // Too many ids: the node answers nothing to a request it cannot read, and stores nothing.
    const ids = await Promise.all(
      Array.from({ length: MAX_IDS_PER_REQUEST + 1 }, (_, i) => contentHash(String(i))),
    );
    const ask = 999_999;
    sim.provider.sendStateless(JSON.stringify({ kind: 'articles-get', ask, ids }));
    const ok = await article('after', 'a request after the refused one');
    expect(await channel.put([ok])).toEqual({ stored: [ok.id], refused: [] });
    expect(sim.stateless.some((m) => m.includes(`"ask":${ask}`))).toBe(false);
  });
});

describe('a member who joins after an import', () => {
  it('gets stubs from the desk, the bodies by hash from the node, and the annotations', async () => {
    // Huda imports three articles and highlights one, as the app's binding writes them.
    const huda = await joined('editor');
    const records = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const body = await article(`مقال ${i}`, `قال الوزير إن الأرقام ${i} صحيحة.`);
        return withBody({ ...documentRecord(body.id, { articleIndex: i, title: `مقال ${i}` }) }, body.blocks);
      }),
    );
    const claim = claimRecord('huda-claim', { documentId: records[0]!.id });
    expect(
      (await huda.channel.put(records.map((r) => ({ id: r.id, blocks: r.blocks })))).stored,
    ).toHaveLength(3);
    huda.sim.doc.transact(() => {
      for (const r of records) writeDocument(huda.sim.doc, r);
      writeRecord(huda.sim.doc, 'annotations', claim);
    });
    await huda.sim.flushed();
    // What the node keeps of the library: stubs, no article text.
    const storedDesk = async (): Promise<Y.Doc> => {
      const doc = new Y.Doc();
      const state = await desk.store.fetchDocument(DESK_DOCUMENT);
      if (state) Y.applyUpdate(doc, state);
      return doc;
    };
    let stored = await storedDesk();
    for (const deadline = Date.now() + PATIENCE; documentsOf(stored).size < 3 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 200));
      stored = await storedDesk();
    }
    expect(documentsOf(stored).size).toBe(3);
    for (const r of records) expect(documentsOf(stored).get(r.id)).not.toHaveProperty('blocks');

    // Omar joins as a reader: the stubs arrive with the document, the bodies on request.
    const omar = await joined('reader');
    await waitFor(() => documentsOf(omar.sim.doc).size >= 3, PATIENCE, 'the stubs');
    for (const r of records) {
      expect(needsBody(omar.sim.doc, r.id)).toBe(true);
      expect(documentStub(omar.sim.doc, r.id)).not.toHaveProperty('text');
      expect(readDocument(omar.sim.doc, r.id)).toBeUndefined();
    }
    const fetched = await omar.channel.get(records.map((r) => r.id));
    expect(fetched.rejected).toEqual([]);
    const got = new Map(fetched.articles.map((a) => [a.id, a.blocks]));
    for (const r of records) expect(readDocument(omar.sim.doc, r.id, got.get(r.id))).toEqual(r);
    expect(readRecord(omar.sim.doc, 'annotations', 'huda-claim')).toMatchObject({
      documentId: records[0]!.id,
    });
    expect(JSON.stringify([...documentsOf(omar.sim.doc).values()])).not.toContain('الأرقام');
  });

  it('refuses a body the node sends that does not hash to its id', async () => {
    const reader = await member('reader');
    const real = await article('real', 'the real text');
    // A node whose store was tampered with (or a hostile node) sends other bytes for the id.
    await desk.store.putArticles([
      { id: real.id, body: JSON.stringify([{ kind: 'title', text: 'forged', direction: 'ltr' }]) },
    ]);
    const fetched = await reader.get([real.id]);
    expect(fetched.articles).toEqual([]);
    expect(fetched.rejected).toEqual([real.id]);
  });
});
