// The lines of a UTF-8 text, found in one pass over its bytes without decoding them: where each
// non-blank line starts and ends (trimmed as String.prototype.trim trims), how many blank lines
// precede it, and what the canonical-text rules could still change in it. The news-dump and
// plain-text importers build articles from this table and decode only the lines they keep, so
// a 40 MB file costs little more than reading it (npm run bench).
import { isNfcInert, isRtlLetter, isWideSpace } from './code-points';

/** Rule 4 may change the line: a tab, two spaces in a row, or a wide space. */
export const LINE_COLLAPSE = 1;
/** A character NFC might change. */
export const LINE_NFC = 2;
/** A right-to-left letter: the line's direction must be counted. */
export const LINE_RTL = 4;

export interface LineTable {
  /** The UTF-8 text. */
  readonly bytes: Uint8Array;
  readonly count: number;
  /** Trimmed byte range of each non-blank line. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The same range in UTF-16 units: where the line lies in the decoded text. */
  readonly textStart: Int32Array;
  readonly textEnd: Int32Array;
  /** Blank lines right before each line (at most 255). */
  readonly blanksBefore: Uint8Array;
  /** LINE_* bits; 0 means the trimmed line is canonical text already. */
  readonly flags: Uint8Array;
}

const RAW = 8;

/** LINE_* bits (and RAW) for every BMP code point: one lookup per character in the scan loop. */
const CLASS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0x80; c < 0x10000; c++) {
    if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff) table[c] = RAW;
    else
      table[c] =
        (isWideSpace(c) ? LINE_COLLAPSE : isRtlLetter(c) ? LINE_RTL : 0) | (isNfcInert(c) ? 0 : LINE_NFC);
  }
  return table;
})();

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * True when none of w's four bytes needs a look: no line break, control, DEL or non-ASCII
 * byte, and no two spaces in a row (`spaceBefore`: the byte before w was a space). The tests
 * subtract from 7-bit lanes, so no int32 overflows; a borrow can only flag a byte too many,
 * which costs a byte-by-byte look, never a miss.
 */
function plainWord(w: number, spaceBefore: boolean): boolean {
  const low = w & 0x7f7f7f7f;
  const oddOrHigh = ((low - 0x20202020) | w) & 0x80808080;
  const del = ((low ^ 0x7f7f7f7f) - 0x01010101) & 0x80808080;
  const spaces = ((low ^ 0x20202020) - 0x01010101) & 0x80808080;
  const pairs = spaces & ((spaces >>> 8) | (spaceBefore ? 0x80 : 0));
  return (oddOrHigh | del | pairs) === 0;
}

/** Byte length of the whitespace character starting at i, or 0 (JS \s, as trim() uses it). */
function spaceAt(b: Uint8Array, i: number, end: number): number {
  const c = b[i] as number;
  if (c === 0x20 || c === 0x09) return 1;
  if (c < 0xc2 || i + 1 >= end) return 0;
  if (c === 0xc2) return b[i + 1] === 0xa0 ? 2 : 0;
  if (c < 0xe1 || c > 0xe3 || i + 2 >= end) return 0;
  return isWideSpace(
    ((c & 0x0f) << 12) | (((b[i + 1] as number) & 0x3f) << 6) | ((b[i + 2] as number) & 0x3f),
  )
    ? 3
    : 0;
}

/** Byte length of the whitespace character ending at `end`, or 0. */
function spaceBefore(b: Uint8Array, end: number, start: number): number {
  const c = b[end - 1] as number;
  if (c === 0x20 || c === 0x09) return 1;
  if (end - 2 >= start && b[end - 2] === 0xc2 && c === 0xa0) return 2;
  return end - 3 >= start && spaceAt(b, end - 3, end) === 3 ? 3 : 0;
}

class TableBuilder {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  textStart: Int32Array;
  textEnd: Int32Array;
  blanksBefore: Uint8Array;
  flags: Uint8Array;
  private blanks = 0;

