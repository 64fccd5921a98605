// isPlainCanonical lets text skip the canonical rules (the importer's lines, the documents the
// renderer stores): anything it accepts must be exactly what canonicalBlock would give, with no
// right-to-left letter. parsedDocBlocks keeps an importer's texts and refuses one not canonical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleDocBlocks,
  canonicalBlock,
  isPlainCanonical,
  NotCanonicalError,
  parsedDocBlocks,
} from '../../../src-shared/canonical';
import { strongCounts } from '../../../src-shared/direction';
import { canonicalBlockText } from './canonical-oracle';

/** Holds `text` to the rules when isPlainCanonical accepts it. */
function checkPlain(text: string): boolean {
  if (!isPlainCanonical(text)) return false;
  expect(canonicalBlockText(text)).toBe(text);
  expect(canonicalBlock(text).text).toBe(text);
  expect(strongCounts(text).rtl).toBe(0);
  return true;
}

describe('isPlainCanonical', () => {
  it('accepts a character only where the rules leave it as it is and it is not right-to-left', () => {
    let accepted = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const u = String.fromCharCode(c);
      // Alone, between letters, after a letter it could compose with, around a space.
      for (const text of [u, `a${u}b`, `A${u}`, `e${u}`, `${u} x`, `x ${u}`])
        if (checkPlain(text)) accepted++;
    }
    expect(accepted).toBeGreaterThan(6 * 700);
    expect(isPlainCanonical('“Quoted,” she said — at 9 €.')).toBe(true);
  });

  it('refuses what the rules change: two spaces, an edge space, tabs, NBSP, CR, controls, marks', () => {
    for (const text of ['a  b', ' a', 'a ', 'a\tb', 'a\u00a0b', 'a\rb', 'a\u0000b', 'e\u0301', '\ufeffa'])
      expect(isPlainCanonical(text)).toBe(false);
    expect(isPlainCanonical('\u0627\u0644')).toBe(false); // right-to-left letters are counted
  });

  it('agrees with the rules on arbitrary text', () => {
    const unit = fc.constantFrom(...'ab Z é\t\r\n\u00a0\u2003\u2019\u201c\u0301\u0627\u0000\ufeff\ud800€');
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })),
        (s) => {
          checkPlain(s);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('parsedDocBlocks', () => {
  const canonicalArticle = fc
    .record({
      title: fc.string({ maxLength: 30 }),
      caption: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
      blocks: fc.array(
        fc.record({ kind: fc.constant('paragraph' as const), text: fc.string({ maxLength: 30 }) }),
        {
          maxLength: 4,
        },
      ),
    })
    .map(({ title, caption, blocks }) => ({
      title: canonicalBlock(title).text,
      caption: caption === null ? null : canonicalBlock(caption).text,
      blocks: blocks.map((b) => ({ ...b, text: canonicalBlock(b.text).text })),
    }));

  it('gives what articleDocBlocks gives for canonical text', () => {
    fc.assert(
      fc.property(canonicalArticle, (article) => {
        expect(parsedDocBlocks(article)).toEqual(articleDocBlocks(article));
      }),
      { numRuns: 500 },
    );
    const arabic = { title: 'عنوان الخبر', caption: 'A caption', blocks: [] };
    expect(parsedDocBlocks(arabic)).toEqual(articleDocBlocks(arabic));
  });

  it('refuses a block that is not canonical instead of storing it under the wrong hash', () => {
    for (const text of ['two  spaces', ' edge', 'line\nbreak', 'Cafe\u0301', 'nul\u0000', 'عنوان  الخبر'])
      expect(() =>
        parsedDocBlocks({ title: 'Title', caption: null, blocks: [{ kind: 'paragraph', text }] }),
      ).toThrow(NotCanonicalError);
    expect(() => parsedDocBlocks({ title: ' Title', caption: null, blocks: [] })).toThrow(NotCanonicalError);
  });
});
