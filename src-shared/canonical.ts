// The one normalisation every importer ends with, so the same file always yields the same
// canonical text and the same content hash — annotations are anchored to that text.
//
// Rules (documented in README "Canonical text"):
//  1. CRLF and lone CR become LF; U+2028/U+2029 become LF.
//  2. A BOM (U+FEFF) anywhere, NUL and other C0/C1 control characters (except LF and TAB) are removed.
//  3. Unicode NFC — after the removals, so a control between a letter and its accent cannot
//     leave a pair a second pass would compose: the rules are a fixed point.
//  4. Inside a block, every run of whitespace (including TAB, NBSP and LF) becomes one space,
//     and the block is trimmed. Zero-width joiners are kept (they matter in Arabic and Persian).
//  5. Empty blocks are dropped. Blocks are joined by BLOCK_SEPARATOR ("\n\n").
// Here they are written out one at a time; canonical-fast.ts applies them at import speed, and
// its articleDocBlocks turns a parsed article into the blocks a document is made of.
import { directionOf, strongCounts } from './direction';
import type { DocBlock, Direction } from './model';

export const BLOCK_SEPARATOR = '\n\n';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;
const WHITESPACE_RUN = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Normalises raw decoded text before it is split into lines and blocks (rules 1–3). */
export function normaliseRaw(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .normalize('NFC');
}

/** Normalises one block's text (rules 1–4). */
export function canonicalBlockText(text: string): string {
  return normaliseRaw(text).replace(WHITESPACE_RUN, ' ').trim();
}

/** Direction of a text by majority of strong characters; ties and no letters read as LTR. */
export function detectDirection(text: string): Direction {
  return directionOf(strongCounts(text));
}

export function canonicalText(blocks: readonly DocBlock[]): string {
  return blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/** Start offset of each block in the canonical text. */
export function blockOffsets(blocks: readonly DocBlock[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const b of blocks) {
    offsets.push(at);
    at += b.text.length + BLOCK_SEPARATOR.length;
  }
  return offsets;
}

/** SHA-256 hex of the UTF-8 text, via Web Crypto (present in browsers, Electron and Node ≥ 20). */
export async function contentHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
