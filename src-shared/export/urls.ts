// URL checks shared by the exporters: only http(s) links become clickable or machine-readable,
// so a `javascript:` or `file:` value typed into an evidence field never turns into a link.

/** The normalised href of an http(s) URL (non-ASCII percent-encoded); null for anything else. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IRI naming a record: `urn:uuid:` for UUID ids, a ClaimDesk URN otherwise. */
export function recordIri(kind: string, id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `urn:claimdesk:${kind}:${encodeURIComponent(id)}`;
}
