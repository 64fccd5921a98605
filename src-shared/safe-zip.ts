// ZIP archives from untrusted files (.qdpx projects, Word .docx). Writing uses fflate. Reading
// is done here, not by a general unzip, because the archive is untrusted: the central
// directory is checked whole before anything is inflated (entry count, names that would leave
// the archive, declared sizes, compression ratio, encryption), and each entry is inflated in
// small steps with its output counted, so an entry that holds more than it declares — a zip
// bomb — is stopped after at most one step past its declared size, not after filling memory.
import { Inflate, zipSync } from 'fflate';
import { err, ok, type Result } from './result';
import { errorMessage } from './util/error-message';

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes one entry may hold. */
  maxEntryBytes: number;
  /** Uncompressed bytes all entries together may hold. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size above which a large entry is taken for a zip bomb. */
  maxRatio: number;
}

const MB = 1024 * 1024;

export const ARCHIVE_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 256 * MB,
  maxRatio: 100,
};

/** Entries smaller than this are never called bombs: tiny files of one repeated byte compress a lot. */
const RATIO_FLOOR = MB;
/** Compressed bytes inflated per step (deflate expands at most ~1032×, so ≤ 64 MB out a step). */
const STEP = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

class ZipError extends Error {}

const u16 = (b: Uint8Array, at: number): number => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const megabytes = (n: number): string => `${Math.round((n / MB) * 10) / 10} MB`;

/** Why a name must not be extracted, or null: it must stay inside the archive's folder. */
function unsafeName(name: string): string | null {
  if (name === '' || name.includes('\0')) return 'an empty or binary name';
  if (/^[\\/]/.test(name) || /^[a-z]:/i.test(name)) return 'an absolute path';
  if (name.split(/[\\/]/).includes('..')) return 'a path that leaves the archive (“..”)';
  return null;
}

function endOfCentralDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of up to 65,535.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) if (u32(bytes, at) === 0x06054b50) return at;
  throw new ZipError('it is not a ZIP archive (no central directory), which this kind of file is');
}

/** The archive's entries, checked against the limits; directories are left out. */
export function listZip(bytes: Uint8Array, limits: ZipLimits = ARCHIVE_LIMITS): Result<ZipEntry[]> {
  try {
    return ok(listEntries(bytes, limits));
  } catch (e) {
    if (e instanceof ZipError) return err(e.message);
    throw e;
  }
}

function listEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const eocd = endOfCentralDirectory(bytes);
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff)
    throw new ZipError('it is a ZIP64 archive, which no document of this kind needs; it was not read');
  if (count > limits.maxEntries)
    throw new ZipError(`it holds ${count} entries, more than the ${limits.maxEntries} allowed`);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new ZipError('its central directory is damaged');
    const nameLength = u16(bytes, at + 28);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > bytes.length) throw new ZipError('its central directory is damaged');
    const name = new TextDecoder().decode(bytes.subarray(at + 46, nameEnd));
    const entry: ZipEntry = {
      name,
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      headerOffset: u32(bytes, at + 42),
    };
    if (u16(bytes, at + 8) & 1) throw new ZipError(`the entry “${name}” is encrypted`);
    at = nameEnd + u16(bytes, at + 30) + u16(bytes, at + 32);
    checkEntry(entry, limits);
    const unsafe = unsafeName(name);
    if (unsafe) throw new ZipError(`the entry “${name}” has ${unsafe}; nothing in it was read`);
    if (seen.has(name)) throw new ZipError(`the entry “${name}” appears twice`);
    seen.add(name);
    total += entry.size;
    if (total > limits.maxTotalBytes)
      throw new ZipError(`its entries declare more than ${megabytes(limits.maxTotalBytes)} in all`);
    if (!name.endsWith('/')) entries.push(entry);
  }
  return entries;
}

function checkEntry(entry: ZipEntry, limits: ZipLimits): void {
  const { name, size, compressedSize, method } = entry;
  if (size === 0xffffffff || compressedSize === 0xffffffff)
    throw new ZipError(`the entry “${name}” uses ZIP64 sizes, which no document of this kind needs`);
  if (method !== 0 && method !== 8)
    throw new ZipError(`the entry “${name}” uses a compression method (${method}) other than deflate`);
  if (size > limits.maxEntryBytes)
    throw new ZipError(
      `the entry “${name}” declares ${megabytes(size)}, more than the ${megabytes(limits.maxEntryBytes)} an entry may hold`,
    );
  if (size > RATIO_FLOOR && size / Math.max(1, compressedSize) > limits.maxRatio)
    throw new ZipError(
      `the entry “${name}” would expand ${Math.round(size / Math.max(1, compressedSize))}-fold, as a zip bomb does`,
    );
}

let crcTable: Uint32Array | null = null;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50)
    throw new ZipError(`the entry “${entry.name}” is damaged (no local header)`);
  if (u16(bytes, at + 6) & 1) throw new ZipError(`the entry “${entry.name}” is encrypted`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError(`the entry “${entry.name}” is cut short`);
  return bytes.subarray(start, end);
}

function inflateCounted(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > entry.size)
      throw new ZipError(
        `the entry “${entry.name}” holds more than the size it declares, as a zip bomb does`,
      );
    out.set(chunk, length);
    length += chunk.length;
  });
  for (let at = 0; at < data.length; at += STEP)
    inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (length !== entry.size) throw new ZipError(`the entry “${entry.name}” is damaged (wrong size)`);
  return out;
}

/** One entry's bytes, checked against its declared size and CRC-32. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array> {
  try {
    const data = compressedData(bytes, entry);
    const content = entry.method === 0 ? data.slice() : inflateCounted(data, entry);
    if (content.length !== entry.size)
      throw new ZipError(`the entry “${entry.name}” is damaged (wrong size)`);
    if (crc32(content) !== entry.crc) throw new ZipError(`the entry “${entry.name}” is damaged (checksum)`);
    return ok(content);
  } catch (e) {
    if (e instanceof ZipError) return err(e.message);
    // fflate reports corrupt deflate data by throwing its own errors.
    return err(`the entry “${entry.name}” is damaged (${errorMessage(e)})`);
  }
}

/** A ZIP archive of the given files (a .qdpx); fixed timestamps, so the same project gives the same bytes. */
export function writeZip(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: 6 }]])),
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
}
