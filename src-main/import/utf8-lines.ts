// The lines of a UTF-8 text, found in one pass over its bytes without decoding them: where each
// non-blank line starts and ends (trimmed as String.prototype.trim trims), how many blank lines
// precede it, its strong letters, and what the canonical-text rules could still change in it.
// The news-dump and plain-text importers build articles from this table and decode only the
// lines they keep. The byte loop itself is WebAssembly (line-scan.wat): sixteen plain ASCII
// bytes per step with SIMD, where JavaScript managed four (npm run bench).
import { isLtrLetter, isNfcInert, isRtlLetter, isWideSpace } from './code-points';
import { LINE_SCAN_WASM } from './line-scan-wasm';

/** Rule 4 may change the line: a tab, two spaces in a row, or a wide space. */
export const LINE_COLLAPSE = 1;
/** A character NFC might change. */
export const LINE_NFC = 2;
/** A right-to-left letter: the line's direction must be counted. */
export const LINE_RTL = 4;
/** The line ends in a parenthesised credit, "… (AFP)": creditOf would find one. */
export const LINE_CREDIT = 8;

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
  /** Each line's letters as direction.ts counts them: right-to-left, and left-to-right. */
  readonly rtl: Int32Array;
  readonly ltr: Int32Array;
}

const RAW = 8;
const LTR = 16;
const SPACE = 32;

/** LINE_* bits, RAW, LTR and SPACE for every BMP code point past ASCII: the scan loop's one lookup. */
function classTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0x80; c < 0x10000; c++) {
    if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff) table[c] = RAW;
    else
      table[c] =
        (isWideSpace(c) ? LINE_COLLAPSE | SPACE : isRtlLetter(c) ? LINE_RTL : 0) |
        (isNfcInert(c) ? 0 : LINE_NFC) |
        (isLtrLetter(c) ? LTR : 0);
  }
  return table;
}

const FIELDS = ['start', 'end', 'textStart', 'textEnd', 'rtl', 'ltr', 'blanksBefore', 'flags'] as const;
type Field = (typeof FIELDS)[number];
type Columns = { [F in Field]: F extends 'blanksBefore' | 'flags' ? Uint8Array : Int32Array };

interface ScanExports {
  memory: WebAssembly.Memory;
  reset(): void;
  scan(base: number, length: number): number;
  close(): number;
}
/** Where the module keeps each part of its memory (see line-scan.wat). */
type Layout = Record<
  | 'IN'
  | 'CHUNK'
  | 'CLASSES'
  | 'STARTS'
  | 'ENDS'
  | 'TEXT_STARTS'
  | 'TEXT_ENDS'
  | 'RTLS'
  | 'LTRS'
  | 'BLANKS'
  | 'FLAGS',
  WebAssembly.Global
>;

/** The WebAssembly scanner and views of its memory, which never grows: one per thread. */
class ChunkScanner {
  readonly chunk: number;
  readonly input: Uint8Array;
  /** A chunk's records, field by field. */
  readonly records: Columns;
  private readonly exports: ScanExports;

  constructor() {
    const module = new WebAssembly.Module(Buffer.from(LINE_SCAN_WASM, 'base64'));
    const exports = new WebAssembly.Instance(module, {}).exports as unknown as ScanExports & Layout;
    const { buffer } = exports.memory;
    const at = (name: keyof Layout): number => exports[name].value as number;
    this.exports = exports;
    this.chunk = at('CHUNK');
    this.input = new Uint8Array(buffer, at('IN'), this.chunk);
    const n = this.chunk + 1;
    this.records = {
      start: new Int32Array(buffer, at('STARTS'), n),
      end: new Int32Array(buffer, at('ENDS'), n),
      textStart: new Int32Array(buffer, at('TEXT_STARTS'), n),
      textEnd: new Int32Array(buffer, at('TEXT_ENDS'), n),
      rtl: new Int32Array(buffer, at('RTLS'), n),
      ltr: new Int32Array(buffer, at('LTRS'), n),
      blanksBefore: new Uint8Array(buffer, at('BLANKS'), n),
      flags: new Uint8Array(buffer, at('FLAGS'), n),
    };
    new Uint8Array(buffer, at('CLASSES'), 0x10000).set(classTable());
  }

  reset(): void {
    this.exports.reset();
  }

  /** Scans the chunk in `input`, which starts at byte `base`: how many records it wrote, or -1. */
  scan(base: number, length: number): number {
    return this.exports.scan(base, length);
  }

  /** Ends the text: the last line's record, if it has text. Returns 0 or 1. */
  close(): number {
    return this.exports.close();
  }
}

/** The records of every chunk, gathered. */
class TableBuilder {
  count = 0;
  private columns: Columns;

  constructor(private readonly bytes: Uint8Array) {
    // News text runs about a hundred bytes a line, blank lines included: rarely a regrowth.
    const capacity = Math.max(1024, bytes.length >> 7);
    this.columns = {
      start: new Int32Array(capacity),
      end: new Int32Array(capacity),
      textStart: new Int32Array(capacity),
      textEnd: new Int32Array(capacity),
      rtl: new Int32Array(capacity),
      ltr: new Int32Array(capacity),
      blanksBefore: new Uint8Array(capacity),
      flags: new Uint8Array(capacity),
    };
  }

  append(records: Columns, count: number): void {
    const needed = this.count + count;
    if (needed > this.columns.start.length) this.grow(Math.max(needed, this.columns.start.length * 2));
    for (const field of FIELDS) this.columns[field].set(records[field].subarray(0, count), this.count);
    this.count = needed;
  }

  private grow(size: number): void {
    const copy = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    const c = this.columns;
    this.columns = {
      start: copy(c.start),
      end: copy(c.end),
      textStart: copy(c.textStart),
      textEnd: copy(c.textEnd),
      rtl: copy(c.rtl),
      ltr: copy(c.ltr),
      blanksBefore: copy(c.blanksBefore),
      flags: copy(c.flags),
    };
  }

  table(): LineTable {
    return { bytes: this.bytes, count: this.count, ...this.columns };
  }
}

let scanner: ChunkScanner | null = null;

/** How many bytes the scanner reads per call: lines that cross a chunk's edge carry over. */
export const scanChunkSize = (): number => (scanner ??= new ChunkScanner()).chunk;

/** Where to cut the bytes after `base`: a chunk's length on, but never inside a character. */
function chunkEnd(bytes: Uint8Array, base: number, chunk: number): number {
  const n = bytes.length;
  let stop = Math.min(n, base + chunk);
  while (stop < n && stop > base && ((bytes[stop] as number) & 0xc0) === 0x80) stop--;
  return stop > base ? stop : Math.min(n, base + chunk);
}

/**
 * Scans valid UTF-8 (no BOM). Returns null when the text breaks canonical rules 1–2 — a CR,
 * a control character, U+2028/2029 or a BOM inside — so the caller normalises it first.
 */
export function scanLines(bytes: Uint8Array): LineTable | null {
  const s = (scanner ??= new ChunkScanner());
  s.reset();
  const out = new TableBuilder(bytes);
  for (let base = 0; base < bytes.length;) {
    const stop = chunkEnd(bytes, base, s.chunk);
    s.input.set(bytes.subarray(base, stop));
    const count = s.scan(base, stop - base);
    if (count < 0) return null;
    out.append(s.records, count);
    base = stop;
  }
  out.append(s.records, s.close());
  return out.table();
}
