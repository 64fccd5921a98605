// Features of one sentence for the check-worthiness ranker, the same at training
// (scripts/train-checkworthy.ts) and in the app: hashed character 3–5-grams and word 1–2-grams
// of the search-folded text, cue-word groups shared by English and Arabic
// (checkworthy-cues.ts), and surface signs (numbers, years, %, currency, capitalised names,
// length). Pure and allocation-light: it runs over every sentence of a 10,000-article dump.
import { foldForSearch } from '../search/fold';
import { CUE_GROUPS, type CueGroup } from './checkworthy-cues';

/** Bumped whenever extraction changes, so weights trained on other features are refused. */
export const FEATURE_VERSION = 2;

// At most 32: a sentence's surface signs are kept as the bits of one number.
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
// At most 32: a word's cue groups are kept as the bits of one number.
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

  /** Makes room for `size` entries in all, keeping those already there. */
  reserve(size: number): void {
    if (size <= this.index.length) return;
    const index = new Int32Array(size * 2);
    const value = new Float32Array(size * 2);
    index.set(this.index.subarray(0, this.length));
    value.set(this.value.subarray(0, this.length));
    this.index = index;
    this.value = value;
  }

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
/** A table slot from a hash: the top bits of a multiplicative mix (one multiply, one shift). */
const slot = (h: number, shift: number): number => Math.imul(h ^ (h >>> 16), 0x9e3779b1) >>> shift;

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

// Cue words, folded the same way, keyed by their word hash cut to 30 bits (small integers are
// the engine's fast map keys), each giving the groups it belongs to as bits.
const cueIndex = new Map<number, number>();
const cueKey = (h: number): number => h & 0x3fffffff;
CUE_NAMES.forEach((group, g) => {
  for (const word of CUE_GROUPS[group]) {
    const folded = foldForSearch(word);
    const codes = Uint16Array.from(folded, (ch) => ch.charCodeAt(0));
    const key = cueKey(hashRange(codes, 0, codes.length, SEED_WORD));
    cueIndex.set(key, (cueIndex.get(key) ?? 0) | (1 << g));
  }
});

/** Where the word starts once a leading و/ف and an article (ال، بال، لل، كال) are taken off. */
function arabicStem(cs: Uint16Array, start: number, end: number): number {
  let s = start;
  if (end - s > 4 && (cs[s] === 0x0648 || cs[s] === 0x0641)) s++;
  if (end - s > 4 && (cs[s] === 0x0628 || cs[s] === 0x0643) && cs[s + 1] === 0x0627 && cs[s + 2] === 0x0644)
    s += 3;
  else if (end - s > 4 && cs[s] === 0x0644 && cs[s + 1] === 0x0644) s += 2;
  else if (end - s > 3 && cs[s] === 0x0627 && cs[s + 1] === 0x0644) s += 2;
  return s;
}

const MAX_CHARS = 4096;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
let chars = new Uint16Array(4096);
let upper = new Uint8Array(4096);
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

/**
 * Writes the character 3–5-grams of `cs[0..n)` (digits as 0) into index/value from entry `k`,
 * returning the next free entry. A function of its own so the engine optimises this, the
 * busiest loop, apart from the rest of the extraction.
 */
function charGrams(
  cs: Uint16Array,
  n: number,
  shift: number,
  index: Int32Array,
  value: Float32Array,
  k: number,
): number {
  const grams = Math.max(0, n - 2) + Math.max(0, n - 3) + Math.max(0, n - 4);
  const v = grams > 0 ? 1 / Math.sqrt(grams) : 0;
  let c0 = maskDigit(cs[0] as number);
  let c1 = maskDigit(cs[1] as number);
  for (let i = 0; i + 3 <= n; i++) {
    const c2 = maskDigit(cs[i + 2] as number);
    let h = mix(mix(mix(SEED_CHAR, c0), c1), c2);
    index[k] = slot(h, shift);
    value[k++] = v;
    if (i + 4 <= n) {
      h = mix(h, maskDigit(cs[i + 3] as number));
      index[k] = slot(h ^ 4, shift);
      value[k++] = v;
      if (i + 5 <= n) {
        h = mix(h, maskDigit(cs[i + 4] as number));
        index[k] = slot(h ^ 5, shift);
        value[k++] = v;
      }
    }
    c0 = c1;
    c1 = c2;
  }
  return k;
}

// Signs found along the way, as bits of S (the surface features), set by the passes below.
let found = 0;

/**
 * First pass: folds `raw` into `cs` (words separated by one space, a space at each end), marks
 * capitals in `up`, notes in `found` the signs folding erases, and returns the length.
 */
function fold(raw: string, cs: Uint16Array, up: Uint8Array): number {
  let n = 0;
  let signs = 0;
  cs[n++] = SEP;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    let f: number;
    if (code < 128) {
      if (code >= 97 && code <= 122) f = code;
      else if (code >= 65 && code <= 90) f = code + 32;
      else if (code >= 48 && code <= 57) f = code;
      else f = SEP;
    } else {
      f = foldCode(code);
      if (f === DROP) continue;
    }
    if (f === SEP) {
      if (code === 37 || code === 0x066a) signs |= 1 << S.percentSign;
      else if (code === 36 || code === 0xa3 || code === 0x20ac) signs |= 1 << S.currencySign;
      else if (code === 63 || code === 0x061f) signs |= 1 << S.question;
      else if (code === 33) signs |= 1 << S.exclamation;
      else if (code === 34 || code === 0x201c || code === 0x201d || code === 0xab || code === 0xbb)
        signs |= 1 << S.quote;
      if (cs[n - 1] !== SEP) cs[n++] = SEP;
    } else if (f === MULTI) {
      const folded = multi.get(code) as string;
      for (let j = 0; j < folded.length; j++) {
        const c = folded.charCodeAt(j);
        if (c !== SEP || cs[n - 1] !== SEP) {
          up[n] = 0;
          cs[n++] = c;
        }
      }
    } else {
      up[n] = code >= 65 && code <= 90 ? 1 : 0;
      cs[n++] = f;
    }
  }
  if (cs[n - 1] !== SEP) cs[n++] = SEP;
  found = signs;
  return n;
}

