// A simulated analyst for the desk tests and benchmark: a Yjs document synced with a desk node
// by the real Hocuspocus provider over a real WebSocket, editing through the same desk-doc
// functions the app's binding uses. It can go offline and come back.
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DESK_DOCUMENT } from '../../src-shared/desk/desk-doc';
import { DeskSocket } from '../../src-shared/desk/desk-socket';

/**
 * Node's `ws` refuses messages over 100 MiB unless told otherwise; a browser takes any size, and
 * so must a simulated analyst, or the tests would find the client's limit instead of the desk's.
 */
class AnyMessageWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { maxPayload: 0 });
  }
}

/** Hocuspocus's SyncStatus message with "not applied": the node refused one of our writes. */
function isRefusedWrite(raw: WebSocket.RawData): boolean {
  // The provider asks for ArrayBuffers.
  const data = raw instanceof ArrayBuffer ? Buffer.from(raw) : raw;
  if (!Buffer.isBuffer(data)) return false;
  const nameLength = data[0] ?? 0x80;
  if (nameLength >= 0x80) return false; // the desk's document name is short
  return data[1 + nameLength] === 8 && data[2 + nameLength] === 0;
}

/**
 * A socket class that also counts the frames its client sends (what reaches the server) and the
 * writes the server refused.
 */
function countingWebSocket(count: () => void, refused: () => void): typeof AnyMessageWebSocket {
  return class extends AnyMessageWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data) => void (isRefusedWrite(data) && refused()));
      // Destroyed mid-reconnect (a refused client): ws reports the aborted handshake as an error
      // event, which the provider has already stopped listening to.
      this.on('error', () => undefined);
    }

    // The provider sends each message with no options or callback.
    override send(data: Parameters<WebSocket['send']>[0]): void {
      count();
      super.send(data);
    }
  };
}

/**
 * How long a test waits for an event (a sync, a flush, a record arriving) before it fails: far
 * beyond what any of them takes, so a loaded machine makes a test slower, never red.
 */
export const PATIENCE = 600_000;

export interface SimClientOptions {
  url: string;
  token: string;
  /** Called with the close reason when the server refuses the token. */
  onRefused?: (reason: string) => void;
}

export class SimClient {
  readonly doc = new Y.Doc();
  readonly socket: DeskSocket;
  readonly provider: HocuspocusProvider;
  readOnly = false;
  refused: string | null = null;
  /** Frames this client has sent to its node. */
  framesSent = 0;
  /** Writes the node answered with "not applied" (a read-only member's). */
  refusedWrites = 0;
  /** Every close of the link, with the server's code and reason. */
  readonly closes: { code: number; reason: string }[] = [];
  /** Stateless messages received from the node. */
  readonly stateless: string[] = [];

  constructor({ url, token, onRefused }: SimClientOptions) {
    this.socket = new DeskSocket({
      url,
      WebSocketPolyfill: countingWebSocket(
        () => (this.framesSent += 1),
        () => (this.refusedWrites += 1),
      ),
      // Fast, bounded reconnects: the tests take servers and links away on purpose.
      delay: 100,
      factor: 1.5,
      maxDelay: 1_000,
      minDelay: 50,
      messageReconnectTimeout: 30_000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: DESK_DOCUMENT,
      document: this.doc,
      token,
      onAuthenticated: ({ scope }) => {
        this.readOnly = scope === 'readonly';
      },
      onStateless: ({ payload }) => void this.stateless.push(payload),
      onClose: ({ event }) => void this.closes.push({ code: event.code, reason: String(event.reason) }),
      onAuthenticationFailed: ({ reason }) => {
        this.refused = reason;
        this.socket.disconnect();
        onRefused?.(reason);
      },
    });
    this.provider.attach();
  }

  /** Resolves once the first sync with the server is done (or rejects when refused / timed out). */
  synced(timeoutMs = PATIENCE): Promise<void> {
    return waitFor(
      () => {
        if (this.refused) throw new Error(`refused: ${this.refused}`);
        return this.provider.isSynced;
      },
      timeoutMs,
      'first sync',
    );
  }

  /** Resolves when the server has acknowledged every local change. */
  flushed(timeoutMs = PATIENCE): Promise<void> {
    return waitFor(() => this.provider.isSynced && !this.provider.hasUnsyncedChanges, timeoutMs, 'flush');
  }

  /** Closes the link and resolves once it is closed (connect() is ignored until then). */
  async goOffline(): Promise<void> {
    this.socket.disconnect();
    await waitFor(() => this.socket.status === WebSocketStatus.Disconnected, PATIENCE, 'the link to close');
  }

  goOnline(): Promise<unknown> {
    return this.socket.connect();
  }

  destroy(): void {
    this.provider.destroy();
    this.socket.destroy();
  }
}

export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
