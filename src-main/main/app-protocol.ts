// Serves the built renderer (out/renderer) over app://claimdesk/ with the app's
// Content-Security-Policy, so the page has a stable, secure origin instead of file://.
// That origin must never change: IndexedDB, and so the whole library, is keyed by it.
import { readFile, realpath } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/csp';
import { APP_SCHEME } from './app-origin';
import { contentTypeFor, resolveAppAssetPath } from './app-paths';

/** Must run before the app is ready; registering the scheme later has no effect. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and a real origin (IndexedDB needs one); secure: treated like
    // https; supportFetchAPI: the renderer may fetch its own assets (e.g. the PDF worker).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

const notFound = (): Response =>
  new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain' } });

/** Installs the handler on the default session; call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  // Resolved once: symlinks inside the build are followed but must still land inside it.
  const realRoot = realpath(rendererDir).catch(() => null);

  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
    const path = resolveAppAssetPath(rendererDir, request.url);
    const root = await realRoot;
    if (path === null || root === null) return notFound();
    try {
      const real = await realpath(path);
      const rel = relative(root, real);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return notFound();
      const body = await readFile(real);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(real) },
      });
    } catch {
      return notFound(); // missing file, or a directory
    }
  });
}
