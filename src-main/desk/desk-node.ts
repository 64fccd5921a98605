// One Hocuspocus node of a desk: it authenticates members against the desk's store, keeps
// strangers to a few small messages for a few seconds (node-guard.ts), listens on loopback unless
// told otherwise (node-listen.ts), and stores the merged document (node-persistence.ts). With
// Redis, every node of the desk sees every other node's updates: start as many as you like on one
// Redis and one PostgreSQL. Without Redis it is the one node of an embedded desk.
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { DESK_DOCUMENT } from '../../src-shared/desk/desk-doc';
import { hashToken, PostgresDeskStore, type DeskStore, type Member } from './desk-store';
import {
  APP_ORIGINS,
  originAllowed,
  peerOf,
  PRE_AUTH_MAX_MESSAGE_BYTES,
  RefusalLog,
  SocketGuard,
} from './node-guard';
import { roleMessage } from '../../src-shared/desk/article-messages';
import { articleRoute } from './article-route';
import { listenForDesk, type ListenOptions } from './node-listen';
import { persistence } from './node-persistence';

export interface DeskNodeOptions extends ListenOptions {
  /** Node name, unique on the desk's Redis (Redis messages are filtered by it). */
  name: string;
  /** Scale mode: the desk's Redis. Absent: a node alone, with nothing to share updates with. */
  redis?: { host: string; port: number; password?: string };
  /** The desk's store; or the PostgreSQL address the node opens (and closes) its own store on. */
  store?: DeskStore;
  databaseUrl?: string;
  /** Origins browsers may connect from (a `*` stands for a port); the app's own by default. */
  allowedOrigins?: readonly string[];
  /** Where the node's one-line reports go (refusals, store failures); stderr by default. */
  log?: (line: string) => void;
  /** How long a node waits after a change before storing the document (ms). */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
}

export interface DeskNode {
  name: string;
  port: number;
  /** The address the node is bound to (what `ss -ltn` shows). */
  host: string;
  url: string;
  store: DeskStore;
  /** Open connections on this node. */
  connections(): number;
  stop(): Promise<void>;
}

interface Context {
  guard: SocketGuard;
}

/** How long a successful token look-up is trusted before the store is asked again. */
export const MEMBER_CHECK_MS = 1_000;
/** How often live connections are checked against the members table (revocations, roles). */
export const MEMBER_SWEEP_MS = 500;
const MEMBER_CACHE_SIZE = 1_000;
/** How long stopping a node waits for its documents to unload before it goes on. */
const UNLOAD_WAIT_MS = 10_000;

export const REVOKED = { code: 4403, reason: 'the token was revoked' } as const;

