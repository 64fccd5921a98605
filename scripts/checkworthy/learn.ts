// Logistic regression for the check-worthiness ranker: AdaGrad over the hashed features of
// src-shared/intel/checkworthy-features.ts, L2 on the weights a sentence touches, sample
// weights by collection and class. Features are extracted once per sentence and kept packed.
import { extractFeatures, featureCount, FeatureVector } from '../../src-shared/intel/checkworthy-features';
import { random, shuffle, type TrainingDocument } from './data';

/** Every sentence's features, packed: sentence s owns entries start[s] .. start[s + 1]. */
export interface FeatureStore {
  bits: number;
  start: Int32Array;
  index: Int32Array;
  value: Float32Array;
}

export function extractAll(texts: readonly string[], bits: number): FeatureStore {
  const fv = new FeatureVector();
  const start = new Int32Array(texts.length + 1);
  let index = new Int32Array(1 << 22);
  let value = new Float32Array(1 << 22);
  let n = 0;
  texts.forEach((text, s) => {
    extractFeatures(text, bits, fv);
    if (n + fv.length > index.length) {
      const size = Math.max(index.length * 2, n + fv.length);
      const i2 = new Int32Array(size);
      const v2 = new Float32Array(size);
      i2.set(index.subarray(0, n));
      v2.set(value.subarray(0, n));
      index = i2;
      value = v2;
    }
    index.set(fv.index.subarray(0, fv.length), n);
    value.set(fv.value.subarray(0, fv.length), n);
    n += fv.length;
    start[s + 1] = n;
  });
  return { bits, start, index: index.subarray(0, n), value: value.subarray(0, n) };
}

export interface LearnOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weight of each collection's sentences (default 1). */
  collectionWeight: Record<string, number>;
  /** Positives weigh (negatives / positives)^balance within their collection: 0 = as they come, 1 = balanced. */
  balance: number;
  seed: number;
}

export interface Learnt {
  weights: Float32Array;
  bias: number;
}

/** Sentence weights for `docs`: collection weight, then the class balance inside the collection. */
function sampleWeights(docs: readonly TrainingDocument[], options: LearnOptions): Float32Array[] {
  const counts = new Map<string, { pos: number; neg: number }>();
  for (const d of docs) {
    const c = counts.get(d.collection) ?? { pos: 0, neg: 0 };
    for (const y of d.labels) {
      if (y === 1) c.pos++;
      else c.neg++;
    }
    counts.set(d.collection, c);
  }
  return docs.map((d) => {
    const c = counts.get(d.collection) as { pos: number; neg: number };
    const cw = options.collectionWeight[d.collection] ?? 1;
    const pw = c.pos > 0 ? Math.pow(c.neg / c.pos, options.balance) : 1;
    return Float32Array.from(d.labels, (y) => cw * (y === 1 ? pw : 1));
  });
}

/** Trains on the documents `docs` whose sentences start at `firstSentence[d]` in `store`. */
export function learn(
  store: FeatureStore,
  docs: readonly TrainingDocument[],
  firstSentence: readonly number[],
  options: LearnOptions,
): Learnt {
  const size = featureCount(store.bits);
  const w = new Float32Array(size);
  const g2 = new Float32Array(size);
  let bias = 0;
  let biasG2 = 0;
  const weights = sampleWeights(docs, options);
  const items: [number, number, number][] = [];
  docs.forEach((d, k) => {
    for (let i = 0; i < d.labels.length; i++)
      items.push([(firstSentence[k] as number) + i, d.labels[i] as number, weights[k]?.[i] as number]);
  });
  // Weights are scaled so a mean sentence weighs 1: the learning rate means the same whatever the mix.
  const mean = items.reduce((s, it) => s + it[2], 0) / Math.max(1, items.length);
  const rand = random(options.seed);
  const { learningRate: lr, l2 } = options;
  const { start, index, value } = store;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(items, rand);
    for (const [s, y, sw] of items) {
      const a = start[s] as number;
      const b = start[s + 1] as number;
      let z = bias;
      for (let j = a; j < b; j++) z += (w[index[j] as number] as number) * (value[j] as number);
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - y) * (sw / mean);
      for (let j = a; j < b; j++) {
        const f = index[j] as number;
        const g = err * (value[j] as number) + l2 * (w[f] as number);
        const acc = (g2[f] as number) + g * g;
        g2[f] = acc;
        w[f] = (w[f] as number) - (lr * g) / (Math.sqrt(acc) + 1e-8);
      }
      biasG2 += err * err;
      bias -= (lr * err) / (Math.sqrt(biasG2) + 1e-8);
    }
  }
  return { weights: w, bias };
}

/** Raw scores (log-odds) of sentences `from` .. `to` in `store`. */
export function rawScores(store: FeatureStore, model: Learnt, from: number, to: number): Float64Array {
  const out = new Float64Array(to - from);
  const { start, index, value } = store;
  for (let s = from; s < to; s++) {
    let z = model.bias;
    for (let j = start[s] as number; j < (start[s + 1] as number); j++)
      z += (model.weights[index[j] as number] as number) * (value[j] as number);
    out[s - from] = z;
  }
  return out;
}

/** Each score moved by its neighbours' (a missing neighbour counts as the document's mean). */
export function withContext(raw: ArrayLike<number>, previous: number, next: number): Float64Array {
  let mean = 0;
  for (let i = 0; i < raw.length; i++) mean += raw[i] as number;
  mean /= Math.max(1, raw.length);
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const before = i > 0 ? (raw[i - 1] as number) : mean;
    const after = i + 1 < raw.length ? (raw[i + 1] as number) : mean;
    out[i] = (raw[i] as number) + previous * before + next * after;
  }
  return out;
}

/** Weights rounded to `bytes`-byte integers times one scale, as the model file stores them. */
export function quantise(
  weights: Float32Array,
  bytes: 1 | 2,
): { ints: Int8Array | Int16Array; scale: number } {
  let max = 0;
  for (const x of weights) max = Math.max(max, Math.abs(x));
  const top = bytes === 1 ? 127 : 32767;
  const scale = max > 0 ? max / top : 1;
  const ints = bytes === 1 ? new Int8Array(weights.length) : new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) ints[i] = Math.round((weights[i] as number) / scale);
  return { ints, scale };
}
