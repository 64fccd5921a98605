// Which importer reads a file: decided from the content first (magic bytes, markup), the
// file name's extension second — a misnamed file is still read for what it is.
import type { ImportFormat } from '../../src-shared/model';
import { looksBinary } from './decode';
import { ImportError } from './errors';
import { looksLikeNewsDump } from './news-dump';

export function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  magic.every((b, i) => bytes[at + i] === b);

/** The first bytes as Latin-1: enough to look for ASCII signatures and markup. */
function asciiPrefix(bytes: Uint8Array, length: number): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, length));
}

/** The binary container formats, or null for text. Unsupported containers are refused here. */
export function binaryFormat(bytes: Uint8Array, name: string): 'pdf' | 'docx' | 'qdpx' | null {
  const ext = extensionOf(name);
  // The PDF header may follow some junk; readers look in the first kilobyte.
  if (asciiPrefix(bytes, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored uncompressed, so a Word package names its word/ folder in clear
    // and a REFI-QDA project its project.qde (at the end, in the central directory).
    if (
      ext === 'qdpx' ||
      asciiPrefix(bytes.subarray(Math.max(0, bytes.length - 64 * 1024)), 64 * 1024).includes('project.qde')
    )
      return 'qdpx';
    if (ext === 'docx' || asciiPrefix(bytes, 64 * 1024).includes('word/')) return 'docx';
    throw new ImportError('a ZIP archive that is not a Word document (.docx) or a REFI-QDA project (.qdpx)');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw new ImportError('an old Word (.doc) or Office file; save it as .docx and import that');
  // Misnamed or mangled binaries: the extension at least says what the file was meant to be.
  if (ext === 'pdf' && looksBinary(bytes)) throw new ImportError('the PDF is damaged or incomplete');
  if (ext === 'docx' && looksBinary(bytes)) throw new ImportError('the Word document is damaged');
  return null;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/i;
const HTML_INSIDE = /<(?:html|body|article|main)[\s>]|<\/(?:p|div|h1|h2)>/i;

export function looksLikeHtml(prefix: string): boolean {
  return HTML_START.test(prefix);
}

/** The charset an HTML document declares in its first kilobyte (<meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array, name: string): string | null {
  const prefix = asciiPrefix(bytes, 1024);
  const ext = extensionOf(name);
  if (!looksLikeHtml(prefix) && ext !== 'html' && ext !== 'htm') return null;
  return /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(prefix)?.[1] ?? null;
}

const MARKDOWN_SIGNS =
  /^(?:#{1,6}\s+\S|>\s|\s*[-*+]\s+\S.*\n\s*[-*+]\s+\S)|\[[^\]\n]+\]\((?:https?:|mailto:)/m;

/** The format of decoded, normalised text. */
export function textFormat(text: string, name: string): Exclude<ImportFormat, 'pdf' | 'docx'> {
  const ext = extensionOf(name);
  const head = text.slice(0, 8192);
  if (looksLikeHtml(head)) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || (ext !== 'txt' && HTML_INSIDE.test(head))) return 'html';
  if (looksLikeNewsDump(text)) return 'news-dump';
  if (/^\s*#\s+\S/.test(head) || MARKDOWN_SIGNS.test(head)) return 'markdown';
  return 'text';
}
