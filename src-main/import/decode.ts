// Bytes → text. Order of evidence: the analyst's override, a BOM (UTF-8, UTF-16 LE/BE), a
// charset the document declares (HTML), valid UTF-8, then statistical detection of a legacy
// encoding. Binary content is refused before any guessing.
import { isUtf8 } from 'node:buffer';
import { ImportError } from './errors';
import { decodeWith, detectLegacyEncoding, encodingName } from './encoding';

export interface Decoded {
  text: string;
  encoding: string;
}

export interface DecodeHints {
  /** The analyst's choice; wins over everything, an unknown name is an error. */
  override?: string | undefined;
  /** The encoding the document itself declares (e.g. an HTML <meta charset>). */
  declared?: string | null | undefined;
}

/** Binary if NUL-heavy or full of C0 control bytes (text files have almost none). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > Math.max(1, sample.length * 0.01);
}

/** Validates an encoding name early, so a typo is reported before any parsing starts. */
export function checkEncodingName(label: string): string {
  const name = encodingName(label);
  if (name === null) throw new ImportError(`unknown encoding "${label}"`);
  return name;
}

interface Decoding {
  encoding: string;
  /** The bytes after any byte-order mark. */
  body: Uint8Array;
}

function byBom(bytes: Uint8Array): Decoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', body: bytes.subarray(3) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', body: bytes.subarray(2) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', body: bytes.subarray(2) };
  return null;
}

/**
 * UTF-16 that lost its BOM: NULs fill one byte of each pair (the high byte of Latin text) and
 * almost never the other. Returns the byte order, or null when the NULs follow no such pattern.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 64 * 1024 - ((64 * 1024) % 2));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  if (odd > pairs * 0.3 && even < pairs * 0.02) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.02) return 'utf-16be';
  return null;
}

/** Which encoding the bytes are read in, following the order of evidence above. */
function chooseDecoding(bytes: Uint8Array, hints: DecodeHints): Decoding {
  const whole = (encoding: string): Decoding => ({ encoding, body: bytes });
  if (hints.override !== undefined) return whole(checkEncodingName(hints.override));
  const bom = byBom(bytes);
  if (bom) return bom;
  if (looksBinary(bytes)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16 === null) throw new ImportError('not a text document (binary content)');
    return whole(utf16);
  }
  const declared = hints.declared ? encodingName(hints.declared) : null;
  // A declared UTF-8/UTF-16 is checked like any other text: documents often declare it wrongly.
  if (declared !== null && !declared.startsWith('utf-')) return whole(declared);
  // isUtf8 validates natively in a few ms; a fatal TextDecoder would decode twice on failure.
  if (isUtf8(bytes)) return whole('utf-8');
  return whole(detectLegacyEncoding(bytes));
}

const WHATWG = new Set(['utf-8', 'utf-16le', 'utf-16be']);

function decodeAs({ encoding, body }: Decoding): string {
  return WHATWG.has(encoding) ? new TextDecoder(encoding).decode(body) : decodeWith(body, encoding);
}

export function decodeText(bytes: Uint8Array, hints: DecodeHints = {}): Decoded {
  const decoding = chooseDecoding(bytes, hints);
  return { text: decodeAs(decoding), encoding: decoding.encoding };
}
