// Articles by hash, through a real node of the embedded desk and the real provider: an editor puts
// bodies, any member gets them back verified; a body that does not hash to its id is refused by
// the node and, were a node to send one, dropped by the member; readers get but cannot put.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText, contentHash } from '../../src-shared/canonical';
import { verifyArticle, type ArticleBody } from '../../src-shared/desk/article-messages';
import type { DocBlock } from '../../src-shared/model';
import { startLocalDesk, type LocalDesk } from '../../src-main/desk/local-desk';
import { ArticleChannel } from '../../src-renderer/src/desk/article-fetch';
import { SimClient } from './sim-client';

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

async function member(role: 'editor' | 'reader'): Promise<ArticleChannel> {
  const token = await desk.store.addMember(`${role}-${clients.length}`, role);
  const c = new SimClient({ url: desk.nodes[0]!.url, token });
  clients.push(c);
  await c.synced();
  const channel = new ArticleChannel(c.provider);
  channels.push(channel);
  return channel;
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
});
