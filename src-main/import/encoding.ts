// Legacy (pre-Unicode) encodings: their names, detection with chardet, decoding with iconv-lite.
// Used only once BOMs and UTF-8 have been ruled out, or when the analyst names an encoding.
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Detection reads a prefix: enough for chardet's statistics, cheap on a 40 MB file. */
const SAMPLE_BYTES = 256 * 1024;

/**
 * The canonical lower-case name of an encoding label ("CP1256" stays "cp1256", "UTF8" becomes
 * "utf-8", "latin1" becomes "windows-1252" as in browsers), or null when it cannot be decoded.
 */
export function encodingName(label: string): string | null {
  const lower = label.trim().toLowerCase();
  if (lower === '') return null;
  let whatwg: string | null = null;
  try {
    whatwg = new TextDecoder(lower).encoding;
  } catch {
    // Not a WHATWG label; iconv-lite may still know it (cp1256, mac-arabic, …).
  }
  if (whatwg !== null && iconv.encodingExists(whatwg)) return whatwg;
  return iconv.encodingExists(lower) ? lower : null;
}

export function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Bytes that ISO-8859-6 leaves unassigned (or C1 controls) but windows-1256 maps to letters. */
function onlyValidInWindows1256(byte: number): boolean {
  return (
    (byte >= 0x80 && byte <= 0xa0) ||
    (byte >= 0xa1 && byte <= 0xa3) ||
    (byte >= 0xa5 && byte <= 0xab) ||
    (byte >= 0xae && byte <= 0xba) ||
    (byte >= 0xbc && byte <= 0xbe) ||
    byte === 0xc0 ||
    (byte >= 0xdb && byte <= 0xdf) ||
    byte >= 0xf3
  );
}

const UNICODE = new Set(['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'ascii']);

/** The most likely legacy encoding of bytes known not to be valid UTF-8. */
export function detectLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates = chardet
    .analyse(sample)
    .map((match) => encodingName(match.name))
    .filter((name): name is string => name !== null && !UNICODE.has(name));
  const best = candidates[0] ?? 'windows-1252';
  // chardet cannot tell the two Arabic code pages apart well; bytes ISO-8859-6 lacks settle it.
  if (best === 'iso-8859-6' && sample.some(onlyValidInWindows1256)) return 'windows-1256';
  return best;
}
