// A desk node when its store fails: a stored document that does not decode, a full disk (SQLite's
// "database or disk is full", from a page limit on the desk's own file), and a PostgreSQL that
// went away. Each is one line in the log; the node stays up and keeps serving what it holds; the
// stored state is never half-written, and is brought up to date once the store is back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DESK_DOCUMENT, readRecord, writeDocument, writeRecord } from '../../src-shared/desk/desk-doc';
import type { SqliteDeskStore } from '../../src-main/desk/desk-store-sqlite';
import { startLocalDesk, type LocalDesk } from '../../src-main/desk/local-desk';
import { startPostgres } from '../../src-main/desk/local-services';
import { STORE_RETRY_MS } from '../../src-main/desk/node-persistence';
import { claimRecord, documentRecord } from './desk-records';
import { SimClient, waitFor } from './sim-client';

const cleanups: (() => Promise<void> | void)[] = [];
const clients: SimClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desk(options: { scale?: boolean; nodes?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-failures-'));
  const lines: string[] = [];
  const started: LocalDesk = await startLocalDesk({ dir, fast: true, log: (l) => lines.push(l), ...options });
  const token = await started.store.addMember('analysts', 'editor');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  let current = started;
  cleanups.push(() => current.stop());
  return {
    dir,
    lines,
    token,
    get desk() {
      return current;
    },
    async restart() {
      await current.stop();
      current = await startLocalDesk({ dir, fast: true, log: (l) => lines.push(l), ...options });
    },
  };
}

function client(url: string, token: string): SimClient {
  const c = new SimClient({ url, token });
  clients.push(c);
  return c;
}

async function stored(d: LocalDesk): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await d.store.fetchDocument(DESK_DOCUMENT);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

describe('a damaged stored document', () => {
  it('is reported in one line, left as it is, not served; the node stays up and serves it once repaired', async () => {
    const d = await desk();
    const a = client(d.desk.nodes[0]!.url, d.token);
    await a.synced();
    writeRecord(a.doc, 'annotations', claimRecord('kept'));
    await a.flushed();
    const good = Y.encodeStateAsUpdate(a.doc);
    a.destroy();
    await d.restart();
    const damaged = Buffer.from(good.subarray(0, Math.floor(good.length / 2)));
    await d.desk.store.storeDocument(DESK_DOCUMENT, damaged);

    const b = client(d.desk.nodes[0]!.url, d.token);
    await expect(b.synced()).rejects.toThrow(/damaged/);
    const reports = d.lines.filter((l) => l.includes('damaged'));
    expect(reports).toEqual([
      `desk: node-1: the stored ${DESK_DOCUMENT} is damaged (${damaged.length} bytes); kept as it is, not served`,
    ]);
    expect(Buffer.from((await d.desk.store.fetchDocument(DESK_DOCUMENT))!)).toEqual(damaged);

    // The administrator puts a good copy back; the same node serves it, no restart.
    await d.desk.store.storeDocument(DESK_DOCUMENT, good);
    const c = client(d.desk.nodes[0]!.url, d.token);
    await c.synced();
    expect(readRecord(c.doc, 'annotations', 'kept')).toBeDefined();
  });
});

describe('a full disk', () => {
  it('is reported once; members keep syncing; the stored state stays whole and catches up', async () => {
    const d = await desk();
    const a = client(d.desk.nodes[0]!.url, d.token);
    await a.synced();
    writeRecord(a.doc, 'annotations', claimRecord('before-full'));
    await a.flushed();
    const store = d.desk.store as SqliteDeskStore;
    await waitFor(
      () => {
        const row = store.db.prepare('select length(state) as n from desk_documents').get() as
          { n: number } | undefined;
        return (row?.n ?? 0) > 0;
      },
      20_000,
      'the first store',
    );
    const pages = (store.db.pragma('page_count', { simple: true }) as number) + 2;
    store.db.pragma(`max_page_count = ${pages}`);

    a.doc.transact(() => {
      for (let i = 0; i < 50; i++)
        writeDocument(a.doc, documentRecord(`big-${i}`, { text: 'x'.repeat(50_000) }));
    });
    await a.flushed();
    await waitFor(() => d.lines.some((l) => l.includes('cannot store')), 30_000, 'the store failure line');
    expect(d.lines.filter((l) => l.includes('cannot store'))).toEqual([
      `desk: node-1 cannot store ${DESK_DOCUMENT}, keeping it in memory and retrying: database or disk is full`,
    ]);
    // Still serving: a member who joins now gets everything, from the node's memory.
    const late = client(d.desk.nodes[0]!.url, d.token);
    await late.synced();
    await waitFor(() => late.doc.getMap('documents').size >= 50, 20_000, 'the articles at the late member');
    // Nothing half-written: the stored state is the last whole one.
    const before = await stored(d.desk);
    expect(readRecord(before, 'annotations', 'before-full')).toBeDefined();
    expect(before.getMap('documents').size).toBe(0);

    store.db.pragma('max_page_count = 1073741823');
    await waitFor(
      () => d.lines.includes('desk: node-1 stores documents again'),
      STORE_RETRY_MS * 6,
      'the retry',
    );
    expect((await stored(d.desk)).getMap('documents').size).toBe(50);
  });
});

describe('PostgreSQL going away', () => {
  it('is reported once; the nodes keep serving; the state is stored when it is back', async () => {
    const d = await desk({ scale: true, nodes: 2 });
    const postgres = d.desk.postgres!;
    const a = client(d.desk.nodes[0]!.url, d.token);
    const b = client(d.desk.nodes[1]!.url, d.token);
    await Promise.all([a.synced(), b.synced()]);
    await postgres.stop();

    writeRecord(a.doc, 'annotations', claimRecord('while-gone'));
    await waitFor(
      () => !!readRecord(b.doc, 'annotations', 'while-gone'),
      20_000,
      'the claim on the other node',
    );
    await waitFor(() => d.lines.some((l) => l.includes('cannot store')), 30_000, 'the store failure line');
    expect(d.lines.filter((l) => l.includes('cannot store'))).toHaveLength(1);
    expect(d.lines.every((l) => !l.includes('\n'))).toBe(true);

    const again = await startPostgres({
      dir: join(d.dir, 'postgres'),
      port: postgres.port,
      password: readFileSync(join(d.dir, 'secrets', 'postgres-password'), 'utf8').trim(),
      fast: true,
    });
    cleanups.push(() => again.stop());
    await waitFor(
      () => d.lines.some((l) => l.endsWith('stores documents again')),
      STORE_RETRY_MS * 6,
      'the retry',
    );
    expect(readRecord(await stored(d.desk), 'annotations', 'while-gone')).toBeDefined();
  });
});
