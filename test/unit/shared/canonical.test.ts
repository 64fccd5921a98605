import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleDocBlocks,
  blockOffsets,
  canonicalBlock,
  canonicalText,
  contentHash,
  detectDirection,
} from '../../../src-shared/canonical';
import { canonicalBlockText } from './canonical-oracle';
import { describeRange, trimRange } from '../../../src-shared/anchoring/selectors';

describe('canonical text', () => {
  it('normalises NFC, line endings, control characters and whitespace runs', () => {
    expect(canonicalBlockText('\uFEFF  Cafe\u0301\r\n\tis\u00A0 open\u0000 ')).toBe('Café is open');
  });

  it('is a fixed point: canonical text canonicalised again is unchanged (the content hash depends on it)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'a e\t\r\n\u0000\ufeff\u0301\u0627\u064e\u00a0\u2028'),
          maxLength: 40,
        }),
        (s) => {
          const once = canonicalBlockText(s);
          expect(canonicalBlockText(once)).toBe(once);
        },
      ),
      { numRuns: 1000 },
    );
    expect(canonicalBlockText('a\ufeff\u0301')).toBe('á');
  });

  it('keeps zero-width joiners that Arabic and Persian need', () => {
    expect(canonicalBlockText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(canonicalBlock('می\u200Cخواهم').text).toBe('می\u200Cخواهم');
  });

  it('joins title, caption and body with blank lines and gives stable offsets and hash', async () => {
    const blocks = articleDocBlocks({
      title: 'T',
      caption: 'C (AFP)',
      blocks: [{ kind: 'paragraph', text: 'Body' }],
    });
    expect(canonicalText(blocks)).toBe('T\n\nC (AFP)\n\nBody');
    expect(blockOffsets(blocks)).toEqual([0, 3, 12]);
    const hash = await contentHash(canonicalText(blocks));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await contentHash('T\n\nC (AFP)\n\nBody')).toBe(hash);
  });

  it('detects direction by the majority of strong characters', () => {
    expect(detectDirection('قال وزير الاقتصاد إن الصادرات ارتفعت 12%')).toBe('rtl');
    expect(detectDirection('The IMF (صندوق النقد) said')).toBe('ltr');
    expect(detectDirection('2026')).toBe('ltr');
  });
});

describe('selectors', () => {
  const text = 'a'.repeat(40) + 'THE CLAIM' + 'b'.repeat(40);
  it('captures 32 characters of prefix and suffix', () => {
    const t = describeRange(text, 40, 49);
    expect(t.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'THE CLAIM',
      prefix: 'a'.repeat(32),
      suffix: 'b'.repeat(32),
    });
    expect(t.position).toEqual({ type: 'TextPositionSelector', start: 40, end: 49 });
  });
  it('refuses empty or out-of-range ranges', () => {
    expect(() => describeRange(text, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(text, -1, 5)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError);
  });
  it('trims whitespace from a selection’s edges', () => {
    expect(trimRange('  ab  ', 0, 6)).toEqual({ start: 2, end: 4 });
    expect(trimRange('    ', 0, 4)).toBeNull();
  });
});
