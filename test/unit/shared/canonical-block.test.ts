// canonicalBlock and the functions built on it must agree exactly with the canonical-text rules
// written out one at a time (canonical-oracle.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleDocBlocks,
  canonicalBlock,
  canonicalText,
  contentHash,
  detectDirection,
  normaliseLines,
  normaliseRaw,
} from '../../../src-shared/canonical';
import { canonicalBlockText } from './canonical-oracle';
import { directionOf, strongCounts } from '../../../src-shared/direction';
import { finalizeArticle } from '../../../src-main/import/article';
import { InlineText } from '../../../src-main/import/inline-text';

/** What the rules touch: whitespace kinds, controls, combining marks, singletons, RTL letters. */
const UNITS = [
  ...'ab Zé\t\n\r\v\f\u001c\u00a0\u1680\u2000\u2001\u2028\u2029\u202f\u3000\u200b\u200d\u0000\u0007\u0085\ufeff',
  ...'\u0301\u0327e\u0627\u0644\u0653\u064e\u0651\u05d0\u2126\u212b\u0958\ud800\uac00\u1100\u1161 ',
  '\u0041\u030a',
];
const tricky = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 60 });
const anyText = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 60 }));

describe('canonicalBlock', () => {
  it('canonicalBlock is the rules one at a time, taken to its fixed point', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const fast = canonicalBlock(s).text;
        expect(fast).toBe(canonicalBlockText(canonicalBlockText(s)));
        expect(canonicalBlockText(fast)).toBe(fast);
      }),
      { numRuns: 2000 },
    );
    for (const u of UNITS) {
      for (const v of UNITS) {
        for (const s of [`a${u}${v}`, `${u}${v}b`, `${u} ${v}`]) {
          expect(canonicalBlock(s).text).toBe(canonicalBlockText(canonicalBlockText(s)));
        }
      }
    }
    // A removed BOM between a letter and its accent: the rules compose them in one pass.
    expect(canonicalBlockText('a\ufeff\u0301')).toBe('\u00e1');
    expect(canonicalBlock('a\ufeff\u0301').text).toBe('\u00e1');
  });

  it('normaliseLines leaves no line break or control to fix, and blocks cut from it end up the same', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const lines = normaliseLines(s);
        expect(normaliseRaw(lines)).toBe(lines.normalize('NFC'));
        expect(canonicalBlock(lines).text).toBe(canonicalBlock(s).text);
      }),
      { numRuns: 500 },
    );
  });

  it('strongCounts gives detectDirection’s answer', () => {
    fc.assert(
      fc.property(anyText, (s) => directionOf(strongCounts(s)) === detectDirection(s)),
      { numRuns: 500 },
    );
  });

  it('articleDocBlocks applies the rules block by block, as written out one rule at a time', () => {
    const direction = fc.option(fc.constantFrom('ltr' as const, 'rtl' as const), { nil: undefined });
    const block = fc.record({ kind: fc.constant('paragraph' as const), text: anyText, direction });
    const byTheRules = (text: string): string => canonicalBlockText(canonicalBlockText(text));
    fc.assert(
      fc.property(
        anyText,
        fc.option(anyText, { nil: null }),
        fc.array(block, { maxLength: 5 }),
        (title, caption, blocks) => {
          const given: { kind: string; text: string; direction?: 'ltr' | 'rtl' }[] = [
            { kind: 'title', text: title },
            ...(caption ? [{ kind: 'caption', text: caption }] : []),
            ...blocks,
          ];
          const expected = given
            .map((b) => ({ ...b, text: byTheRules(b.text) }))
            .filter((b) => b.text !== '')
            .map((b) => ({ ...b, direction: b.direction ?? detectDirection(b.text) }));
          expect(articleDocBlocks({ title, caption, blocks })).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finalizeArticle hashes the canonical text the shared functions define', async () => {
    const block = fc.record({ kind: fc.constant('paragraph' as const), text: anyText });
    await fc.assert(
      fc.asyncProperty(
        anyText,
        fc.option(anyText, { nil: null }),
        fc.array(block, { maxLength: 5 }),
        async (title, caption, blocks) => {
          const article = await finalizeArticle({
            title,
            caption,
            credit: null,
            author: null,
            published: null,
            blocks,
          });
          const docBlocks = articleDocBlocks(article);
          expect(article.contentHash).toBe(await contentHash(canonicalText(docBlocks)));
          expect(article.direction).toBe(detectDirection(docBlocks.map((b) => b.text).join(' ')));
          for (const b of article.blocks) expect(b.text).toBe(canonicalBlockText(b.text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('InlineText yields canonical text whose links cover exactly the linked runs', () => {
    const run = fc.record({ text: tricky, linked: fc.boolean() });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 6 }), (runs) => {
        const out = new InlineText();
        runs.forEach((r, i) => out.push(r.text, r.linked ? `https://example.org/${i}` : null));
        const { text, links } = out.build();
        expect(text).toBe(canonicalBlock(runs.map((r) => r.text).join('')).text);
        for (const l of links) {
          expect(l.start).toBeGreaterThanOrEqual(0);
          expect(l.end).toBeLessThanOrEqual(text.length);
          expect(l.start).toBeLessThan(l.end);
          expect(text.slice(l.start, l.end)).toBe(text.slice(l.start, l.end).trim());
        }
      }),
      { numRuns: 300 },
    );
  });
});
