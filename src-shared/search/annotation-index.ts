// Searches annotations as the analyst types: an inverted index over each annotation's quote,
// notes, rationale, evidence titles and notes, claimant and evidence source names, and its
// document's title, with the query language's field filters. Every part of a query must match
// and no part it negates; a query with OR finds what any of its alternatives finds.
//
// Results come grouped by document: documents in order of their best hit's score (a quote match
// weighs most, a title match least), then hits within a document in text order, so a list can
// show them under document headings and a limit keeps the most relevant documents.
//
// The index copies label and source names when an annotation is added: after renaming a label
// or a source, update the annotations that use it.
import type { AnnotationRecord } from '../model';
import { searchTokens } from './fold';
import { PostingLists, fieldsOf, liveSlots, slotOf } from './postings';
import { parseSearch, type FieldFilter, type ParsedQuery } from './query';

export interface IndexResolvers {
  labelName(id: string): string;
  /** A source's name and aliases. */
  sourceNames(id: string): string[];
}

export interface SearchHit {
  annotationId: string;
  documentId: string;
  score: number;
}

/** Where in an annotation a word stands (a posting's field bit, 1 << index) and what a match there weighs. */
const FIELD_WEIGHTS = { quote: 4, source: 3, notes: 2, evidence: 1, title: 0.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
const bit = (field: Field): number => 1 << FIELDS.indexOf(field);

/** What a word found under each combination of field bits adds to a hit's score: its best field. */
const WEIGHT = Float64Array.from({ length: 1 << FIELDS.length }, (_, bits) =>
  Math.max(0, ...FIELDS.filter((f) => bits & bit(f)).map((f) => FIELD_WEIGHTS[f])),
);

/** Query parts counted per entry in a Uint8Array; parts beyond are ignored. */
const MAX_PARTS = 255;

/** Removed entries tolerated before the slots are renumbered. */
const MAX_DEAD = 1024;

interface Entry {
  annotationId: string;
  /** The document's number in `documentIds`. */
  doc: number;
  start: number;
  /** The folded words of every searchable field, fields apart, to check phrases. */
  text: string;
  /** The folded source names likewise, to check multi-word source: values. */
  sources: string;
}

/** Words joined and fields set apart so that ` ${phrase} ` matches only within one field. */
const joinFields = (fields: readonly string[][]): string => ` ${fields.map((w) => w.join(' ')).join(' | ')} `;

export class AnnotationIndex {
  private entries: (Entry | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly words = new PostingLists();
  /** Filter keys: `verdict=mostly false`, `label=claim`, `source~peskov`. */
  private readonly filters = new PostingLists();
  private dead = 0;
  private readonly documentIds: string[] = [];
  private readonly documentNumbers = new Map<string, number>();

  constructor(private readonly resolvers: IndexResolvers) {}

  get size(): number {
    return this.slots.size;
  }

  /** Indexes an annotation; adding one already indexed updates it. */
  add(annotation: AnnotationRecord, documentTitle: string): void {
    if (this.slots.has(annotation.id)) this.remove(annotation);
    const slot = this.entries.length;
    const texts: string[][] = [];
    const index = (text: string, field: Field): string[] => {
      const words = searchTokens(text);
      const fieldBit = bit(field);
      for (const w of words) this.words.add(w, slot, fieldBit);
      texts.push(words);
      return words;
    };
    index(annotation.target.quote.exact, 'quote');
    index(annotation.notes, 'notes');
    index(annotation.rationale, 'notes');
    for (const e of annotation.evidence) {
      index(e.title, 'evidence');
      index(e.note, 'evidence');
    }
    const sourceNames = this.sourceNamesOf(annotation).map((name) => index(name, 'source'));
    index(documentTitle, 'title');

    const values: FieldFilter[] = [
      { field: 'label', words: searchTokens(annotation.labelId) },
      { field: 'label', words: searchTokens(this.resolvers.labelName(annotation.labelId)) },
      { field: 'status', words: searchTokens(annotation.status) },
      { field: 'priority', words: searchTokens(annotation.priority) },
      { field: 'verdict', words: searchTokens(annotation.verdict ?? '') },
      { field: 'source', words: sourceNames.flat() },
    ];
    for (const key of values.flatMap(filterKeys)) this.filters.add(key, slot);

    this.slots.set(annotation.id, slot);
    this.entries.push({
      annotationId: annotation.id,
      doc: this.documentNumber(annotation.documentId),
      start: annotation.target.position.start,
      text: joinFields(texts),
      sources: joinFields(sourceNames),
    });
  }

  update(annotation: AnnotationRecord, documentTitle: string): void {
    this.add(annotation, documentTitle);
  }

  remove(annotation: Pick<AnnotationRecord, 'id'>): void {
    const slot = this.slots.get(annotation.id);
    if (slot === undefined) return;
    this.slots.delete(annotation.id);
    this.entries[slot] = undefined;
    if (++this.dead > MAX_DEAD && this.dead * 2 > this.entries.length) this.compact();
  }

  /**
   * Hits grouped by document (see the top of this file); an empty query finds nothing. A string
   * is parsed with its alternatives; a hit found by several scores its best.
   */
  search(
    query: ParsedQuery | readonly ParsedQuery[] | string,
    limit = Number.POSITIVE_INFINITY,
  ): SearchHit[] {
    const clauses = typeof query === 'string' ? parseSearch(query) : 'words' in query ? [query] : query;
    if (clauses.length === 1) {
      const only = this.clauseHits(clauses[0] as ParsedQuery);
      return only ? this.grouped(only.slots, only.scores, limit) : [];
    }
    const scores = new Float64Array(this.entries.length).fill(-1);
    for (const clause of clauses) {
      const hits = this.clauseHits(clause);
      for (const slot of hits?.slots ?? [])
        scores[slot] = Math.max(scores[slot] as number, hits?.scores[slot] as number);
    }
    const slots: number[] = [];
    scores.forEach((score, slot) => {
      if (score >= 0) slots.push(slot);
    });
    return this.grouped(slots, scores, limit);
  }

  /** The live slots one alternative finds, with their scores; null when it asks for nothing. */
  private clauseHits(q: ParsedQuery): { slots: number[]; scores: Float64Array } | null {
    const parts = this.partsOf(q).slice(0, MAX_PARTS);
    const negations = q.not.words.length + q.not.phrases.length + q.not.filters.length;
    let found: { slots: number[]; scores: Float64Array };
    if (parts.length === 0) {
      // Only negations (-label:quote): every annotation but those.
      if (negations === 0) return null;
      const slots: number[] = [];
      this.entries.forEach((entry, slot) => {
        if (entry) slots.push(slot);
      });
      found = { slots, scores: new Float64Array(this.entries.length) };
    } else {
      if (parts.some((lists) => lists.every((l) => l.length === 0))) return null;
      found = this.matching(parts);
      found.slots = found.slots.filter((slot) => this.confirms(this.entries[slot], q));
    }
    if (negations === 0) return found;
    const excluded = this.excluded(q);
    return { slots: found.slots.filter((slot) => !excluded.has(slot)), scores: found.scores };
  }

  /** The slots that have any part the alternative negates. */
  private excluded(q: ParsedQuery): Set<number> {
    const out = new Set<number>();
    for (const w of q.not.words) for (const posting of this.words.get(w)) out.add(slotOf(posting));
    const none = { words: [], phrases: [], filters: [] };
    const single = [
      ...q.not.phrases.map((p) => ({ words: [], prefix: null, phrases: [p], filters: [], not: none })),
      ...q.not.filters.map((f) => ({ words: [], prefix: null, phrases: [], filters: [f], not: none })),
    ];
    for (const part of single) for (const slot of this.clauseHits(part)?.slots ?? []) out.add(slot);
    return out;
  }

  /** For each part of the query, the posting lists of which an entry must be in one. */
  private partsOf(q: ParsedQuery): (readonly number[])[][] {
    const parts = [...q.words, ...q.phrases.flat()].map((w) => [this.words.get(w)]);
    if (q.prefix !== null) parts.push(this.words.withPrefix(q.prefix));
    for (const f of q.filters) parts.push(...filterKeys(f).map((key) => [this.filters.get(key)]));
    return parts;
  }

  /** The slots in every part (counting the parts each has met) and their scores. */
  private matching(parts: (readonly number[])[][]): { slots: number[]; scores: Float64Array } {
    const met = new Uint8Array(this.entries.length);
    const scores = new Float64Array(this.entries.length);
    // A prefix part has many lists: a slot in several of them scores its best field once.
    const partScore = new Float64Array(this.entries.length);
    const found: number[] = [];
    parts.forEach((lists, i) => {
      const last = i === parts.length - 1;
      for (const list of lists)
        for (const posting of list) {
          const slot = slotOf(posting);
          const weight = WEIGHT[fieldsOf(posting)] as number;
          if (met[slot] === i) {
            met[slot] = i + 1;
            partScore[slot] = weight;
            scores[slot] = (scores[slot] as number) + weight;
            if (last) found.push(slot);
          } else if (met[slot] === i + 1 && weight > (partScore[slot] as number)) {
            scores[slot] = (scores[slot] as number) + weight - (partScore[slot] as number);
            partScore[slot] = weight;
          }
        }
    });
    return { slots: found, scores };
  }

  /** Checks what postings cannot: the entry is live, and phrases and multi-word sources stand together. */
  private confirms(entry: Entry | undefined, q: ParsedQuery): entry is Entry {
    if (entry === undefined) return false;
    if (!q.phrases.every((p) => entry.text.includes(` ${p.join(' ')} `))) return false;
    return q.filters.every(
      (f) => f.field !== 'source' || f.words.length < 2 || entry.sources.includes(` ${f.words.join(' ')} `),
    );
  }

  private grouped(slots: number[], scores: Float64Array, limit: number): SearchHit[] {
    // Typed arrays indexed by document number: a query may match most of 100,000 annotations.
    const best = new Float64Array(this.documentIds.length).fill(-1);
    const count = new Uint32Array(this.documentIds.length);
    for (const slot of slots) {
      const doc = (this.entries[slot] as Entry).doc;
      best[doc] = Math.max(best[doc] as number, scores[slot] as number);
      count[doc] = (count[doc] as number) + 1;
    }
    const docs: number[] = [];
    best.forEach((score, doc) => {
      if (score >= 0) docs.push(doc);
    });
    const ids = this.documentIds;
    docs.sort(
      (a, b) => (best[b] as number) - (best[a] as number) || compare(ids[a] as string, ids[b] as string),
    );
    // Rank only the documents that the limit reaches, then order their hits.
    const rank = new Int32Array(ids.length).fill(-1);
    for (let i = 0, taken = 0; i < docs.length && taken < limit; i++) {
      const doc = docs[i] as number;
      rank[doc] = i;
      taken += count[doc] as number;
    }
    const shown = slots.filter((slot) => (rank[(this.entries[slot] as Entry).doc] as number) >= 0);
    const entry = (slot: number): Entry => this.entries[slot] as Entry;
    shown.sort(
      (a, b) =>
        (rank[entry(a).doc] as number) - (rank[entry(b).doc] as number) ||
        entry(a).start - entry(b).start ||
        a - b,
    );
    return shown.slice(0, limit).map((slot) => ({
      annotationId: entry(slot).annotationId,
      documentId: ids[entry(slot).doc] as string,
      score: scores[slot] as number,
    }));
  }

  private documentNumber(documentId: string): number {
    let doc = this.documentNumbers.get(documentId);
    if (doc === undefined) {
      doc = this.documentIds.push(documentId) - 1;
      this.documentNumbers.set(documentId, doc);
    }
    return doc;
  }

  private sourceNamesOf(annotation: AnnotationRecord): string[] {
    const ids = new Set([annotation.claimantId, ...annotation.evidence.map((e) => e.sourceId)]);
    ids.delete(null);
    return [...ids].flatMap((id) => this.resolvers.sourceNames(id as string));
  }

  /** Renumbers live entries densely so query arrays stay the size of the index. */
  private compact(): void {
    const { newSlot, live } = liveSlots(this.entries);
    live.forEach((entry, slot) => this.slots.set(entry.annotationId, slot));
    this.entries = live;
    this.words.compact(newSlot);
    this.filters.compact(newSlot);
    this.dead = 0;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The filter postings a value is filed under: one key for a field's value, one per word for sources. */
function filterKeys(f: FieldFilter): string[] {
  if (f.field === 'source') return f.words.map((w) => `source~${w}`);
  return f.words.length > 0 ? [`${f.field}=${f.words.join(' ')}`] : [];
}
