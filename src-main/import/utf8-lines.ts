// The lines of a UTF-8 text, found in one pass over its bytes: where each non-blank line starts
// and ends (trimmed as String.prototype.trim trims), how many blank lines precede it, its strong
// letters, and what the canonical-text rules could still change in it. The same pass decodes
// the text, a chunk at a time: the news-dump and plain-text importers slice the lines they keep
// from it. The byte loop is WebAssembly (line-scan.wat): sixteen
// plain ASCII bytes per step with SIMD, where JavaScript managed four (npm run bench).
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
  /** LINE_* bits; without LINE_COLLAPSE and LINE_NFC the trimmed line is canonical already. */
  readonly flags: Uint8Array;
  /** Each line's letters as direction.ts counts them: right-to-left, and left-to-right. */
  readonly rtl: Int32Array;
  readonly ltr: Int32Array;
  /** The decoded text in pieces, and where each piece starts in UTF-16 units. */
  readonly texts: readonly string[];
  readonly textStarts: readonly number[];
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
  written(): number;
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
  | 'FLAGS'
  | 'TEXT',
  WebAssembly.Global
>;

/** The WebAssembly scanner and views of its memory, which never grows: one per thread. */
class ChunkScanner {
  readonly chunk: number;
  readonly input: Uint8Array;
  private readonly inputBytes: Buffer;
  private readonly utf16: Buffer;
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
    this.inputBytes = Buffer.from(buffer, at('IN'), this.chunk);
    this.utf16 = Buffer.from(buffer, at('TEXT'), 2 * this.chunk);
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

  /** The text of the chunk of `length` bytes last scanned. */
  text(length: number): string {
    const units = this.exports.written();
    // A chunk of nothing but ASCII is its bytes: a one-byte string, half the memory.
    return units === length
      ? this.inputBytes.toString('latin1', 0, length)
      : this.utf16.toString('utf16le', 0, 2 * units);
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

  table(texts: string[], textStarts: number[]): LineTable {
    return { bytes: this.bytes, count: this.count, ...this.columns, texts, textStarts };
  }
}

let scanner: ChunkScanner | null = null;

/** How many bytes the scanner reads per call: lines that cross a chunk's edge carry over. */
export const scanChunkSize = (): number => (scanner ??= new ChunkScanner()).chunk;

/**
 * Where to cut the bytes after `base`: after the last line break within a chunk's length, so
 * that lines lie within one piece of text; in a longer line, between two characters.
 */
function chunkEnd(bytes: Uint8Array, base: number, chunk: number): number {
  const n = bytes.length;
  if (base + chunk >= n) return n;
  const lineEnd = bytes.lastIndexOf(0x0a, base + chunk - 1);
  if (lineEnd >= base) return lineEnd + 1;
  let stop = base + chunk;
  while (stop > base && ((bytes[stop] as number) & 0xc0) === 0x80) stop--;
  return stop > base ? stop : base + chunk;
}

/**
 * Scans valid UTF-8 (no BOM). CR LF and a lone CR end a line as LF does (rule 1). Returns
 * null when the text breaks canonical rules 1–2 otherwise — a control character, U+2028/2029
 * or a BOM inside — so the caller normalises it first.
 */
export function scanLines(bytes: Uint8Array): LineTable | null {
  const s = (scanner ??= new ChunkScanner());
  s.reset();
  const out = new TableBuilder(bytes);
  const texts: string[] = [];
  const textStarts: number[] = [];
  let units = 0;
  for (let base = 0; base < bytes.length;) {
    const stop = chunkEnd(bytes, base, s.chunk);
    s.input.set(bytes.subarray(base, stop));
    const count = s.scan(base, stop - base);
    if (count < 0) return null;
    out.append(s.records, count);
    const text = s.text(stop - base);
    texts.push(text);
    textStarts.push(units);
    units += text.length;
    base = stop;
  }
  out.append(s.records, s.close());
  return out.table(texts, textStarts);
}
