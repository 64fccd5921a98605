// REFI-QDA positions count code points; the app's offsets count UTF-16 units. Arabic is in the
// BMP (one unit a character, the counts agree); emoji are not (two units, one code point).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointOffset, utf16Offset } from '../../../src-shared/qda/positions';

describe('REFI-QDA positions', () => {
  it('agree with UTF-16 for Arabic and differ by one per emoji before the offset', () => {
    const arabic = 'قال الوزير';
    expect(codePointOffset(arabic, 4)).toBe(4);
    const text = 'a🚀b🚀c';
    expect(text.indexOf('c')).toBe(6);
    expect(codePointOffset(text, 6)).toBe(4);
    expect(utf16Offset(text, 4)).toBe(6);
    expect([...text][codePointOffset(text, 6)]).toBe('c');
  });

  it('clips a position past the end and never splits a surrogate pair', () => {
    expect(utf16Offset('ab', 10)).toBe(2);
    expect(codePointOffset('🚀', 1)).toBe(1); // inside the pair: the character has begun
    expect(utf16Offset('🚀x', 1)).toBe(2);
  });

  it('are inverses on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, n) => {
        const points = [...text].length;
        const p = n % (points + 1);
        expect(codePointOffset(text, utf16Offset(text, p))).toBe(p);
      }),
    );
  });
});
