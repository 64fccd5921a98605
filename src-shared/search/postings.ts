// An inverted index from terms to the slots (small integers) of the entries holding them, each
// posting packed with 5 bits saying in which fields the term occurs. Plain arrays, appended to:
// removal is by the caller forgetting a slot and later renumbering every list with `compact`.

const FIELD_BITS = 5;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

export const slotOf = (posting: number): number => posting >>> FIELD_BITS;
export const fieldsOf = (posting: number): number => posting & FIELD_MASK;

export class PostingLists {
  private readonly lists = new Map<string, number[]>();
  /** The terms in code-unit order for prefix look-ups: sorted when first needed, then kept so. */
  private sorted: string[] | null = null;

  /** Records `term` in `slot`; adding to the same slot again (as the last one) merges the fields. */
  add(term: string, slot: number, fields = 0): void {
    let list = this.lists.get(term);
    if (list === undefined) {
      list = [];
      this.lists.set(term, list);
      this.sorted?.splice(lowerBound(this.sorted, term), 0, term);
    }
    const last = list.length - 1;
    if (last >= 0 && slotOf(list[last] as number) === slot) list[last] = (list[last] as number) | fields;
    else list.push((slot << FIELD_BITS) | fields);
  }

  get(term: string): readonly number[] {
    return this.lists.get(term) ?? [];
  }

  /** The lists of every term starting with `prefix`. */
  withPrefix(prefix: string): (readonly number[])[] {
    this.sorted ??= [...this.lists.keys()].sort();
    const terms = this.sorted;
    const found: (readonly number[])[] = [];
    for (let i = lowerBound(terms, prefix); i < terms.length && (terms[i] as string).startsWith(prefix); i++)
      found.push(this.get(terms[i] as string));
    return found;
  }

  /** Renumbers every posting by `newSlot` (old slot → new slot, -1 to drop), keeping order. */
  compact(newSlot: Int32Array): void {
    for (const [term, list] of this.lists) {
      let kept = 0;
      for (const posting of list) {
        const slot = newSlot[slotOf(posting)] ?? -1;
        if (slot >= 0) list[kept++] = (slot << FIELD_BITS) | fieldsOf(posting);
      }
      list.length = kept;
      if (kept === 0) {
        this.lists.delete(term);
        this.sorted = null;
      }
    }
  }
}

/** The index of the first term not before `term`. */
function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Dense renumbering of the live entries of a slot array (removed ones are undefined): the old →
 * new slot map that `compact` takes (-1 for removed), and the live entries in their new order.
 */
export function liveSlots<T>(entries: readonly (T | undefined)[]): { newSlot: Int32Array; live: T[] } {
  const newSlot = new Int32Array(entries.length).fill(-1);
  const live: T[] = [];
  entries.forEach((entry, slot) => {
    if (entry === undefined) return;
    newSlot[slot] = live.length;
    live.push(entry);
  });
  return { newSlot, live };
}
