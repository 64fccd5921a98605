// The byte-level line scanner must read every text exactly as the string rules would: the same
// trimmed lines, blank-line counts, and flags that never call a line canonical when it is not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBlockText } from '../../../src-shared/canonical';
import { creditOf } from '../../../src-main/import/article';
import { strongCounts } from '../../../src-shared/direction';
import { LineText } from '../../../src-main/import/line-text';
import {
  LINE_COLLAPSE,
  LINE_CREDIT,
  LINE_NFC,
  LINE_RTL,
  scanChunkSize,
  scanLines,
} from '../../../src-main/import/utf8-lines';

const UNITS = [
  ...'ab Zé\t\n\n\n\r\v\u001c\u00a0\u1680\u2000\u2009\u2028\u202f\u205f\u3000\u200b\u200d\u0085\ufeff\u007f',
  ...'\u0301\u0627\u0644\u0653\u064e\u05d0\u2126\u201c\u2014\u00ff\u0100\u0958\uac00\u1161  ()',
  '\u{1f600}',
  '\u{10400}',
];
const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 80 }),
  // Mostly plain text with the odd mark that composes with the letter before it.
  fc.string({ unit: fc.constantFrom(...'ae \u0627\n\u0653\u0301'), maxLength: 20 }),
);
// What the scanner leaves to normaliseRaw: CR (with CR LF) is a line break it reads itself.
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const RAW = /[\u2028\u2029\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/;

/** What the scanner must find: trimmed non-blank lines and the blank lines before each. */
function expectedLines(text: string): { text: string; blanks: number }[] {
  const lines: { text: string; blanks: number }[] = [];
  let blanks = 0;
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (line === '') blanks++;
    else {
      lines.push({ text: line, blanks: Math.min(blanks, 255) });
      blanks = 0;
    }
  }
  return lines;
}

/**
 * Scans `text` placed at byte `offset` of a buffer and checks lines, ranges and counts: each
 * line as one string of what it must hold, so that texts of thousands of lines compare fast.
 */
function checkScan(text: string, offset = 0): void {
  const encoded = Buffer.from(text, 'utf8');
  const bytes = new Uint8Array(new ArrayBuffer(encoded.length + offset), offset, encoded.length);
  bytes.set(encoded);
  const table = scanLines(bytes);
  expect(table === null).toBe(RAW.test(text));
  if (table === null) return;
  const lines = new LineText(table);
  const found = Array.from({ length: table.count }, (_, i) => {
    const line = lines.text(i);
    const bytesText = encoded.toString('utf8', table.start[i], table.end[i]);
    // A line not flagged for rule 4 or NFC must be canonical as it stands.
    const unflagged = !((table.flags[i] as number) & (LINE_COLLAPSE | LINE_NFC));
    const honest = !unflagged || canonicalBlockText(line) === line;
    const credit = ((table.flags[i] as number) & LINE_CREDIT) !== 0;
    return `${line}|${table.blanksBefore[i]}|${bytesText}|${table.rtl[i]} ${table.ltr[i]}|${honest}|${credit}`;
  });
  const expected = expectedLines(text).map(({ text: line, blanks }) => {
    const { rtl, ltr } = strongCounts(line);
    return `${line}|${blanks}|${line}|${rtl} ${ltr}|true|${creditOf(line) !== null}`;
  });
  expect(found.join('\n')).toBe(expected.join('\n'));
}

describe('UTF-8 line scanner', () => {
  it('finds the trimmed lines, by bytes and by UTF-16 offsets, or asks for normalisation', () => {
    fc.assert(
      // At every alignment, though the scanner copies its input: it once read words in place.
      fc.property(tricky, fc.integer({ min: 0, max: 3 }), (text, offset) => checkScan(text, offset)),
      { numRuns: 2000 },
    );
  });

  it('reads lines across chunk edges, and lines longer than a chunk, as if no edge were there', () => {
    const chunk = scanChunkSize();
    // Short lines: chunks end at a line break. One long line: a chunk ends between characters.
    const short = 'Plain words, and more plain words.\n'.repeat(Math.ceil((2 * chunk) / 35));
    const long = 'Plain words, and more plain words. '.repeat(Math.ceil((2 * chunk) / 35));
    const around = (prefix: string, edge: number, d: number, text: string): string =>
      prefix.slice(0, edge + d) + text + short.slice(0, 100);
    // Each snippet's characters in turn straddle the edge: a space pair, marks, wide spaces, CR LF.
    const snippets = [
      'a  b',
      '  x',
      '\u0627\u0653\u0644',
      'x\u00a0 \n',
      '\u2003\u2003y',
      'é\u{1f600}',
      '(AFP)',
      '( )',
      'a\r\nb',
      '\r\n\r\nc\r',
    ];
    for (const prefix of [short, long])
      for (const snippet of snippets)
        for (let d = -4; d <= 0; d++) checkScan(around(prefix, chunk, d, snippet));
    const clean = fc.string({ unit: fc.constantFrom(...UNITS.filter((u) => !RAW.test(u))), maxLength: 40 });
    fc.assert(
      fc.property(
        clean,
        fc.integer({ min: -40, max: 0 }),
        fc.boolean(),
        fc.boolean(),
        (text, d, second, inLong) =>
          checkScan(around(inLong ? long : short, second ? 2 * chunk : chunk, d, text)),
      ),
      { numRuns: 100 },
    );
  });

  it('flags every line the canonical rules would change, and every line with RTL letters', () => {
    fc.assert(
      fc.property(tricky, (raw) => {
        // Rules 1–2 only: the scanner meets text that is not NFC yet.
        const text = raw.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(new RegExp(RAW, 'g'), '');
        const table = scanLines(Buffer.from(text, 'utf8'));
        if (table === null) throw new Error('text without CR and controls must scan');
        const lines = new LineText(table);
        for (let i = 0; i < table.count; i++) {
          const line = lines.text(i);
          const flags = table.flags[i] as number;
          if (!(flags & (LINE_COLLAPSE | LINE_NFC))) expect(canonicalBlockText(line)).toBe(line);
          if (!(flags & LINE_RTL)) expect(strongCounts(line).rtl).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads text that does not start on a 4-byte boundary, and long plain runs', () => {
    const text = `${'Plain words  and more plain words. '.repeat(20)}\n\n\u0627\u0644 x\t y\n`;
    const bytes = Buffer.from(` ${text}`, 'utf8').subarray(1);
    const table = scanLines(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    expect(table?.count).toBe(2);
    expect(table?.flags[0]).toBe(LINE_COLLAPSE);
    expect(table?.flags[1]).toBe(LINE_RTL | LINE_COLLAPSE);
    expect(table?.blanksBefore[1]).toBe(1);
  });
});
