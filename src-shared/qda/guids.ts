// GUIDs for REFI-QDA files. Each element's GUID is derived from the app's own id for the thing
// it stands for (SHA-256 of "kind:id", shaped as an RFC 9562 version-8 UUID), so exporting the
// same library twice gives the same GUIDs, and a QDA tool that imports both sees one project.

export type GuidKind = 'document' | 'annotation' | 'coding' | 'note' | 'label' | 'user' | 'case' | 'variable';

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Upper-case, as ATLAS.ti, MAXQDA and NVivo write theirs. */
export async function stableGuid(kind: GuidKind, id: string): Promise<string> {
  const bytes = (await sha256(`claimdesk:${kind}:${id}`)).slice(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80; // version 8: custom, here a name hash
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // the RFC variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** GUIDs for many ids at once, looked up synchronously afterwards while the XML is written. */
export class GuidTable {
  private readonly table = new Map<string, string>();

  static async of(entries: readonly (readonly [GuidKind, string])[]): Promise<GuidTable> {
    const guids = new GuidTable();
    await Promise.all(
      entries.map(async ([kind, id]) => guids.table.set(`${kind}:${id}`, await stableGuid(kind, id))),
    );
    return guids;
  }

  get(kind: GuidKind, id: string): string {
    const guid = this.table.get(`${kind}:${id}`);
    if (guid === undefined) throw new Error(`no GUID was made for ${kind} ${id}`);
    return guid;
  }
}
