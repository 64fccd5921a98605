// Bytes → text: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise the bytes must be valid UTF-8.
// Binary content is refused before decoding.
import { ImportError } from './errors';

export interface Decoded {
  text: string;
  encoding: string;
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

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new ImportError('not a text document (binary content)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    throw new ImportError('the text is not valid UTF-8 and its encoding could not be determined');
  }
}
