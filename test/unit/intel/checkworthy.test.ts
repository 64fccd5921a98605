import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { averagePrecision } from '../../../scripts/checkworthy/data';
import {
  loadCheckworthyModel,
  MODEL_KIND,
  scoreSentence,
  scoreSentences,
  type CheckworthyModelJson,
} from '../../../src-shared/intel/checkworthy';
import {
  DENSE_FEATURES,
  FEATURE_VERSION,
  featureCount,
} from '../../../src-shared/intel/checkworthy-features';
import { defaultModel } from '../../../src-shared/intel/checkworthy-model';

/** A model whose only non-zero weights are the named dense features. */
function tinyModel(dense: Record<string, number>, context = { previous: 0, next: 0 }): CheckworthyModelJson {
  const bits = 8;
  const ints = new Int16Array(featureCount(bits));
  for (const [name, w] of Object.entries(dense)) ints[(1 << bits) + DENSE_FEATURES.indexOf(name)] = w;
  return {
    kind: MODEL_KIND,
    featureVersion: FEATURE_VERSION,
    bits,
    bias: 0,
    context,
    encoding: 'int16',
    scale: 0.01,
    weights: Buffer.from(ints.buffer).toString('base64'),
  };
}

describe('loadCheckworthyModel', () => {
  it('decodes the weights it is given', () => {
    const model = loadCheckworthyModel(tinyModel({ digit: 300 }));
    expect(model.weights[(1 << 8) + DENSE_FEATURES.indexOf('digit')]).toBeCloseTo(3);
    expect(scoreSentence(model, 'It was 5 days.')).toBeGreaterThan(scoreSentence(model, 'It was five days.'));
  });

  it('refuses malformed weights with a message naming the problem', () => {
    const good = tinyModel({});
    const bad: [unknown, RegExp][] = [
      [null, /not a JSON object/],
      [[good], /not a JSON object/],
      [{ ...good, kind: 'other' }, /kind/],
      [{ ...good, featureVersion: FEATURE_VERSION + 1 }, /features version/],
      [{ ...good, bits: 40 }, /bits/],
      [{ ...good, bits: 8.5 }, /bits/],
      [{ ...good, bias: Number.NaN }, /bias/],
      [{ ...good, bias: '0' }, /bias/],
      [{ ...good, scale: 0 }, /scale/],
      [{ ...good, encoding: 'float64' }, /encoding/],
      [{ ...good, context: { previous: 0 } }, /context/],
      [{ ...good, weights: good.weights.slice(0, -8) }, /bytes of weights/],
      [{ ...good, weights: `${good.weights.slice(0, -4)}*!*!` }, /not base64/],
      [{ ...good, weights: [1, 2, 3] }, /base64 string/],
      [{ ...good, encoding: 'int8' }, /bytes of weights/],
    ];
    for (const [json, message] of bad) expect(() => loadCheckworthyModel(json)).toThrow(message);
  });
});

describe('the shipped model', () => {
  const model = defaultModel();

  it('loads once and scores from 0 to 1, the same each time', () => {
    expect(defaultModel()).toBe(model);
    const text = 'The deficit has doubled in four years.';
    const score = scoreSentence(model, text);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
    expect(scoreSentence(model, text)).toBe(score);
    expect(scoreSentence(model, '')).toBeGreaterThanOrEqual(0);
  });

  // Sentences written for this test, in the manner of a debate: claims a fact-checker would
  // check against ones nobody could.
  const claims = [
    'Unemployment has risen by 40 percent since this government took office.',
    'We spent two trillion dollars on that war, more than on schools in a decade.',
    'My opponent voted to cut the health budget by 12 billion dollars in 2017.',
    'Crime in our cities fell by half over the last ten years.',
    'ارتفعت نسبة البطالة إلى 12 بالمئة خلال العام الماضي.',
    'أنفقت الحكومة ثلاثة مليارات دولار على مشروع لم يكتمل.',
    'انخفضت صادرات النفط بنسبة 30 بالمئة منذ عام 2015.',
  ];
  const others = [
    'Thank you very much.',
    'Good evening, and welcome to tonight’s debate.',
    'I want to thank everyone for being here.',
    'Let me answer that question.',
    'شكرا لكم جميعا على حضوركم.',
    'مساء الخير وأهلا بكم.',
    'دعني أجيب على هذا السؤال.',
  ];

  it('ranks every hand-written claim above every pleasantry, in English and in Arabic', () => {
    const lowestClaim = Math.min(...claims.map((c) => scoreSentence(model, c)));
    const highestOther = Math.max(...others.map((o) => scoreSentence(model, o)));
    expect(lowestClaim).toBeGreaterThan(highestOther);
  });

  it('scores a document in order, one score per sentence', () => {
    const doc = [...others.slice(0, 2), ...claims.slice(0, 2), ...others.slice(2, 4)];
    const scores = scoreSentences(model, doc);
    expect(scores).toHaveLength(doc.length);
    const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
    expect(
      order
        .slice(0, 2)
        .map(([, i]) => i)
        .sort(),
    ).toEqual([2, 3]);
    expect(scoreSentences(model, [])).toEqual([]);
  });
});

describe('the shipped model on debates written for these tests', () => {
  // test/fixtures/checkworthy/SOURCE.md: invented debates, labelled by hand.
  const ap = (file: string): number => {
    const rows = readFileSync(new URL(`../../fixtures/checkworthy/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    const scores = scoreSentences(
      defaultModel(),
      rows.map((r) => r[2] as string),
    );
    return averagePrecision(
      scores,
      rows.map((r) => Number(r[3])),
    ) as number;
  };

  it('puts the claims first in English (average precision at least 0.8)', () => {
    expect(ap('own-debate-en.tsv')).toBeGreaterThanOrEqual(0.8);
  });

  it('puts the claims first in Arabic (average precision at least 0.7)', () => {
    expect(ap('own-debate-ar.tsv')).toBeGreaterThanOrEqual(0.7);
  });
});

describe('scoreSentences', () => {
  it('is scoreSentence for each sentence when the model learnt no context', () => {
    const model = loadCheckworthyModel(tinyModel({ digit: 200, percentSign: 100 }));
    const doc = ['It rose 5%.', 'Thanks.', 'It fell 3 points.'];
    expect(scoreSentences(model, doc)).toEqual(doc.map((t) => scoreSentence(model, t)));
  });

  it('moves a sentence by its neighbours when the model learnt context', () => {
    const json = tinyModel({ digit: 300 }, { previous: 0.5, next: 0 });
    const model = loadCheckworthyModel(json);
    const [, afterClaim, afterNothing] = scoreSentences(model, ['It rose 5 points.', 'Indeed.', 'Indeed.']);
    expect(afterClaim).toBeGreaterThan(afterNothing as number);
  });
});
