// Features of one sentence for the check-worthiness ranker, the same at training
// (scripts/train-checkworthy.ts) and in the app: hashed character 3–5-grams and word 1–2-grams
// of the search-folded text, cue-word groups shared by English and Arabic
// (checkworthy-cues.ts), and surface signs (numbers, years, %, currency, capitalised names,
// length). Pure and allocation-light: it runs over every sentence of a 10,000-article dump.
import { foldForSearch } from '../search/fold';
import { CUE_GROUPS, type CueGroup } from './checkworthy-cues';

/** Bumped whenever extraction changes, so weights trained on other features are refused. */
export const FEATURE_VERSION = 1;

const SURFACE_NAMES = [
  'bias',
  'arabic',
  'len1-3',
  'len4-6',
  'len7-10',
  'len11-15',
  'len16-25',
  'len26-40',
  'len41+',
  'digit',
  'numbers2+',
  'numbers4+',
  'year',
  'percentSign',
  'currencySign',
  'question',
  'exclamation',
  'quote',
  'caps0',
  'caps1',
  'caps2',
  'caps3+',
  'acronym',
  'lowerStart',
  'longWord',
] as const;
const CUE_NAMES = Object.keys(CUE_GROUPS) as CueGroup[];

/** Names of the dense features that follow the hashed table, in index order. */
export const DENSE_FEATURES: readonly string[] = [
  ...SURFACE_NAMES,
  ...CUE_NAMES.map((g) => `cue:${g}`),
  ...CUE_NAMES.map((g) => `cue2:${g}`),
];

type SurfaceName = (typeof SURFACE_NAMES)[number];
const S = Object.fromEntries(SURFACE_NAMES.map((n, i) => [n, i])) as Record<SurfaceName, number>;
const CUE_BASE = SURFACE_NAMES.length;
const CUE2_BASE = CUE_BASE + CUE_NAMES.length;

/** Sparse features of one sentence: `length` (index, value) pairs; indices may repeat. */
export class FeatureVector {
  index = new Int32Array(1024);
  value = new Float32Array(1024);
  length = 0;

  push(i: number, v: number): void {
    if (this.length === this.index.length) {
      const index = new Int32Array(this.length * 2);
      const value = new Float32Array(this.length * 2);
      index.set(this.index);
      value.set(this.value);
      this.index = index;
      this.value = value;
    }
    this.index[this.length] = i;
    this.value[this.length] = v;
    this.length++;
  }
}

/** Total number of weights for a hashed table of 2^bits entries. */
export function featureCount(bits: number): number {
  return (1 << bits) + DENSE_FEATURES.length;
}

const SEED_CHAR = 0x9e3779b1 | 0;
const SEED_WORD = 0x85ebca6b | 0;
const SEED_BIGRAM = 0xc2b2ae35 | 0;
const BOUNDARY = 0x2;

const mix = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}

// Folding, code by code, as foldForSearch does it (fold.test.ts pins the rules), with every
// character that is not a letter or digit turned into a separator (32). A table covers Latin and
// Arabic; anything else asks foldForSearch once and is remembered.
const DROP = 0;
const SEP = 32;
const MULTI = 0xffff;
const TABLE_SIZE = 0x0700;
const table = new Uint16Array(TABLE_SIZE);
const multi = new Map<number, string>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function foldOne(code: number): string {
  const folded = foldForSearch(String.fromCharCode(code));
  let out = '';
  for (const ch of folded) out += LETTER_OR_DIGIT.test(ch) ? ch : ' ';
  return out;
}

