// The line-based importers see a text as its non-blank lines, trimmed, each with the blank lines
// before it; CR LF, lone CR and U+2028/2029 end a line as LF does (canonical rule 1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOfText } from '../../../src-main/import/text-lines';

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
});
