// Finds the claims that say the same thing as a given one, offline: an index kept entry by entry
// (claims added and removed as the library changes) over two channels, content-word stems and
// their character n-grams (claim-terms.ts), each an inverted index (search/postings.ts) scored by
// BM25. The best-scoring candidates are then compared both ways and normalised by what each
// would score against itself, so the similarity lies in 0..1 and one threshold, calibrated on
// hand-built pairs (test/fixtures/claim-pairs/), says "same claim" for any pair of claims.
import { PostingLists, fieldsOf, liveSlots, slotOf } from '../search/postings';
import { claimTerms, type ClaimTerms } from './claim-terms';

/** At or above this similarity two claims are taken to be the same (see the fixture's README). */
export const SAME_CLAIM_THRESHOLD = 0.48;

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** How much the n-gram channel counts beside the word channel. */
const GRAM_WEIGHT = 0.5;
/** Candidates from the index that are compared both ways. */
const CANDIDATES = 200;
/** A posting's 5 field bits carry the term's count in the entry, up to this. */
const MAX_TF = 31;
/** What a figure stated by one claim only leaves of the similarity. */
const ONE_SIDED_FIGURES = 0.8;
/** The collection size idf assumes at least (see Channel.idf). */
const MIN_COLLECTION = 1000;
/** Removed entries tolerated before slots are renumbered. */
const MAX_DEAD = 1024;

export interface ClaimMatch {
  id: string;
  group: string;
  score: number;
}

export interface MatchOptions {
  /** Entries of this group (the claim's own article) are not matches. */
  skipGroup?: string;
  /** Entries with this id (the claim itself) are not matches. */
  skipId?: string;
  /** Only matches at or above it (default SAME_CLAIM_THRESHOLD). */
  threshold?: number;
  limit?: number;
}

interface Entry {
  id: string;
  group: string;
  text: string;
}

/** Term counts of a bag of terms. */
function counts(terms: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of terms) map.set(t, (map.get(t) ?? 0) + 1);
  return map;
}

/** One channel: postings with each term's count, document frequencies and lengths. */
class Channel {
  readonly postings = new PostingLists();
  private readonly df = new Map<string, number>();
  lengths: number[] = [];
  private totalLength = 0;
  private live = 0;

  add(slot: number, terms: readonly string[]): void {
    for (const [term, tf] of counts(terms)) {
      this.postings.add(term, slot, Math.min(tf, MAX_TF));
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
    this.lengths[slot] = terms.length;
    this.totalLength += terms.length;
    this.live++;
  }

  remove(slot: number, terms: readonly string[]): void {
    for (const term of new Set(terms)) {
      const n = (this.df.get(term) ?? 1) - 1;
      if (n > 0) this.df.set(term, n);
      else this.df.delete(term);
    }
    this.totalLength -= this.lengths[slot] ?? 0;
    this.live--;
  }

  /**
   * Robertson–Spärck Jones idf, kept positive (the "+1" form) so common terms still count a
   * little. A small library says little about which words are rare: it is taken to hold at
   * least MIN_COLLECTION claims, so that a word in 3 of 5 claims is not discounted as common.
   */
  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (Math.max(this.live, MIN_COLLECTION) - df + 0.5) / (df + 0.5));
  }

  private get averageLength(): number {
    return this.live > 0 ? Math.max(1, this.totalLength / this.live) : 1;
  }

  /** What a term found `tf` times in a text of `length` terms adds (before idf). */
  saturation(tf: number, length: number): number {
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / this.averageLength));
  }

  /** BM25 of `query` (term counts) against a text with these term counts. */
  score(query: Map<string, number>, text: Map<string, number>, textLength: number): number {
    let sum = 0;
    for (const term of query.keys()) {
      const tf = text.get(term);
      if (tf !== undefined) sum += this.idf(term) * this.saturation(tf, textLength);
    }
    return sum;
  }

  /** Adds every live slot's BM25 for `query` into `scores`, scaled by `weight`. */
  accumulate(query: Map<string, number>, scores: Float64Array, weight: number): void {
    for (const term of query.keys()) {
      const idf = this.idf(term) * weight;
      for (const posting of this.postings.get(term)) {
        const slot = slotOf(posting);
        scores[slot] =
          (scores[slot] as number) + idf * this.saturation(fieldsOf(posting), this.lengths[slot] ?? 0);
      }
    }
  }

  compact(newSlot: Int32Array): void {
    this.postings.compact(newSlot);
    const lengths: number[] = [];
    this.lengths.forEach((length, slot) => {
      const to = newSlot[slot] ?? -1;
      if (to >= 0) lengths[to] = length;
    });
    this.lengths = lengths;
  }
}

