// URL trust decided by parsing, never by string prefix: only absolute http(s) URLs with a host
// and no credentials are opened outside the app.

/** Returns the normalised URL if it may be opened in the system browser, else null. */
export function vetExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}
