// The browser edition's host: serves the built renderer and the same RPC services as the
// desktop preload, on 127.0.0.1 only. It answers only its own page: RPC needs the per-start
// token embedded in index.html, a Host of its own address (no DNS rebinding) and no foreign Origin.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/csp';
import { err } from '../../src-shared/result';
import { MAX_IMPORT_BYTES, validateRpcArgs } from '../../src-shared/validate';
import { importJobRpc } from '../services/import-jobs';
import { webExportServices } from './web-export-rpc';
import { dispatchRpc, type RpcImplementation } from '../services/rpc-dispatch';
import { contentTypeFor, resolveRendererPath } from '../services/renderer-assets';
import { errorMessage } from '../../src-shared/util/error-message';

export interface WebHostOptions {
  port: number;
  rendererDir: string;
}

export const TOKEN_HEADER = 'x-claimdesk-token';
const MAX_JSON_BYTES = 1024 * 1024;

/** The browser edition's services: import runs in the host; dialogs and links are the browser's own. */
const webServices: RpcImplementation = {
  ...importJobRpc,
  ...webExportServices,
  openFiles: () => Promise.resolve(err('the browser edition opens files with the browser’s file chooser')),
  saveFile: () => Promise.resolve(err('the browser edition saves files as downloads')),
  openExternal: () => Promise.resolve(err('the browser edition opens links itself')),
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export function createWebHost({ port, rendererDir }: WebHostOptions): { server: Server; token: string } {
  const token = randomBytes(32).toString('hex');
  const ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const ownOrigins = new Set([...ownHosts].map((h) => `http://${h}`));
  const tokenOk = (value: unknown): boolean =>
    typeof value === 'string' &&
    value.length === token.length &&
    timingSafeEqual(Buffer.from(value), Buffer.from(token));

  async function serveStatic(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'method not allowed');
    const file = resolveRendererPath(rendererDir, rawPath);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
    if (file.endsWith('index.html'))
      body = Buffer.from(body.toString('utf8').replace('%CLAIMDESK_TOKEN%', token), 'utf8');
    send(res, 200, contentTypeFor(file), body);
  }

  async function serveRpc(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
    if (!tokenOk(req.headers[TOKEN_HEADER])) return send(res, 403, 'text/plain', 'forbidden');
    const method = url.pathname.slice('/rpc/'.length);
    let args: unknown;
    if (method === 'importFile') {
      const bytes = await readBody(req, MAX_IMPORT_BYTES);
      const name = url.searchParams.get('name');
      let options: unknown = null;
      try {
        options = JSON.parse(url.searchParams.get('options') ?? '{}');
      } catch {
        // left null: the validator refuses it
      }
      args = bytes === null ? null : [name, bytes, options];
      if (bytes === null) {
        return send(res, 200, 'application/json', JSON.stringify(err(`${name}: the file is too large`)));
      }
      // A page that went away (closed, reloaded) no longer wants its import: stop the worker.
      const jobId = (options as { jobId?: unknown } | null)?.jobId;
      res.once('close', () => {
        if (!res.writableFinished) void dispatchRpc(webServices, 'cancelImport', [jobId]);
      });
      // Validated as every call is; the reply is the worker's own JSON bytes, sent as they are.
      const valid = validateRpcArgs('importFile', args);
      if (!valid.ok) return send(res, 200, 'application/json', JSON.stringify(valid));
      let reply: Uint8Array | string;
      try {
        reply = await importJobRpc.importFileAsJson(...valid.value);
      } catch (error) {
        reply = JSON.stringify(err(`request failed: ${errorMessage(error)}`));
      }
      return send(res, 200, 'application/json', reply);
    } else {
      const raw = await readBody(req, MAX_JSON_BYTES);
      try {
        args =
          raw === null ? null : (JSON.parse(Buffer.from(raw).toString('utf8')) as { args?: unknown }).args;
      } catch {
        args = null;
      }
    }
    const result = await dispatchRpc(webServices, method, args);
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!ownHosts.has(host)) return send(res, 421, 'text/plain', 'wrong host');
    if (origin !== undefined && !ownOrigins.has(origin))
      return send(res, 403, 'text/plain', 'foreign origin');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const handle =
      url.pathname === '/healthz'
        ? Promise.resolve(send(res, 200, 'text/plain', 'ok'))
        : url.pathname.startsWith('/rpc/')
          ? serveRpc(req, res, url)
          : serveStatic(req, res, req.url ?? '/');
    handle.catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
      else res.destroy();
    });
  });
  return { server, token };
}
