// The line-based importers see a text as its non-blank lines, trimmed, each with the blank lines
// before it; CR LF, lone CR and U+2028/2029 end a line as LF does (canonical rule 1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOfText, TextLines } from '../../../src-main/import/text-lines';
import { parsePlainText } from '../../../src-main/import/plain-text';
import { expectShared } from './expect-shared';

/** The same, written the obvious way. */
function reference(text: string): { line: string; blanks: number }[] {
  const out: { line: string; blanks: number }[] = [];
  let blanks = 0;
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    // eslint-disable-next-line no-control-regex
    const line = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g, '').trim();
    if (line === '') blanks++;
    else {
      out.push({ line: line.normalize('NFC'), blanks });
      blanks = 0;
    }
  }
  return out;
}

describe('linesOfText', () => {
  it('finds the lines and blank lines the obvious reading finds', () => {
    const unit = fc.constantFrom(...'ab \t\n\r\u00a0\u2003\u2028\ufeff\u0000\u0627', '\r\n', 'TT');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const lines = linesOfText(text);
        const got = Array.from({ length: lines.count }, (_, i) => ({
          line: lines.text(i).normalize('NFC'),
          blanks: lines.blanksBefore(i),
        }));
        expect(got).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a line of nothing but NBSP as blank', () => {
    const lines = linesOfText('Title\n\u00a0\u00a0\nBody');
    expect(lines.count).toBe(2);
    expect(lines.blanksBefore(1)).toBe(1);
  });

  it('reads a text with CR LF line ends as the same text with LF', () => {
    const unit = fc.constantFrom(...'ab \t\u00a0\u0627“', '\n', '\n\n', 'TT');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const lf = linesOfText(text);
        const crlf = linesOfText(text.replaceAll('\n', '\r\n'));
        expect(crlf.clean).toBe(true);
        expect(crlf.count).toBe(lf.count);
        for (let i = 0; i < lf.count; i++) {
          expect(crlf.text(i)).toBe(lf.text(i));
          expect(crlf.blanksBefore(i)).toBe(lf.blanksBefore(i));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stops at a lone CR, U+2028 or control character, even where trim() would drop it', () => {
    for (const text of ['a\rb', 'a\u2028b', 'a\u0000', 'a\n \u2028 \nb', 'a\n\ufeff\nb', 'ab\r'])
      expect(new TextLines(text).clean).toBe(false);
  });

  it('makes blocks, directions and hashes the rules give, plain lines or not', async () => {
    // Plain lines skip the rules; the rest (Arabic, NBSP, marks, tabs, two spaces) go through them.
    const word = fc.constantFrom(
      'The',
      'port',
      '“said”',
      'Zoë',
      'الميناء',
      'قال',
      'a\u00a0b',
      'e\u0301',
      'x\ty',
      '  ',
    );
    const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const text = fc
      .array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\r\n\r\n', '\n\n\n')), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.map(([l, end]) => l + end).join(''));
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        await expectShared(parsePlainText(t));
      }),
      { numRuns: 500 },
    );
  });
});