export type PreparedClaim = Bags;

interface Bags {
  terms: ClaimTerms;
  words: Map<string, number>;
  grams: Map<string, number>;
}

const bagsOf = (text: string): Bags => {
  const terms = claimTerms(text);
  return { terms, words: counts(terms.words), grams: counts(terms.grams) };
};

export class ClaimIndex {
  private entries: (Entry | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly words = new Channel();
  private readonly grams = new Channel();
  private dead = 0;

  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** The text and group an entry was added with. */
  entry(id: string): Readonly<Entry> | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.entries[slot];
  }

  /** Adds a claim; `group` is what it belongs to (its article, or a fact-check file). Re-adding replaces. */
  add(id: string, text: string, group: string): void {
    const known = this.entry(id);
    if (known && known.text === text && known.group === group) return;
    if (known) this.remove(id);
    const slot = this.entries.length;
    const { words, grams } = claimTerms(text);
    this.words.add(slot, words);
    this.grams.add(slot, grams);
    this.entries.push({ id, group, text });
    this.slots.set(id, slot);
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    const entry = slot === undefined ? undefined : this.entries[slot];
    if (slot === undefined || entry === undefined) return;
    const { words, grams } = claimTerms(entry.text);
    this.words.remove(slot, words);
    this.grams.remove(slot, grams);
    this.slots.delete(id);
    this.entries[slot] = undefined;
    if (++this.dead > MAX_DEAD && this.dead * 2 > this.entries.length) this.compact();
  }

  /** The similarity of two texts (0..1) under this index's term statistics. */
  similarity(a: string, b: string): number {
    return this.compare(bagsOf(a), bagsOf(b));
  }

  /** A text's terms, counted once, for `compareTo` (what a scan without the index compares). */
  prepare(text: string): PreparedClaim {
    return bagsOf(text);
  }

  compareTo(a: PreparedClaim, b: PreparedClaim): number {
    return this.compare(a, b);
  }

  /** The entries that say the same as `text`, best first. */
  match(text: string, options: MatchOptions = {}): ClaimMatch[] {
    const threshold = options.threshold ?? SAME_CLAIM_THRESHOLD;
    const query = bagsOf(text);
    const scores = new Float64Array(this.entries.length);
    this.words.accumulate(query.words, scores, 1);
    this.grams.accumulate(query.grams, scores, GRAM_WEIGHT);
    const candidates: number[] = [];
    scores.forEach((score, slot) => {
      const entry = this.entries[slot];
      if (score > 0 && entry && entry.id !== options.skipId && entry.group !== options.skipGroup)
        candidates.push(slot);
    });
    candidates.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    const found: ClaimMatch[] = [];
    for (const slot of candidates.slice(0, CANDIDATES)) {
      const entry = this.entries[slot] as Entry;
      const score = this.compare(query, bagsOf(entry.text));
      if (score >= threshold) found.push({ id: entry.id, group: entry.group, score });
    }
    found.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return found.slice(0, options.limit ?? found.length);
  }

  /**
   * Each text's BM25 against the other divided by its BM25 against itself, averaged over both
   * directions and both channels; figures that disagree pull it down.
   */
  private compare(a: Bags, b: Bags): number {
    const channel = (c: Channel, x: Map<string, number>, y: Map<string, number>): number => {
      const lx = sum(x);
      const ly = sum(y);
      const selfX = c.score(x, x, lx);
      const selfY = c.score(y, y, ly);
      if (selfX === 0 || selfY === 0) return 0;
      return (c.score(x, y, ly) / selfX + c.score(y, x, lx) / selfY) / 2;
    };
    const words = channel(this.words, a.words, b.words);
    const grams = channel(this.grams, a.grams, b.grams);
    const similarity = (words + GRAM_WEIGHT * grams) / (1 + GRAM_WEIGHT);
    return similarity * figuresAgreement(a.terms.numbers, b.terms.numbers);
  }

  private compact(): void {
    const { newSlot, live } = liveSlots(this.entries);
    live.forEach((entry, slot) => this.slots.set(entry.id, slot));
    this.entries = live;
    this.words.compact(newSlot);
    this.grams.compact(newSlot);
    this.dead = 0;
  }
}

const sum = (bag: Map<string, number>): number => {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
};

/** 1 when the claims state the same figures (or neither states one); less the more they differ. */
function figuresAgreement(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return ONE_SIDED_FIGURES;
  const x = new Set(a);
  const y = new Set(b);
  let shared = 0;
  for (const n of x) if (y.has(n)) shared++;
  return 0.5 + (0.5 * shared) / (x.size + y.size - shared);
}
