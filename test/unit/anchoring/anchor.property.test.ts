import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorTarget } from '../../../src-shared/anchoring/anchor';
import { describeRange } from '../../../src-shared/anchoring/selectors';

const textAndRange = fc
  .string({ minLength: 1, maxLength: 300, unit: fc.constantFrom('a', 'b', ' ', 'ا', 'ل', '\n', '.', 'z') })
  .chain((text) =>
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
      .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
  );

describe('anchorTarget properties', () => {
  it('places a target in its own text by position', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        expect(anchorTarget(text, describeRange(text, start, end))).toEqual({
          start,
          end,
          method: 'position',
        });
      }),
    );
  });

  it('finds the quote again after text is inserted outside it', () => {
    fc.assert(
      fc.property(
        textAndRange,
        fc.string({ minLength: 1, maxLength: 50 }),
        fc.boolean(),
        (r, inserted, before) => {
          const target = describeRange(r.text, r.start, r.end);
          const at = before ? r.start : r.end;
          const edited = r.text.slice(0, at) + inserted + r.text.slice(at);
          const found = anchorTarget(edited, target);
          expect(found).not.toBeNull();
          expect(edited.slice(found!.start, found!.end)).toBe(target.quote.exact);
        },
      ),
    );
  });
});
