// Where a desk node listens. Loopback unless told otherwise; off loopback only with TLS (wss://),
// since a token and the whole library cross that link, unless the administrator passes a flag
// whose name says what it gives away. The node owns its http(s) server: Hocuspocus 3.4.4's own
// `listen` passes `address` where Node reads `host`, and so listened on every interface.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ListenOptions {
  /** Address to bind; 127.0.0.1 when absent. */
  host?: string;
  port: number;
  /** PEM files: the node serves wss://. */
  tls?: { certFile: string; keyFile: string };
  /** Plain ws:// on an address other machines reach: tokens and the library travel unencrypted. */
  insecurePlainTextOffLoopback?: boolean;
}

export const INSECURE_FLAG = '--insecure-plain-text-off-loopback';

export class ListenError extends Error {
  override name = 'ListenError';
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Refuses a plain-text node on a non-loopback address, before anything starts. */
export function checkListenOptions(options: ListenOptions): void {
  const host = options.host ?? '127.0.0.1';
  if (isLoopback(host) || options.tls || options.insecurePlainTextOffLoopback) return;
  throw new ListenError(
    `${host} is reachable from other machines: give --tls-cert FILE and --tls-key FILE (members ` +
      `connect with wss://), or ${INSECURE_FLAG} to send tokens and the library unencrypted`,
  );
}

export interface Listening {
  server: Server;
  address: AddressInfo;
  url: string;
}

/** Creates the node's server and binds it; `server.listen` gets `host`, so the bind is real. */
export async function listenForDesk(options: ListenOptions): Promise<Listening> {
  checkListenOptions(options);
  const host = options.host ?? '127.0.0.1';
  const server: Server = options.tls
    ? createHttpsServer({
        cert: readFileSync(options.tls.certFile),
        key: readFileSync(options.tls.keyFile),
      })
    : createHttpServer();
  // Plain HTTP gets a short answer; members arrive as WebSocket upgrades.
  server.on('request', (_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain', connection: 'close' });
    response.end('a Claimdesk desk node: connect with the app\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, address, url: `${options.tls ? 'wss' : 'ws'}://${shown}:${address.port}` };
}
