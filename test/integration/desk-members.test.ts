// Who may do what on a live desk, on the embedded desk: a read-only member reads and nothing
// else (no writes, no presence, no broadcasts), and a change of role or a revocation reaches
// connections that are already open, within seconds, without the member reconnecting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord, writeRecord } from '../../src-shared/desk/desk-doc';
import { startLocalDesk, type LocalDesk } from '../../src-main/desk/local-desk';
import { claimRecord } from './desk-records';
import { broadcastMessage } from './raw-socket';
import { SimClient, waitFor } from './sim-client';

let dir: string;
let desk: LocalDesk;
let editorToken: string;
const clients: SimClient[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-members-'));
  desk = await startLocalDesk({ dir, fast: true, log: () => undefined });
  editorToken = await desk.store.addMember('editors', 'editor');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await desk?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function client(token: string): SimClient {
  const c = new SimClient({ url: desk.nodes[0]!.url, token });
  clients.push(c);
  return c;
}

/**
 * Everything the node sent `c` before now has arrived: a write of `c`'s own, acknowledged. The
 * node answers on one socket in order, so whatever it broadcast to `c` earlier came first.
 */
async function caughtUp(c: SimClient, id: string): Promise<void> {
  writeRecord(c.doc, 'annotations', claimRecord(id));
  await c.flushed(30_000);
}

/** Writes from `c` until the node refuses one (its role became reader). */
async function untilRefused(c: SimClient, prefix: string): Promise<string> {
  const before = c.refusedWrites;
  for (let k = 0; ; k++) {
    const id = `${prefix}-${k}`;
    writeRecord(c.doc, 'annotations', claimRecord(id));
    await waitFor(
      () => c.refusedWrites > before || !c.provider.hasUnsyncedChanges,
      30_000,
      `an answer to ${id}`,
    );
    if (c.refusedWrites > before) return id;
  }
}

describe('a read-only member', () => {
  it('reads, and its writes, presence and broadcasts reach no one', async () => {
    const readerToken = await desk.store.addMember('reviewer', 'reader');
    const watcher = client(editorToken);
    const reader = client(readerToken);
    await Promise.all([watcher.synced(), reader.synced()]);
    expect(reader.readOnly).toBe(true);

    watcher.provider.setAwarenessField('user', { name: 'watcher' });
    reader.provider.setAwarenessField('user', { name: 'reader' });
    // A broadcast the node relays to everyone, sent on the reader's own authenticated link.
    reader.socket.send(broadcastMessage('from the reader'));
    // Nor may an editor broadcast a message only the node sends (a forged role or article reply).
    watcher.socket.send(broadcastMessage(JSON.stringify({ kind: 'desk-role', role: 'editor' })));
    watcher.socket.send(broadcastMessage('from the watcher'));
    const refusedId = await untilRefused(reader, 'from-reader');
    await caughtUp(watcher, 'watcher-marker');
    await waitFor(
      () => readRecord(reader.doc, 'annotations', 'watcher-marker') !== undefined,
      20_000,
      'read',
    );

    expect(readRecord(watcher.doc, 'annotations', refusedId)).toBeUndefined();
    // The channel works: the editor's broadcast reached both; the reader's reached no one.
    await waitFor(() => reader.stateless.includes('from the watcher'), 20_000, "the editor's broadcast");
    expect(watcher.stateless).toEqual(['from the watcher']);
    const names = [...watcher.provider.awareness!.getStates().values()].map(
      (s) => (s.user as { name?: string })?.name,
    );
    expect(names).not.toContain('reader');
    // The channel works: the editor's presence reached the reader.
    await waitFor(
      () => [...reader.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'watcher'),
      20_000,
      "the editor's presence at the reader",
    );
  });
});

describe('changes to a member reach open connections', () => {
  it('demotes a connected editor to reader and back, without a reconnect', async () => {
    const token = await desk.store.addMember('changing', 'editor');
    const watcher = client(editorToken);
    const member = client(token);
    await Promise.all([watcher.synced(), member.synced()]);
    writeRecord(member.doc, 'annotations', claimRecord('before-demotion'));
    await waitFor(() => !!readRecord(watcher.doc, 'annotations', 'before-demotion'), 20_000, 'a write');
    const opened = member.closes.length;

    expect(await desk.store.setRole('changing', 'reader')).toBe(true);
    // The member's app is told on its open connection (it shows "read-only" and stops uploading).
    const told = (role: string): boolean =>
      member.stateless.includes(JSON.stringify({ kind: 'desk-role', role }));
    await waitFor(() => told('reader'), 20_000, 'the new role on the connection');
    const refusedId = await untilRefused(member, 'after-demotion');
    await caughtUp(watcher, 'watcher-after-demotion');
    expect(readRecord(watcher.doc, 'annotations', refusedId)).toBeUndefined();

    expect(await desk.store.setRole('changing', 'editor')).toBe(true);
    await waitFor(() => told('editor'), 20_000, 'the role back on the connection');
    await waitFor(
      () => {
        if (!member.provider.hasUnsyncedChanges) return true;
        member.provider.forceSync(); // resends what the node refused while it was a reader
        return false;
      },
      30_000,
      'writes accepted again',
      500,
    );
    writeRecord(member.doc, 'annotations', claimRecord('after-promotion'));
    await waitFor(
      () => !!readRecord(watcher.doc, 'annotations', 'after-promotion'),
      20_000,
      'promoted write',
    );
    expect(member.closes.length).toBe(opened);
  });

  it('closes a revoked member\u2019s open connections with 4403 "the token was revoked"', async () => {
    const token = await desk.store.addMember('leaver', 'editor');
    const watcher = client(editorToken);
    const leaver = client(token);
    const second = client(token);
    await Promise.all([watcher.synced(), leaver.synced(), second.synced()]);
    expect(await desk.store.revokeMember('leaver')).toBe(true);
    await waitFor(
      () => [leaver, second].every((c) => c.closes.some((e) => e.code === 4403)),
      20_000,
      'the revoked connections to close',
    );
    expect(leaver.closes.find((e) => e.code === 4403)?.reason).toBe('the token was revoked');
    writeRecord(leaver.doc, 'annotations', claimRecord('after-revoke'));
    await caughtUp(watcher, 'watcher-after-revoke');
    expect(readRecord(watcher.doc, 'annotations', 'after-revoke')).toBeUndefined();
    const again = client(token);
    await expect(again.synced(20_000)).rejects.toThrow(/refused/);
  });
});