/** Only successful look-ups, keyed by the token's hash, a bounded number, each for a second. */
function memberCache(store: DeskStore) {
  const cache = new Map<string, { at: number; member: Member }>();
  return async (hash: string, fresh = false): Promise<Member | null> => {
    const hit = cache.get(hash);
    if (hit && !fresh && Date.now() - hit.at < MEMBER_CHECK_MS) return hit.member;
    cache.delete(hash);
    const member = await store.memberWithTokenHash(hash);
    if (!member) return null;
    if (cache.size >= MEMBER_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(hash, { at: Date.now(), member });
    return member;
  };
}

export async function startDeskNode(options: DeskNodeOptions): Promise<DeskNode> {
  const ownStore = !options.store;
  if (!options.store && !options.databaseUrl) throw new Error('a desk node needs a store or a databaseUrl');
  const store = options.store ?? new PostgresDeskStore(options.databaseUrl!);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const refusals = new RefusalLog(log);
  const allowedOrigins = options.allowedOrigins ?? APP_ORIGINS;
  const memberNow = memberCache(store);
  const guards = new Set<SocketGuard>();
  if (ownStore) await store.migrate();
  const stored = persistence(options.name, store, log);

  const extensions: Extension[] = [stored.extension, articleRoute(options.name, store, log)];
  if (options.redis)
    extensions.unshift(
      new Redis({
        host: options.redis.host,
        port: options.redis.port,
        identifier: options.name,
        prefix: 'claimdesk',
        options: options.redis.password ? { password: options.redis.password } : {},
      }),
    );
  const hocuspocus = new Hocuspocus({
    name: options.name,
    quiet: true,
    debounce: options.storeDebounceMs ?? 2_000,
    maxDebounce: options.storeMaxDebounceMs ?? 10_000,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig, context }: onAuthenticatePayload) {
      const { guard } = context as Context;
      const reject = (reason: string) => {
        refusals.refused(options.name, peerOf(guard.request), reason);
        // After Hocuspocus has sent its "permission denied" (the client shows the reason).
        setImmediate(() => guard.socket.close(4403, reason));
        // No message: Hocuspocus would log it with a stack trace.
        return { code: 4403, reason };
      };
      if (documentName !== DESK_DOCUMENT) throw reject('unknown document');
      const hash = hashToken(token);
      const member = await memberNow(hash, true).catch(() => null);
      if (!member) throw reject('not a member of this desk, or the token was revoked');
      connectionConfig.readOnly = member.role === 'reader';
      guard.accept(member.role, hash);
      return {};
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: PRE_AUTH_MAX_MESSAGE_BYTES });
  const listening = await listenForDesk(options);
  listening.server.on('upgrade', (request, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    if (!originAllowed(request.headers.origin, allowedOrigins)) {
      refusals.refused(options.name, peerOf(request), `origin ${request.headers.origin} is not allowed`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const guard = new SocketGuard(ws, request, DESK_DOCUMENT, (reason) => {
        refusals.refused(options.name, peerOf(request), reason);
        ws.terminate();
      });
      guards.add(guard);
      ws.once('close', () => guards.delete(guard));
      ws.on('error', (error: Error) => {
        const what = /max payload/i.test(error.message) ? 'a message over its limit' : error.message;
        if (guard.role === null) refusals.refused(options.name, peerOf(request), `sent ${what}`);
        else log(`desk: ${options.name} closed a member's link: ${what}`);
      });
      hocuspocus.handleConnection(ws, request, { guard } satisfies Context);
    });
  });

  // Revocations and role changes reach live connections: each accepted socket is checked against
  // the store every MEMBER_SWEEP_MS (one look-up per member and second, shared by their sockets).
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void (async () => {
      for (const guard of guards) {
        if (!guard.tokenHash) continue;
        const member = await memberNow(guard.tokenHash).catch(() => undefined);
        if (member === undefined) continue; // the store did not answer: decide on the next sweep
        if (member === null) {
          guard.socket.close(REVOKED.code, REVOKED.reason);
          guards.delete(guard);
          continue;
        }
        if (member.role === guard.role) continue;
        guard.role = member.role;
        const link = hocuspocus.documents.get(DESK_DOCUMENT)?.connections.get(guard.socket);
        if (link) {
          link.connection.readOnly = member.role === 'reader';
          // The member's app shows its role and stops (or starts) putting article bodies.
          link.connection.sendStateless(JSON.stringify(roleMessage(member.role)));
        }
      }
    })().finally(() => (sweeping = false));
  }, MEMBER_SWEEP_MS);

  return {
    name: options.name,
    port: listening.address.port,
    host: listening.address.address,
    url: listening.url,
    store,
    connections: () => hocuspocus.getConnectionsCount(),
    async stop() {
      clearInterval(sweep);
      listening.server.close();
      // Hocuspocus's own shutdown only tells clients the document closed and leaves their sockets
      // open, so they would wait for a timeout (30 s) before trying another node. Dropping the
      // sockets makes them reconnect at once, as they would after a crash.
      for (const socket of wss.clients) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        hocuspocus.configuration.extensions.push({
          async afterUnloadDocument({ instance }) {
            if (instance.getDocumentsCount() === 0) resolve();
          },
        });
        if (hocuspocus.getDocumentsCount() === 0) resolve();
        hocuspocus.closeConnections();
        // A document another node holds the Redis lock of may never report its unload: stop
        // waiting for it then (what was stored stays stored; flush below stores the rest).
        setTimeout(resolve, UNLOAD_WAIT_MS).unref();
      });
      await stored.flush();
      stored.stop();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      if (ownStore) await store.close();
    },
  };
}
