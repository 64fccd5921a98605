// Decides, by parsing, whether a frame URL belongs to the app: used both to accept IPC calls
// and to allow navigations. Environment-free so it can be unit-tested without Electron.
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * True for URLs on app://claimdesk exactly (no port, no credentials, no look-alike host).
 * `devOrigin` is the electron-vite dev server's origin, passed only in unpackaged dev runs.
 */
export function isTrustedSenderUrl(raw: unknown, devOrigin: string | null = null): boolean {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  // `host` rather than `hostname`: app://claimdesk:1234 is a different origin and is refused.
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devOrigin !== null && url.origin !== 'null' && url.origin === devOrigin;
}
