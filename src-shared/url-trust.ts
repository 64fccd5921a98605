// URL trust decided by parsing, never by string prefix: only absolute http(s) URLs with a host
// and no credentials are opened outside the app; an address typed without its scheme is completed
// to https:// only when that makes one.

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

/** A scheme at the start (`mailto:`, `javascript:`); `kremlin.ru:8080/x` is a host and port, not one. */
const SCHEME = /^[a-z][a-z0-9+\-.]*:(?!\d)/i;
/** A host a typed address may name without its scheme: a dotted name ending in a real TLD, or IPv4. */
const BARE_HOST = /^(?:(?:[^.]+\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)|\d{1,3}(?:\.\d{1,3}){3}|localhost)$/i;

/**
 * The address to keep for a web address an analyst typed: an http(s) URL as typed (trimmed), or
 * `https://` put in front of one typed without its scheme (`kremlin.ru/events/…`) when that
 * makes a valid address; null when it is no web address at all (`javascript:…`, `not a link`).
 */
export function completeWebAddress(raw: string): string | null {
  const typed = raw.trim();
  if (SCHEME.test(typed)) return vetExternalUrl(typed) === null ? null : typed;
  if (typed === '' || /\s/.test(typed)) return null;
  const bare = typed.replace(/^\/\//, '');
  // The host as typed, not as parsed: the URL standard reads `1.` as the IPv4 address 0.0.0.1.
  const host = /^[^/?#:]*/.exec(bare)?.[0] ?? '';
  // After the host only a port may follow a colon: `1.http://x` is no address.
  if (!/^(?::\d+)?(?:[/?#]|$)/.test(bare.slice(host.length))) return null;
  const full = `https://${bare}`;
  return BARE_HOST.test(host) && vetExternalUrl(full) !== null ? full : null;
}
