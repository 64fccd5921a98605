import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAM, GramIndex } from '../../../src-shared/anchoring/gram-index';

function naive(text: string, piece: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) found.push(at);
  return found;
}

describe('GramIndex', () => {
  it('finds every occurrence of a piece, in order, as indexOf does', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: GRAM, maxLength: 400, unit: fc.constantFrom('a', 'b', ' ', 'ب') }),
        fc.nat(),
        fc.integer({ min: GRAM, max: 12 }),
        (text, at, length) => {
          const start = at % (text.length - GRAM + 1);
          const piece = text.slice(start, start + length);
          fc.pre(piece.length >= GRAM);
          expect(new GramIndex(text).occurrences(piece)).toEqual(naive(text, piece));
        },
      ),
    );
  });

  it('answers null past the limit and nothing for an absent piece', () => {
    const index = new GramIndex('abcdefgh '.repeat(10));
    expect(index.occurrences('abcdefgh', 9)).toBeNull();
    expect(index.occurrences('abcdefgh', 10)).toHaveLength(10);
    expect(index.occurrences('zzzzzzzz')).toEqual([]);
  });

  it('indexes texts shorter than a piece', () => {
    expect(new GramIndex('short').occurrences('shortest')).toEqual([]);
  });
});
