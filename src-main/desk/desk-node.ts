// One Hocuspocus node of a desk: it authenticates members against the desk's PostgreSQL tables,
// scales out through Redis (every node of the desk sees every other node's updates), and stores
// the merged document in PostgreSQL. Start as many as you like on one Redis and one database.
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type onAuthenticatePayload, type beforeHandleMessagePayload } from '@hocuspocus/server';
import { DESK_DOCUMENT } from '../../src-shared/desk/desk-doc';
import { DeskStore, type Member } from './desk-store';

export interface DeskNodeOptions {
  /** Node name, unique on the desk's Redis (Redis messages are filtered by it). */
  name: string;
  port: number;
  host?: string;
  redis: { host: string; port: number };
  databaseUrl: string;
  /** How long a node waits after a change before storing the document (ms). */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
}

export interface DeskNode {
  name: string;
  port: number;
  url: string;
  store: DeskStore;
  /** Open connections on this node. */
  connections(): number;
  stop(): Promise<void>;
}

interface Context {
  member: Member;
  token: string;
}

/** A refusal Hocuspocus passes to the client as the close code and reason. */
const refused = (reason: string): Error & { code: number; reason: string } =>
  Object.assign(new Error(reason), { code: 4403, reason });

/**
 * The largest message a node accepts. A whole library goes out in one message when a member
 * joins with it, and each imported article is stored twice (its blocks and its text), so the
 * WebSocket default of 100 MiB is an import of about 50 MB. Larger is refused with close code 1009
 * and the client retries the same message forever.
 */
const DESK_MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

/** How long a "still a member" answer is trusted before PostgreSQL is asked again. */
const MEMBER_CHECK_MS = 1_000;

export async function startDeskNode(options: DeskNodeOptions): Promise<DeskNode> {
  const store = new DeskStore(options.databaseUrl);
  await store.migrate();
  const checked = new Map<string, { at: number; member: Member | null }>();
  async function memberNow(token: string): Promise<Member | null> {
    const cached = checked.get(token);
    if (cached && Date.now() - cached.at < MEMBER_CHECK_MS) return cached.member;
    const member = await store.memberWithToken(token);
    checked.set(token, { at: Date.now(), member });
    return member;
  }

  const server = new Server(
    {
      name: options.name,
      port: options.port,
      address: options.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce: options.storeDebounceMs ?? 2_000,
      maxDebounce: options.storeMaxDebounceMs ?? 10_000,
      extensions: [
        new Redis({
          host: options.redis.host,
          port: options.redis.port,
          identifier: options.name,
          prefix: 'claimdesk',
        }),
        new Database({
          fetch: ({ documentName }) => store.fetchDocument(documentName),
          store: ({ documentName, state }) => store.storeDocument(documentName, state),
        }),
      ],
      async onAuthenticate({
        token,
        documentName,
        connectionConfig,
      }: onAuthenticatePayload): Promise<Context> {
        if (documentName !== DESK_DOCUMENT) throw refused('unknown document');
        checked.delete(token);
        const member = await memberNow(token);
        if (!member) throw refused('not a member of this desk, or the token was revoked');
        connectionConfig.readOnly = member.role === 'reader';
        return { member, token };
      },
      // A member revoked while connected is cut off at their next message, on every node.
      async beforeHandleMessage({ context }: beforeHandleMessagePayload): Promise<void> {
        const { token } = context as Context;
        if (!(await memberNow(token))) throw refused('the token was revoked');
      },
    },
    { maxPayload: DESK_MAX_MESSAGE_BYTES },
  );
  await server.listen();
  const port = server.address.port;
  return {
    name: options.name,
    port,
    url: `ws://${options.host ?? '127.0.0.1'}:${port}`,
    store,
    connections: () => server.hocuspocus.getConnectionsCount(),
    async stop() {
      // Hocuspocus's own shutdown only tells clients the document closed and leaves their sockets
      // open, so they would wait for a timeout (30 s) before trying another node. Dropping the
      // sockets makes them reconnect at once, as they would after a crash.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await server.destroy();
      await store.close();
    },
  };
}