  constructor(private readonly bytes: Uint8Array) {
    // News text runs about a hundred bytes a line, blank lines included: rarely a regrowth.
    const capacity = Math.max(1024, bytes.length >> 7);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.textStart = new Int32Array(capacity);
    this.textEnd = new Int32Array(capacity);
    this.blanksBefore = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /**
   * Records the line [from, to) with the flags found in it; `shiftFrom` and `shiftTo` are how
   * many more bytes than UTF-16 units come before `from` and `to`.
   */
  line(from: number, to: number, flags: number, shiftFrom: number, shiftTo: number): void {
    let s = from;
    let e = to;
    // A trimmed space of n bytes is one UTF-16 unit.
    for (let n: number; s < e && (n = spaceAt(this.bytes, s, e)) > 0; s += n) shiftFrom += n - 1;
    for (let n: number; e > s && (n = spaceBefore(this.bytes, e, s)) > 0; e -= n) shiftTo -= n - 1;
    if (s === e) {
      this.blanks++;
      return;
    }
    if (this.count === this.start.length) this.grow();
    const k = this.count++;
    this.start[k] = s;
    this.end[k] = e;
    this.textStart[k] = s - shiftFrom;
    this.textEnd[k] = e - shiftTo;
    this.blanksBefore[k] = Math.min(this.blanks, 255);
    this.flags[k] = flags;
    this.blanks = 0;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.start = copy(this.start, Int32Array);
    this.end = copy(this.end, Int32Array);
    this.textStart = copy(this.textStart, Int32Array);
    this.textEnd = copy(this.textEnd, Int32Array);
    this.blanksBefore = copy(this.blanksBefore, Uint8Array);
    this.flags = copy(this.flags, Uint8Array);
  }

  table(): LineTable {
    const { bytes, count, start, end, textStart, textEnd, blanksBefore, flags } = this;
    return { bytes, count, start, end, textStart, textEnd, blanksBefore, flags };
  }
}

/**
 * Scans valid UTF-8 (no BOM). Returns null when the text breaks canonical rules 1–2 — a CR,
 * a control character, U+2028/2029 or a BOM inside — so the caller normalises it first.
 */
export function scanLines(bytes: Uint8Array): LineTable | null {
  const n = bytes.length;
  const out = new TableBuilder(bytes);
  // Words are read four bytes at a time from the first 4-aligned byte on.
  const lead = (4 - (bytes.byteOffset % 4)) % 4;
  const wordCount = LITTLE_ENDIAN && n > lead ? (n - lead) >> 2 : 0;
  const words =
    wordCount > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + lead, wordCount) : new Int32Array(0);
  let lineStart = 0;
  let lineShift = 0;
  // Bytes beyond UTF-16 units so far: 1 for each 2-byte sequence, 2 for each 3- or 4-byte one.
  let shift = 0;
  let flags = 0;
  let afterSpace = false;
  let i = 0;
  while (i < n) {
    if (i >= lead && ((i - lead) & 3) === 0) {
      // Plain words, four bytes at a time, for as long as they last.
      let k = (i - lead) >> 2;
      for (; k < words.length; k++) {
        const w = words[k] as number;
        if (!plainWord(w, afterSpace)) break;
        afterSpace = w >>> 24 === 0x20;
      }
      i = lead + k * 4;
      if (i >= n) break;
    }
    const c = bytes[i] as number;
    if (c === 0x0a) {
      out.line(lineStart, i, flags, lineShift, shift);
      lineStart = i + 1;
      lineShift = shift;
      flags = 0;
      afterSpace = false;
      i++;
      continue;
    }
    if (c === 0x20) {
      if (afterSpace) flags |= LINE_COLLAPSE;
      afterSpace = true;
      i++;
      continue;
    }
    afterSpace = false;
    if (c < 0x7f) {
      if (c < 0x20) {
        if (c !== 0x09) return null;
        flags |= LINE_COLLAPSE;
      }
      i++;
      continue;
    }
    if (c === 0x7f) return null;
    let cp: number;
    let size: number;
    if (c < 0xe0) {
      cp = ((c & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
      size = 2;
    } else if (c < 0xf0) {
      cp = ((c & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
      size = 3;
    } else {
      cp = 0x10000; // outside the BMP: never a space or RTL, and not known to be NFC-inert
      size = 4;
    }
    const kind = cp < 0x10000 ? (CLASS[cp] as number) : LINE_NFC;
    if (kind === RAW) return null;
    flags |= kind;
    shift += size === 2 ? 1 : 2;
    i += size;
  }
  out.line(lineStart, n, flags, lineShift, shift);
  return out.table();
}
