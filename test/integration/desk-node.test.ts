// A desk node as an attacker and an administrator meet it, on the embedded desk (one node, its
// store a SQLite file, nothing installed): where it listens, what a stranger may send before a
// token is accepted, which browsers may connect, and that the log gets one short line per refusal.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord, writeRecord } from '../../src-shared/desk/desk-doc';
import { startDeskNode } from '../../src-main/desk/desk-node';
import { startLocalDesk, type LocalDesk } from '../../src-main/desk/local-desk';
import { AUTH_TIMEOUT_MS } from '../../src-main/desk/node-guard';
import { ListenError } from '../../src-main/desk/node-listen';
import { claimRecord } from './desk-records';
import { authMessage, queuedMessage, rawSocket } from './raw-socket';
import { SimClient, waitFor } from './sim-client';

let dir: string;
let desk: LocalDesk;
let token: string;
const lines: string[] = [];
const clients: SimClient[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-node-'));
  desk = await startLocalDesk({ dir, fast: true, log: (line) => lines.push(line) });
  token = await desk.store.addMember('analysts', 'editor');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await desk?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const url = (): string => desk.nodes[0]!.url;

function client(withToken = token): SimClient {
  const c = new SimClient({ url: url(), token: withToken });
  clients.push(c);
  return c;
}

/** Listening TCP sockets on `port`, as `ss -ltn` shows them: local addresses in /proc's hex form. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A')
      .map((f) => f[1]!.split(':')[0]!),
  );
}

describe('where a node listens', () => {
  it('binds loopback only by default', () => {
    const node = desk.nodes[0]!;
    expect(desk.mode).toBe('embedded');
    expect(node.host).toBe('127.0.0.1');
    expect(node.url).toBe(`ws://127.0.0.1:${node.port}`);
    expect(listeners(node.port)).toEqual(['0100007F']);
  });

  it('refuses plain text on an address other machines reach, unless told so by name', async () => {
    await expect(
      startDeskNode({ name: 'open', port: 0, host: '0.0.0.0', store: desk.store }),
    ).rejects.toThrow(ListenError);
    await expect(
      startDeskNode({ name: 'open', port: 0, host: '0.0.0.0', store: desk.store }),
    ).rejects.toThrow(/--tls-cert FILE and --tls-key FILE.*--insecure-plain-text-off-loopback/);
    const open = await startDeskNode({
      name: 'open',
      port: 0,
      host: '0.0.0.0',
      insecurePlainTextOffLoopback: true,
      store: desk.store,
    });
    try {
      expect(listeners(open.port)).toEqual(['00000000']);
    } finally {
      await open.stop();
    }
  });

  it('serves wss:// off loopback with a certificate', async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'claimdesk-tls-'));
    const [certFile, keyFile] = [join(certDir, 'cert.pem'), join(certDir, 'key.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=desk.test',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    const node = await startDeskNode({
      name: 'tls',
      port: 0,
      host: '0.0.0.0',
      tls: { certFile, keyFile },
      store: desk.store,
    });
    try {
      expect(node.url).toBe(`wss://0.0.0.0:${node.port}`);
      expect(listeners(node.port)).toEqual(['00000000']);
      const status = await new Promise<number>((resolve, reject) =>
        get({ host: '127.0.0.1', port: node.port, rejectUnauthorized: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on('error', reject),
      );
      expect(status).toBe(426); // a TLS handshake, then "connect with the app"
    } finally {
      await node.stop();
      rmSync(certDir, { recursive: true, force: true });
    }
  });
});

describe('before a token is accepted', () => {
  it('closes a stranger who sends more than a small message', async () => {
    const raw = rawSocket(url());
    expect(await raw.opened).toBe(true);
    raw.socket.send(Buffer.alloc(1024 * 1024, 1));
    expect((await raw.closed).code).toBe(1009);
  });

  it('closes a stranger whose token alone is larger than the cap', async () => {
    const raw = rawSocket(url());
    await raw.opened;
    raw.socket.send(authMessage('x'.repeat(200 * 1024)));
    expect((await raw.closed).code).toBe(1009);
  });

  it('closes a stranger who sends many small messages', async () => {
    const raw = rawSocket(url());
    await raw.opened;
    for (let i = 0; i < 10; i++) raw.socket.send(queuedMessage(60 * 1024));
    expect((await raw.closed).code).toBe(1006); // cut off: no closing handshake for a flood
  });

  it(`cuts off a stranger who sends no token within ${AUTH_TIMEOUT_MS / 1000} s`, async () => {
    const raw = rawSocket(url());
    await raw.opened;
    const { code } = await raw.closed;
    expect(code).toBe(1006);
    expect(lines.some((l) => l.includes(`no token within ${AUTH_TIMEOUT_MS / 1000} s`))).toBe(true);
  });

  it('refuses 300 wrong tokens, then still lets a member in', async () => {
    const wrong = Array.from({ length: 300 }, (_, i) => {
      const raw = rawSocket(url());
      void raw.opened.then(() => raw.socket.send(authMessage(`wrong-${i}-${'z'.repeat(30_000)}`)));
      return raw.closed;
    });
    const closes = await Promise.all(wrong);
    expect(closes.every((c) => c.code === 4403)).toBe(true);
    await client().synced();
  });

  it('gives malformed frames from strangers one short line each, rate-limited, with no stack', async () => {
    // A node of its own: the refusals above have used up this node's lines for the next seconds.
    const own: string[] = [];
    const node = await startDeskNode({ name: 'quiet', port: 0, store: desk.store, log: (l) => own.push(l) });
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const raws = Array.from({ length: 40 }, () => rawSocket(node.url));
      await Promise.all(raws.map((r) => r.opened));
      for (const r of raws) r.socket.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
      await Promise.all(raws.map((r) => r.closed));
    } finally {
      console.error = consoleError;
      await node.stop();
    }
    expect(errors).toEqual([]);
    expect(own).toHaveLength(10);
    for (const line of own) expect(line).toBe('desk: quiet refused 127.0.0.1: sent a malformed message');
  });
});

describe('browsers', () => {
  it('lets the app in from its own origins and refuses any other page', async () => {
    const own: string[] = [];
    const node = await startDeskNode({
      name: 'origins',
      port: 0,
      store: desk.store,
      log: (l) => own.push(l),
    });
    try {
      for (const origin of ['app://claimdesk', 'http://127.0.0.1:5173', 'http://localhost:41802']) {
        const raw = rawSocket(node.url, { origin });
        expect({ origin, opened: await raw.opened }).toEqual({ origin, opened: true });
        raw.socket.close();
      }
      for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example:80', 'null']) {
        const raw = rawSocket(node.url, { origin });
        expect({ origin, opened: await raw.opened }).toEqual({ origin, opened: false });
        expect((await raw.closed).reason).toBe('http 403');
      }
    } finally {
      await node.stop();
    }
    expect(own).toEqual([
      'desk: origins refused 127.0.0.1: origin https://evil.example is not allowed',
      'desk: origins refused 127.0.0.1: origin http://127.0.0.1.evil.example:80 is not allowed',
      'desk: origins refused 127.0.0.1: origin null is not allowed',
    ]);
  });
});

describe('the embedded desk', () => {
  it('syncs two members and keeps the library in its SQLite file across a restart', async () => {
    const a = client();
    const b = client();
    await Promise.all([a.synced(), b.synced()]);
    writeRecord(a.doc, 'annotations', claimRecord('embedded-1'));
    await waitFor(() => !!readRecord(b.doc, 'annotations', 'embedded-1'), 20_000, 'the claim on b');
    await a.flushed();
    for (const c of clients.splice(0)) c.destroy();
    await desk.stop();
    desk = await startLocalDesk({ dir, fast: true, log: (line) => lines.push(line) });
    const c = client();
    await c.synced();
    expect(readRecord(c.doc, 'annotations', 'embedded-1')?.notes).toBe('made by edit embedded-1');
  });
});