function classify(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SEP;
  if (code === 0x200c || code === 0x200d || code === 0x0640) return DROP;
  const folded = foldOne(code);
  if (folded.length === 0) return DROP;
  if (folded.length === 1) return folded.charCodeAt(0);
  multi.set(code, folded);
  return MULTI;
}
for (let c = 0; c < TABLE_SIZE; c++) table[c] = classify(c);
const cache = new Map<number, number>();
function foldCode(code: number): number {
  if (code < TABLE_SIZE) return table[code] as number;
  let f = cache.get(code);
  if (f === undefined) {
    f = classify(code);
    cache.set(code, f);
  }
  return f;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isArabicLetter = (c: number): boolean => c >= 0x0621 && c <= 0x064a;
const maskDigit = (c: number): number => (isDigit(c) ? 48 : c);

function hashRange(chars: Uint16Array, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = mix(h, maskDigit(chars[i] as number));
  return h;
}

// Cue words, folded the same way and keyed by their word hash.
const cueIndex = new Map<number, number[]>();
CUE_NAMES.forEach((group, g) => {
  for (const word of CUE_GROUPS[group]) {
    const folded = foldForSearch(word);
    const codes = Uint16Array.from(folded, (ch) => ch.charCodeAt(0));
    const h = hashRange(codes, 0, codes.length, SEED_WORD);
    const list = cueIndex.get(h) ?? [];
    if (!list.includes(g)) list.push(g);
    cueIndex.set(h, list);
  }
});

/** Where the word starts once a leading و/ف and an article (ال، بال، لل، كال) are taken off. */
function arabicStem(chars: Uint16Array, start: number, end: number): number {
  let s = start;
  const at = (i: number): number => chars[i] as number;
  if (end - s > 4 && (at(s) === 0x0648 || at(s) === 0x0641)) s++;
  if (end - s > 4 && (at(s) === 0x0628 || at(s) === 0x0643) && at(s + 1) === 0x0627 && at(s + 2) === 0x0644)
    s += 3;
  else if (end - s > 4 && at(s) === 0x0644 && at(s + 1) === 0x0644) s += 2;
  else if (end - s > 3 && at(s) === 0x0627 && at(s + 1) === 0x0644) s += 2;
  return s;
}

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
let chars = new Uint16Array(4096);
let tokStart = new Int32Array(256);
let tokEnd = new Int32Array(256);
const cueCounts = new Int32Array(CUE_NAMES.length);

function lengthBucket(words: number): number {
  if (words <= 3) return S['len1-3'];
  if (words <= 6) return S['len4-6'];
  if (words <= 10) return S['len7-10'];
  if (words <= 15) return S['len11-15'];
  if (words <= 25) return S['len16-25'];
  if (words <= 40) return S['len26-40'];
  return S['len41+'];
}

/** Fills `out` with the features of `text` for a hashed table of 2^bits weights. */
export function extractFeatures(text: string, bits: number, out: FeatureVector): void {
  out.length = 0;
  const mask = (1 << bits) - 1;
  const dense = 1 << bits;
  const raw = text.includes('http') || text.includes('www.') ? text.replace(URL, ' ') : text;
  if (chars.length < raw.length * 3 + 2) chars = new Uint16Array(raw.length * 3 + 2);
  if (tokStart.length < raw.length + 1) {
    tokStart = new Int32Array(raw.length + 1);
    tokEnd = new Int32Array(raw.length + 1);
  }

  // One pass over the raw text: fold into `chars` (words separated by one space, a space at
  // each end), note token bounds and the surface signs that folding erases.
  let n = 0;
  let tokens = 0;
  let caps = 0;
  let acronym = false;
  let lowerStart = false;
  let percentSign = false;
  let currencySign = false;
  let question = false;
  let exclamation = false;
  let quote = false;
  let upperRun = 0;
  let tokenLength = 0;
  let tokenCapital = false;
  chars[n++] = SEP;
  const endToken = (): void => {
    if (tokenLength === 0) return;
    tokEnd[tokens] = n;
    if (tokenCapital && tokens > 0) caps++;
    if (tokens === 0 && !tokenCapital && !isDigit(chars[n - tokenLength] as number)) lowerStart = true;
    if (upperRun >= 2 && upperRun === tokenLength) acronym = true;
    tokens++;
    chars[n++] = SEP;
    tokenLength = 0;
    upperRun = 0;
  };
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    let f = code < 128 ? code : foldCode(code);
    if (code < 128) {
      if (code >= 65 && code <= 90) f = code + 32;
      else if (!(code >= 97 && code <= 122) && !isDigit(code)) f = SEP;
    }
    if (f === DROP) continue;
    if (f === SEP) {
      if (code === 37 || code === 0x066a) percentSign = true;
      else if (code === 36 || code === 0xa3 || code === 0x20ac) currencySign = true;
      else if (code === 63 || code === 0x061f) question = true;
      else if (code === 33) exclamation = true;
      else if (code === 34 || code === 0x201c || code === 0x201d || code === 0xab || code === 0xbb)
        quote = true;
      endToken();
      continue;
    }
    if (tokenLength === 0) {
      tokStart[tokens] = n;
      tokenCapital = code >= 65 && code <= 90;
    }
    if (code >= 65 && code <= 90) upperRun++;
    if (f === MULTI) {
      for (const ch of multi.get(code) as string) {
        const c = ch.charCodeAt(0);
        if (c === SEP) {
          endToken();
        } else {
          if (tokenLength === 0) tokStart[tokens] = n;
          chars[n++] = c;
          tokenLength++;
        }
      }
      continue;
    }
    chars[n++] = f;
    tokenLength++;
  }
  endToken();

  // Character 3–5-grams over the folded text, digits as 0.
  const grams = Math.max(0, n - 2) + Math.max(0, n - 3) + Math.max(0, n - 4);
  if (grams > 0) {
    const v = 1 / Math.sqrt(grams);
    for (let i = 0; i + 3 <= n; i++) {
      let h = mix(SEED_CHAR, maskDigit(chars[i] as number));
      h = mix(h, maskDigit(chars[i + 1] as number));
      h = mix(h, maskDigit(chars[i + 2] as number));
      out.push(finish(h) & mask, v);
      if (i + 4 > n) continue;
      h = mix(h, maskDigit(chars[i + 3] as number));
      out.push(finish(h ^ 4) & mask, v);
      if (i + 5 > n) continue;
      h = mix(h, maskDigit(chars[i + 4] as number));
      out.push(finish(h ^ 5) & mask, v);
    }
  }

  // Words and word pairs (with sentence-start and -end markers), Arabic stems, cue groups.
  cueCounts.fill(0);
  let numbers = 0;
  let year = false;
  let longWord = false;
  let arabic = false;
  const wordFeatures = tokens * 2 + 1;
  const wv = 1 / Math.sqrt(wordFeatures);
  let prev = BOUNDARY;
  for (let t = 0; t < tokens; t++) {
    const start = tokStart[t] as number;
    const end = tokEnd[t] as number;
    const h = hashRange(chars, start, end, SEED_WORD);
    out.push(finish(h) & mask, wv);
    out.push(finish(mix(mix(SEED_BIGRAM, prev), h)) & mask, wv);
    prev = h;
    let cues = cueIndex.get(h);
    const first = chars[start] as number;
    if (isDigit(first)) {
      numbers++;
      if (
        end - start === 4 &&
        (first === 49 || first === 50) &&
        (chars[start + 1] === 57 || chars[start + 1] === 48)
      )
        year = true;
    } else if (isArabicLetter(first)) {
      arabic = true;
      const stem = arabicStem(chars, start, end);
      if (stem !== start) {
        const hs = hashRange(chars, stem, end, SEED_WORD);
        out.push(finish(hs) & mask, wv);
        cues ??= cueIndex.get(hs);
      }
    }
    if (end - start >= 12) longWord = true;
    if (cues) for (const g of cues) cueCounts[g] = (cueCounts[g] as number) + 1;
  }
  out.push(finish(mix(mix(SEED_BIGRAM, prev), BOUNDARY)) & mask, wv);

  const flag = (on: boolean, name: SurfaceName): void => {
    if (on) out.push(dense + S[name], 1);
  };
  out.push(dense + S.bias, 1);
  out.push(dense + lengthBucket(tokens), 1);
  flag(arabic, 'arabic');
  flag(numbers > 0, 'digit');
  flag(numbers >= 2, 'numbers2+');
  flag(numbers >= 4, 'numbers4+');
  flag(year, 'year');
  flag(percentSign, 'percentSign');
  flag(currencySign, 'currencySign');
  flag(question, 'question');
  flag(exclamation, 'exclamation');
  flag(quote, 'quote');
  out.push(dense + (caps === 0 ? S.caps0 : caps === 1 ? S.caps1 : caps === 2 ? S.caps2 : S['caps3+']), 1);
  flag(acronym, 'acronym');
  flag(lowerStart, 'lowerStart');
  flag(longWord, 'longWord');
  for (let g = 0; g < CUE_NAMES.length; g++) {
    const count = cueCounts[g] as number;
    if (count > 0) out.push(dense + CUE_BASE + g, 1);
    if (count > 1) out.push(dense + CUE2_BASE + g, 1);
  }
}