/** Second pass: word bounds into ts/te, signs of names (capitals after the first word, acronyms) into `found`. */
function findWords(cs: Uint16Array, up: Uint8Array, n: number, ts: Int32Array, te: Int32Array): number {
  let tokens = 0;
  let caps = 0;
  let signs = 0;
  for (let i = 1; i < n; i++) {
    if (cs[i] === SEP) continue;
    const start = i;
    let uppers = 0;
    while (cs[i] !== SEP) uppers += up[i++] as number;
    ts[tokens] = start;
    te[tokens] = i;
    if (up[start] === 1) {
      if (tokens > 0) caps++;
      if (uppers >= 2 && uppers === i - start) signs |= 1 << S.acronym;
    } else if (tokens === 0 && !isDigit(cs[start] as number)) signs |= 1 << S.lowerStart;
    tokens++;
  }
  signs |= 1 << (caps === 0 ? S.caps0 : caps === 1 ? S.caps1 : caps === 2 ? S.caps2 : S['caps3+']);
  found |= signs;
  return tokens;
}

/**
 * Words and word pairs (with sentence-start and -end markers) and Arabic stems into index/value
 * from entry `k`; cue groups counted into cueCounts; number and script signs into `found`.
 */
function wordGrams(
  cs: Uint16Array,
  ts: Int32Array,
  te: Int32Array,
  tokens: number,
  shift: number,
  index: Int32Array,
  value: Float32Array,
  k: number,
): number {
  cueCounts.fill(0);
  let numbers = 0;
  let signs = 0;
  const v = 1 / Math.sqrt(tokens * 2 + 1);
  let prev = BOUNDARY;
  for (let t = 0; t < tokens; t++) {
    const start = ts[t] as number;
    const end = te[t] as number;
    const h = hashRange(cs, start, end, SEED_WORD);
    index[k] = slot(h, shift);
    value[k++] = v;
    index[k] = slot(mix(mix(SEED_BIGRAM, prev), h), shift);
    value[k++] = v;
    prev = h;
    let cues = cueIndex.get(cueKey(h));
    const first = cs[start] as number;
    if (isDigit(first)) {
      numbers++;
      const second = cs[start + 1] as number;
      if (end - start === 4 && ((first === 49 && second === 57) || (first === 50 && second === 48)))
        signs |= 1 << S.year;
    } else if (isArabicLetter(first)) {
      signs |= 1 << S.arabic;
      const stem = arabicStem(cs, start, end);
      if (stem !== start) {
        const hs = hashRange(cs, stem, end, SEED_WORD);
        index[k] = slot(hs, shift);
        value[k++] = v;
        cues ??= cueIndex.get(cueKey(hs));
      }
    }
    if (end - start >= 12) signs |= 1 << S.longWord;
    if (cues !== undefined)
      for (let g = 0; g < CUE_NAMES.length; g++)
        if ((cues >>> g) & 1) cueCounts[g] = (cueCounts[g] as number) + 1;
  }
  index[k] = slot(mix(mix(SEED_BIGRAM, prev), BOUNDARY), shift);
  value[k++] = v;
  if (numbers > 0) signs |= 1 << S.digit;
  if (numbers >= 2) signs |= 1 << S['numbers2+'];
  if (numbers >= 4) signs |= 1 << S['numbers4+'];
  found |= signs;
  return k;
}

/** Fills `out` with the features of `text` for a hashed table of 2^bits weights. */
export function extractFeatures(text: string, bits: number, out: FeatureVector): void {
  const shift = 32 - bits;
  const dense = 1 << bits;
  // A "sentence" longer than MAX_CHARS is not one (a text with no stops): its start is enough,
  // and the buffers stay small. No training sentence is that long.
  const head = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const raw = head.includes('http') || head.includes('www.') ? head.replace(URL, ' ') : head;
  const room = raw.length * 3 + 2;
  if (chars.length < room) {
    chars = new Uint16Array(room);
    upper = new Uint8Array(room);
    tokStart = new Int32Array(room);
    tokEnd = new Int32Array(room);
  }
  const n = fold(raw, chars, upper);
  const tokens = findWords(chars, upper, n, tokStart, tokEnd);
  out.length = 0;
  out.reserve(3 * n + 3 * tokens + DENSE_FEATURES.length + 4);
  let k = charGrams(chars, n, shift, out.index, out.value, 0);
  k = wordGrams(chars, tokStart, tokEnd, tokens, shift, out.index, out.value, k);
  out.length = k;
  const signs = found | (1 << S.bias) | (1 << lengthBucket(tokens));
  for (let j = 0; j < SURFACE_NAMES.length; j++) if ((signs >>> j) & 1) out.push(dense + j, 1);
  for (let g = 0; g < CUE_NAMES.length; g++) {
    const count = cueCounts[g] as number;
    if (count > 0) out.push(dense + CUE_BASE + g, 1);
    if (count > 1) out.push(dense + CUE2_BASE + g, 1);
  }
}
