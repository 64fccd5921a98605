// Maps a request path onto a file of the built renderer, refusing anything that could reach
// outside it. Shared by the desktop app:// protocol and the browser edition's host.
import { extname, isAbsolute, relative, resolve } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

// The URL parser silently collapses "..", so traversal is looked for in the raw text first;
// Chromium canonicalises real requests, so a legitimate one never carries dot segments,
// encoded dots/slashes or backslashes.
// eslint-disable-next-line no-control-regex
const SUSPICIOUS_RAW = /(?:^|[/\\])\.{1,2}(?:[/\\?#]|$)|%2e|%2f|%5c|%00|\\|[\u0000-\u001F\u007F]/i;
// After decoding: a leftover "%" means double encoding, which no built asset name needs.
// eslint-disable-next-line no-control-regex
const BAD_SEGMENT_CHARS = /[\\:%\u0000-\u001F\u007F]/;

/**
 * The absolute path under `rootDir` for a raw (still percent-encoded) request path, or null when
 * it is suspicious or would leave `rootDir`. "/" means index.html; query and hash are ignored.
 */
export function resolveRendererPath(rootDir: string, rawRequestPath: string): string | null {
  const rawPath = rawRequestPath.split(/[?#]/, 1)[0] ?? '';
  if (rawPath !== '' && !rawPath.startsWith('/')) return null;
  if (SUSPICIOUS_RAW.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '' || s === '.' || s === '..' || BAD_SEGMENT_CHARS.test(s))) return null;

  const root = resolve(rootDir);
  const full = resolve(root, ...segments);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}
