import { describe, expect, it } from 'vitest';
import {
  DENSE_FEATURES,
  extractFeatures,
  featureCount,
  FeatureVector,
} from '../../../src-shared/intel/checkworthy-features';

const BITS = 16;

/** The features of a text as a sorted multiset of "index:value" strings. */
function features(text: string, bits = BITS): string[] {
  const fv = new FeatureVector();
  extractFeatures(text, bits, fv);
  return Array.from({ length: fv.length }, (_, i) => `${fv.index[i]}:${fv.value[i]?.toFixed(6)}`).sort();
}

/** Names of the dense features (surface signs, cue groups) a text fires. */
function dense(text: string): string[] {
  const fv = new FeatureVector();
  extractFeatures(text, BITS, fv);
  const base = 1 << BITS;
  return Array.from(fv.index.subarray(0, fv.length))
    .filter((i) => i >= base)
    .map((i) => DENSE_FEATURES[i - base] as string);
}

describe('check-worthiness features', () => {
  it('are the same for the same text, whatever was extracted in between', () => {
    const a = features('Unemployment rose by 4.5 percent in 2019, the Minister said.');
    features('ارتفعت البطالة إلى ١٢٪ في عام ٢٠١٩ بحسب الوزارة');
    features('A much longer sentence '.repeat(200));
    expect(features('Unemployment rose by 4.5 percent in 2019, the Minister said.')).toEqual(a);
  });

  it('stay inside the weight table', () => {
    for (const text of [
      '',
      '...',
      'Thank you.',
      'ß and Æ and 😀 emoji',
      'نحن أكثر من مليون',
      'x'.repeat(5000),
    ]) {
      const fv = new FeatureVector();
      extractFeatures(text, BITS, fv);
      const indices = Array.from(fv.index.subarray(0, fv.length));
      expect(indices.filter((i) => i < 0 || i >= featureCount(BITS))).toEqual([]);
      expect(Array.from(fv.value.subarray(0, fv.length)).every(Number.isFinite)).toBe(true);
      expect(fv.length).toBeGreaterThan(text === '' || text === '...' ? 0 : 10);
    }
  });

  it('fold Arabic spelling variants and tashkeel as search does', () => {
    expect(features('أكثر من مُحَمَّد في المدرسة')).toEqual(features('اكثر من محمد في المدرسه'));
    expect(features('قالت إن الأسعار ارتفعت')).toEqual(features('قالت ان الاسعار ارتفعت'));
  });

  it('fold case in the hashed features but keep capitals as a sign of names', () => {
    const lower = dense('the senator from ohio voted against it');
    const named = dense('The Senator from Ohio voted against it');
    expect(lower).toContain('caps0');
    expect(named).toContain('caps2');
    expect(dense('NATO spent more')).toContain('acronym');
  });

  it('read every number alike, so a ranking does not hinge on which figure is quoted', () => {
    expect(features('Prices rose 5 percent in 2019.')).toEqual(features('Prices rose 7 percent in 2018.'));
    expect(features('أنفقنا ٣ مليارات')).toEqual(features('أنفقنا 4 مليارات'));
  });

  it('name the surface signs of a factual claim', () => {
    const signs = dense('We spent $2 trillion, 40% more than in 1990?');
    for (const s of ['digit', 'numbers2+', 'year', 'percentSign', 'currencySign', 'question'])
      expect(signs).toContain(s);
    expect(dense('Thank you very much.')).not.toContain('digit');
  });

  it('fire the same cue group for English and Arabic words, article and conjunction taken off', () => {
    expect(dense('more than before')).toContain('cue:comparative');
    expect(dense('هذا أكثر من قبل')).toContain('cue:comparative');
    expect(dense('unemployment rose')).toContain('cue:change');
    expect(dense('وارتفعت الأسعار')).toContain('cue:change');
    expect(dense('والاقتصاد ينمو')).toContain('cue:economy');
    expect(dense('ثلاثة ملايين وظيفة بالمئة')).toEqual(
      expect.arrayContaining(['cue:magnitude', 'cue:percent']),
    );
  });

  it('read only the start of a text far longer than any sentence', () => {
    const start = 'Unemployment rose by 4 percent. '.repeat(200);
    expect(features(start + 'x'.repeat(100_000))).toEqual(features(start + 'y'.repeat(50)));
  });

  it('ignore links, which say nothing about the claim', () => {
    expect(features('Prices rose sharply https://t.co/XcIuWsj3WD')).toEqual(features('Prices rose sharply'));
  });

  it('bucket the length of a sentence', () => {
    expect(dense('Yes.')).toContain('len1-3');
    expect(dense('one two three four five six seven eight nine ten eleven twelve')).toContain('len11-15');
  });
});
