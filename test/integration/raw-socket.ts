// A client that speaks to a desk node the way an attacker would: raw WebSocket frames, no
// provider. It builds Hocuspocus messages by hand (lib0 varUint / varString) and records how the
// node ended the connection.
import WebSocket from 'ws';
import { DESK_DOCUMENT } from '../../src-shared/desk/desk-doc';

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function varString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(varUint(bytes.length)), bytes]);
}

/** Hocuspocus's Auth message (type 2, subtype 0 = token) for a document. */
export function authMessage(token: string, document = DESK_DOCUMENT): Buffer {
  return Buffer.concat([varString(document), Buffer.from([2, 0]), varString(token)]);
}

/** A well-formed message a node queues until the token is accepted (QueryAwareness, padded). */
export function queuedMessage(bytes: number, document = DESK_DOCUMENT): Buffer {
  return Buffer.concat([varString(document), Buffer.from([3]), Buffer.alloc(bytes)]);
}

/** BroadcastStateless (type 6): the node relays the text to every member of the document. */
export function broadcastMessage(text: string, document = DESK_DOCUMENT): Buffer {
  return Buffer.concat([varString(document), Buffer.from([6]), varString(text)]);
}

/** Stateless (type 5): to the node only; an article request is answered on the same socket. */
export function statelessMessage(text: string, document = DESK_DOCUMENT): Buffer {
  return Buffer.concat([varString(document), Buffer.from([5]), varString(text)]);
}

export interface RawSocket {
  socket: WebSocket;
  opened: Promise<boolean>;
  /** Close code and reason, or a refused upgrade's status ("http 403"). */
  closed: Promise<{ code: number; reason: string }>;
}

export function rawSocket(url: string, headers: Record<string, string> = {}): RawSocket {
  const socket = new WebSocket(url, { headers, maxPayload: 0 });
  socket.on('error', () => undefined);
  const opened = new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('close', () => resolve(false));
    socket.once('unexpected-response', () => resolve(false));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ code: 0, reason: `http ${response.statusCode}` });
      socket.terminate();
    });
  });
  return { socket, opened, closed };
}
