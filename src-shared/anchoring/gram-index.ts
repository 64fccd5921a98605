// Finds where a piece of a long text occurs without scanning the text: every position is filed
// under a hash of the GRAM characters starting there, chained through typed arrays (about
// 6 bytes a character). Built once per text, it turns each look-up into a walk of one chain.

export const GRAM = 8;

const BASE = 0x01000193;

/** BASE^(GRAM-1) mod 2^32, to drop the outgoing character from a rolling hash. */
const BASE_POW = ((): number => {
  let p = 1;
  for (let i = 1; i < GRAM; i++) p = Math.imul(p, BASE);
  return p;
})();

function hashAt(s: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}

export class GramIndex {
  private readonly heads: Int32Array;
  private readonly next: Int32Array;
  private readonly shift: number;

  constructor(private readonly text: string) {
    const positions = Math.max(0, text.length - GRAM + 1);
    const bits = Math.min(21, Math.max(8, Math.ceil(Math.log2(positions + 1)) - 1));
    this.shift = 32 - bits;
    this.heads = new Int32Array(1 << bits).fill(-1);
    this.next = new Int32Array(positions);
    let h = positions > 0 ? hashAt(text, 0) : 0;
    for (let p = 0; p < positions; p++) {
      if (p > 0)
        h =
          (Math.imul(h - Math.imul(text.charCodeAt(p - 1), BASE_POW), BASE) + text.charCodeAt(p + GRAM - 1)) |
          0;
      const b = this.bucket(h);
      this.next[p] = this.heads[b] as number;
      this.heads[b] = p;
    }
  }

  private bucket(hash: number): number {
    // Fibonacci hashing spreads the polynomial hash's low-entropy high bits.
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  /** Start of every occurrence of `piece` (at least GRAM long), ascending; null if more than `limit`. */
  occurrences(piece: string, limit = Number.POSITIVE_INFINITY): number[] | null {
    if (piece.length < GRAM) throw new RangeError(`pieces must be at least ${GRAM} characters`);
    const found: number[] = [];
    for (let p = this.heads[this.bucket(hashAt(piece, 0))] as number; p !== -1; p = this.next[p] as number) {
      if (!this.text.startsWith(piece, p)) continue;
      if (found.length === limit) return null;
      found.push(p);
    }
    // Chains run from the last position filed to the first.
    return found.reverse();
  }
}
