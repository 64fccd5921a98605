// URL checks shared by the exporters: only http(s) links become clickable or machine-readable,
// so a `javascript:` or `file:` value typed into an evidence field never turns into a link.
import { completeWebAddress } from '../url-trust';

/**
 * What RFC 3986 forbids but a WHATWG URL still lets through (`|`, `^`, braces, a backtick in a
 * query, a `%` that starts no escape): machine-readable exports validate hrefs as RFC 3986 URIs.
 */
const NOT_IN_URI = /[^a-z0-9\-._~!$&'()*+,;=:@/?#[\]%]|%(?![0-9a-f]{2})/gi;
const escapeChar = (c: string): string =>
  Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(
    '',
  );

/** The normalised href of an http(s) URL, a valid RFC 3986 URI; null for anything else. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.replace(NOT_IN_URI, escapeChar);
}

/** The href of a link an analyst typed (evidence, a published fact-check), completed as the editor does. */
export function typedLinkHref(value: string | null | undefined): string | null {
  return httpUrl(completeWebAddress(value ?? ''));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IRI naming a record: `urn:uuid:` for UUID ids, a ClaimDesk URN otherwise. */
export function recordIri(kind: string, id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `urn:claimdesk:${kind}:${encodeURIComponent(id)}`;
}
