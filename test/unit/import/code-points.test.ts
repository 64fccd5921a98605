// The code-point predicates the import scanners rely on, checked against the Unicode data the
// runtime's own normalize() and the shared rules embody.
import { describe, expect, it } from 'vitest';
import { isLtrLetter, isNfcInert, isRtlLetter, isWideSpace } from '../../../src-main/import/code-points';
import { strongCounts } from '../../../src-shared/direction';

const allCodePoints = function* (): Generator<number> {
  for (let c = 0; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) yield c;
};

describe('code points', () => {
  it('NFC-inert characters are quick-check "yes" with combining class 0', () => {
    // Characters that can follow another in a canonical decomposition: the only ones that can
    // compose with what comes before them (quick-check "maybe") or be reordered.
    const trailing = new Set<number>();
    for (const c of allCodePoints()) {
      const nfd = String.fromCodePoint(c).normalize('NFD');
      for (const ch of [...nfd].slice(1)) trailing.add(ch.codePointAt(0) as number);
    }
    const inert = [...allCodePoints()].filter(isNfcInert);
    expect(inert.length).toBeGreaterThan(500);
    for (const c of inert) {
      const s = String.fromCodePoint(c);
      expect(trailing.has(c), `U+${c.toString(16)} composes backwards`).toBe(false);
      expect(s.normalize('NFC'), `U+${c.toString(16)} is not NFC`).toBe(s);
      // A non-zero combining class would reorder around marks of class 240 (before) and 1 (after).
      expect(`a\u0345${s}`.normalize('NFC')).toBe(`a\u0345${s}`);
      expect(`a${s}\u0334`.normalize('NFC')).toBe(`a${s}\u0334`);
    }
  });

  it('wide spaces are the whitespace JS and the canonical rules know beyond ASCII', () => {
    const space = /^\s$/u;
    const wrong = [...allCodePoints()].filter(
      (c) => c >= 0x80 && isWideSpace(c) !== space.test(String.fromCodePoint(c)),
    );
    expect(wrong).toEqual([]);
  });

  it('RTL letters are the ones the direction count counts', () => {
    const wrong = [...allCodePoints()].filter(
      (c) => c <= 0xffff && isRtlLetter(c) !== (strongCounts(String.fromCharCode(c)).rtl === 1),
    );
    expect(wrong).toEqual([]);
  });

  it('LTR letters are the ones the direction count counts', () => {
    const wrong = [...allCodePoints()].filter(
      (c) => c <= 0xffff && isLtrLetter(c) !== (strongCounts(String.fromCharCode(c)).ltr === 1),
    );
    expect(wrong).toEqual([]);
  });
});
