// Maps app://claimdesk/ request URLs onto files of the built renderer, refusing anything that
// could reach outside it. Environment-free (no Electron) so it can be unit-tested.
import { APP_HOST, APP_SCHEME } from './app-origin';
import { resolveRendererPath } from '../services/renderer-assets';

export { contentTypeFor } from '../services/renderer-assets';

/**
 * The absolute path of the renderer file a request asks for, or null when the request is not
 * for app://claimdesk or would leave `rootDir`. "/" means index.html; query and hash are ignored.
 */
export function resolveAppAssetPath(rootDir: string, requestUrl: string): string | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!requestUrl.toLowerCase().startsWith(prefix)) return null;
  const rawPath = requestUrl.slice(prefix.length);
  if (rawPath !== '' && !/^[/?#]/.test(rawPath)) return null; // e.g. app://claimdesk.evil/ or :port

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  return resolveRendererPath(rootDir, rawPath.startsWith('/') ? rawPath : `/${rawPath}`);
}
