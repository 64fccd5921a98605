// The check-worthiness scorer: a linear model over checkworthy-features.ts, loaded from its
// JSON weights (validated: malformed weights are refused, never half-used) and applied to one
// sentence or to a document's sentences in order. Pure: runs in Node, a Web Worker, or tests.
import { extractFeatures, featureCount, FeatureVector, FEATURE_VERSION } from './checkworthy-features';

export const MODEL_KIND = 'claimdesk-checkworthy';

export interface CheckworthyModel {
  /** The hashed table holds 2^bits weights; the dense features follow it. */
  readonly bits: number;
  readonly weights: Float32Array;
  readonly bias: number;
  /**
   * How much a sentence's neighbours' raw scores add to its own when a whole document is
   * scored in order (scoreSentences); a single sentence is scored alone.
   */
  readonly context: { readonly previous: number; readonly next: number };
}

/** The JSON form written by scripts/train-checkworthy.ts. */
export interface CheckworthyModelJson {
  kind: typeof MODEL_KIND;
  featureVersion: number;
  bits: number;
  bias: number;
  context: { previous: number; next: number };
  /** Weights as little-endian signed integers of `encoding`'s size, times `scale`, in base64. */
  encoding: 'int8' | 'int16';
  scale: number;
  weights: string;
  /** Free-form notes on how the weights were made (data, figures); not read here. */
  about?: unknown;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new Error('weights: base64 length is impossible');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? (B64_INDEX[code] as number) : -1;
    if (v < 0) throw new Error(`weights: not base64 at character ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Validates the JSON weights and builds the model; throws an Error naming what is wrong. */
export function loadCheckworthyModel(json: unknown): CheckworthyModel {
  if (!isRecord(json)) throw new Error('check-worthiness model: not a JSON object');
  if (json.kind !== MODEL_KIND) throw new Error(`check-worthiness model: kind is not "${MODEL_KIND}"`);
  if (json.featureVersion !== FEATURE_VERSION)
    throw new Error(
      `check-worthiness model: made for features version ${String(json.featureVersion)}, this code extracts version ${FEATURE_VERSION}`,
    );
  const { bits, bias, scale, encoding, weights, context } = json;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 8 || bits > 24)
    throw new Error('check-worthiness model: bits must be an integer from 8 to 24');
  if (!isFiniteNumber(bias)) throw new Error('check-worthiness model: bias must be a finite number');
  if (!isFiniteNumber(scale) || scale <= 0)
    throw new Error('check-worthiness model: scale must be a positive number');
  if (encoding !== 'int8' && encoding !== 'int16')
    throw new Error('check-worthiness model: encoding must be "int8" or "int16"');
  if (!isRecord(context) || !isFiniteNumber(context.previous) || !isFiniteNumber(context.next))
    throw new Error('check-worthiness model: context must hold finite numbers previous and next');
  if (typeof weights !== 'string') throw new Error('check-worthiness model: weights must be a base64 string');
  const bytes = decodeBase64(weights);
  const count = featureCount(bits);
  const size = encoding === 'int8' ? 1 : 2;
  if (bytes.length !== count * size)
    throw new Error(`check-worthiness model: ${bytes.length} bytes of weights, expected ${count * size}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const floats = new Float32Array(count);
  for (let i = 0; i < count; i++)
    floats[i] = (size === 1 ? view.getInt8(i) : view.getInt16(i * 2, true)) * scale;
  return { bits, weights: floats, bias, context: { previous: context.previous, next: context.next } };
}

const features = new FeatureVector();

/** The model's raw score (log-odds) of one sentence on its own. */
export function rawScore(model: CheckworthyModel, text: string): number {
  extractFeatures(text, model.bits, features);
  const w = model.weights;
  const index = features.index;
  const value = features.value;
  let sum = model.bias;
  for (let i = 0; i < features.length; i++) sum += (w[index[i] as number] as number) * (value[i] as number);
  return sum;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** How check-worthy one sentence is, from 0 to 1 (higher: more worth checking). */
export function scoreSentence(model: CheckworthyModel, text: string): number {
  return sigmoid(rawScore(model, text));
}

/**
 * Scores of a document's sentences given in reading order: each sentence's own score, moved by
 * its neighbours' as the model learnt (a claim's neighbours are often claims too). The same
 * formula as withContext in scripts/checkworthy/learn.ts, which chose the weights.
 */
export function scoreSentences(model: CheckworthyModel, texts: readonly string[]): number[] {
  const raw = texts.map((t) => rawScore(model, t));
  const { previous, next } = model.context;
  if (previous === 0 && next === 0) return raw.map(sigmoid);
  // A missing neighbour (first or last sentence) counts as the document's mean.
  const mean = raw.reduce((sum, z) => sum + z, 0) / raw.length;
  return raw.map((z, i) => sigmoid(z + previous * (raw[i - 1] ?? mean) + next * (raw[i + 1] ?? mean)));
}
