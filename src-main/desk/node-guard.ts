// What a desk node checks before Hocuspocus sees a connection or a message. Until a member's token
// is accepted a client may send little (small messages, a small total, for a few seconds) and
// only well-formed messages for the desk's document, so a stranger can neither exhaust a node nor
// fill its log. Browsers must come from one of the app's origins. Afterwards a read-only member's
// presence (awareness) and broadcast (stateless) messages are dropped: readers read.
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import type { MemberRole } from './desk-store';

const ARTICLE_MESSAGE = '{"kind":"articles-';

/** Largest single message before the token is accepted (an auth message is well under 1 KB). */
export const PRE_AUTH_MAX_MESSAGE_BYTES = 64 * 1024;
/** Everything a client may send before its token is accepted. */
export const PRE_AUTH_MAX_TOTAL_BYTES = 256 * 1024;
/** How long a client may stay connected without sending a token. */
export const AUTH_TIMEOUT_MS = 10_000;
/**
 * Largest message from a member. A whole library goes out in one message when a member joins
 * with it; larger is refused with close code 1009 and the client would retry it forever.
 */
export const MEMBER_MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

/** The app's own origins: the desktop app, and the browser edition served on loopback. */
export const APP_ORIGINS = ['app://claimdesk', 'http://127.0.0.1:*', 'http://localhost:*'];

// Hocuspocus's message types (its MessageType enum).
const AWARENESS = 1;
const AUTH = 2;
const STATELESS = 5;
const BROADCAST_STATELESS = 6;
const LAST_TYPE = 8;

/** A pattern's `*` stands for a port. */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true; // not a browser: browsers always send Origin on WebSockets
  return allowed.some((pattern) =>
    pattern.endsWith(':*')
      ? origin.startsWith(pattern.slice(0, -1)) && /^\d{1,5}$/.test(origin.slice(pattern.length - 1))
      : origin === pattern,
  );
}

/** Reads a lib0 varUint at `at`; null when the bytes end first or it is too long. */
function varUint(bytes: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  for (let shift = 0, i = at; i < bytes.length && shift < 35; shift += 7, i++) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return { value, next: i + 1 };
  }
  return null;
}

function varString(bytes: Uint8Array, at: number): { value: string; next: number } | null {
  const length = varUint(bytes, at);
  if (!length || length.next + length.value > bytes.length) return null;
  const next = length.next + length.value;
  return { value: Buffer.from(bytes.subarray(length.next, next)).toString('utf8'), next };
}

/** The document name and message type of a Hocuspocus message, or null when malformed. */
export function messageHead(bytes: Uint8Array): { document: string; type: number; next: number } | null {
  const document = varString(bytes, 0);
  const type = document && varUint(bytes, document.next);
  if (!document || !type || type.value > LAST_TYPE) return null;
  return { document: document.value, type: type.value, next: type.next };
}

/** True for text that reads as one of the node's messages to a member (JSON with a `kind`). */
function isNodeMessage(text: string | undefined): boolean {
  if (text === undefined) return true;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'kind' in value;
  } catch {
    return false;
  }
}

export type Refuse = (reason: string) => void;

/**
 * One per socket. Installed before Hocuspocus's listener: it decides which 'message' events
 * Hocuspocus ever sees (ws emits them one listener list at a time, so a filter on emit is the
 * only way to keep a message from the others).
 */
export class SocketGuard {
  private received = 0;
  private timer: NodeJS.Timeout;
  role: MemberRole | null = null;
  tokenHash: string | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly request: IncomingMessage,
    private readonly documentName: string,
    private readonly refuse: Refuse,
  ) {
    this.timer = setTimeout(
      () => this.refuse(`no token within ${AUTH_TIMEOUT_MS / 1000} s`),
      AUTH_TIMEOUT_MS,
    );
    const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => boolean;
    socket.emit = ((event: string, ...args: unknown[]) =>
      event === 'message' && !this.admit(args[0]) ? false : emit(event, ...args)) as WebSocket['emit'];
    socket.once('close', () => clearTimeout(this.timer));
  }

  /** The token was accepted: the member's own limits from now on. */
  accept(role: MemberRole, tokenHash: string): void {
    clearTimeout(this.timer);
    this.role = role;
    this.tokenHash = tokenHash;
    // ws fixes its limit when the socket opens and offers no setter; its receiver reads the field
    // on every frame, so raising it here applies from the next frame on.
    const receiver = (this.socket as unknown as { _receiver?: { _maxPayload: number } })._receiver;
    if (receiver) receiver._maxPayload = MEMBER_MAX_MESSAGE_BYTES;
  }

  private admit(data: unknown): boolean {
    if (!Buffer.isBuffer(data)) return this.drop('a message that is not binary');
    const head = messageHead(data);
    if (!head) return this.drop('a malformed message');
    if (head.document !== this.documentName) return this.drop('a message for another document');
    if (this.role === null) {
      this.received += data.length;
      if (this.received > PRE_AUTH_MAX_TOTAL_BYTES)
        return this.drop('too much before its token was accepted');
      if (head.type === AUTH) {
        const kind = varUint(data, head.next);
        if (!kind || !varString(data, kind.next)) return this.drop('a malformed token message');
        // The token arrived in time; how long its look-up takes is the node's business, and a
        // refusal closes the socket.
        clearTimeout(this.timer);
      }
      return true;
    }
    // The node's own messages (article replies, role changes) are JSON objects with a `kind`: a
    // member may not broadcast one to the others.
    if (head.type === BROADCAST_STATELESS && isNodeMessage(varString(data, head.next)?.value)) return false;
    if (this.role !== 'reader') return true;
    if (head.type === AWARENESS || head.type === BROADCAST_STATELESS) return false;
    // A reader's one kind of stateless message: about article bodies (its puts are refused).
    if (head.type === STATELESS)
      return varString(data, head.next)?.value.startsWith(ARTICLE_MESSAGE) ?? false;
    return true;
  }

  private drop(reason: string): false {
    // A member's own malformed message is refused too, but only strangers are cut off for it.
    if (this.role === null) this.refuse(`sent ${reason}`);
    return false;
  }
}

/**
 * One short line per refused connection, at most `burst` lines per `windowMs`; the lines held back
 * are counted in the next one, so a flood of strangers cannot fill the log.
 */
export class RefusalLog {
  private windowStart = 0;
  private inWindow = 0;
  private held = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly burst = 10,
    private readonly windowMs = 10_000,
  ) {}

  refused(node: string, peer: string, reason: string): void {
    const now = Date.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (this.inWindow >= this.burst) {
      this.held += 1;
      return;
    }
    this.inWindow += 1;
    const more = this.held ? ` (${this.held} more refusals not shown)` : '';
    this.held = 0;
    this.write(`desk: ${node} refused ${peer}: ${reason.slice(0, 120)}${more}`);
  }
}

export const peerOf = (request: IncomingMessage): string => request.socket.remoteAddress ?? 'an unknown peer';
