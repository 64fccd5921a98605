// Hand-made ZIP archives for the hostile-archive tests: entries stored or deflated, with the
// name, declared size and flags a test wants — including the lies a hostile archive tells.
import { deflateSync } from 'fflate';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** The uncompressed size the archive claims (defaults to the truth). */
  declaredSize?: number;
  flags?: number;
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (out: number[], n: number) => out.push(n & 0xff, (n >>> 8) & 0xff);
  const u32 = (out: number[], n: number) => (u16(out, n & 0xffff), u16(out, (n >>> 16) & 0xffff));
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const body = e.deflate ? deflateSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const offset = local.length;
    const header = (out: number[], sig: number, isCentral: boolean) => {
      u32(out, sig);
      if (isCentral) u16(out, 20);
      u16(out, 20);
      u16(out, e.flags ?? 0);
      u16(out, e.deflate ? 8 : 0);
      u32(out, 0);
      u32(out, crc32(e.data));
      u32(out, body.length);
      u32(out, size);
      u16(out, name.length);
      u16(out, 0);
      if (isCentral) {
        u16(out, 0);
        u16(out, 0);
        u16(out, 0);
        u32(out, 0);
        u32(out, offset);
      }
      out.push(...name);
    };
    header(local, 0x04034b50, false);
    for (const b of body) local.push(b);
    header(central, 0x02014b50, true);
  }
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, entries.length);
  u16(end, entries.length);
  u32(end, central.length);
  u32(end, local.length);
  u16(end, 0);
  return new Uint8Array([...local, ...central, ...end]);
}
