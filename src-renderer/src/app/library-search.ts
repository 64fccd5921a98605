// Search across the whole library: an AnnotationIndex built on first use from the store, then
// kept current by Dexie's own record of what every committed transaction changed
// (`storagemutated`: local edits, the desk's writes, re-anchoring, restores, imports, other
// windows alike). Changed annotations are read again when the next search runs; a write that
// Dexie reports as "the whole table" (50 records or more, a restore) rebuilds the index then.
// Label and source names live in the index too: when they change it is rebuilt.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { AnnotationIndex, type SearchHit } from '../../../src-shared/search/annotation-index';
import type { AnnotationRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from '../db/database';
import { perLibrary, useLibrary } from './library-context';

export interface SearchGroup {
  documentId: string;
  title: string;
  hits: AnnotationRecord[];
}

/** Annotations indexed between two pauses for the event loop (about 50 ms of work). */
const INDEX_SLICE = 1000;

/** The keys a mutation set names one by one, or 'all' when it names a range (a bulk write). */
export function keysIn(tree: IntervalTree): string[] | 'all' {
  const keys: string[] = [];
  const stack: (IntervalTree | null | undefined)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
    keys.push(node.from);
    stack.push(node.l, node.r);
  }
  return keys;
}

async function titlesOf(db: ClaimdeskDb): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  // The library records, not the documents: a title each, without reading every article's text.
  for (const record of await db.libraryFiles.toArray())
    for (const e of record.entries) titles.set(e.id, e.title);
  return titles;
}

export class LibrarySearch {
  private index: AnnotationIndex | null = null;
  private building: Promise<AnnotationIndex> | null = null;
  private records = new Map<string, AnnotationRecord>();
  private titles = new Map<string, string>();
  private namesKey = '';
  /** Annotations changed since the index last read them. */
  private dirty: Set<string> | 'all' = new Set();
  private flushing: Promise<void> = Promise.resolve();
  /** Bumped on every reset, so a build started before it cannot install a stale index. */
  private generation = 0;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly part: string;
  private readonly off: () => void;

  constructor(private readonly db: ClaimdeskDb) {
    this.part = `idb://${db.name}/annotations/`;
    const listener = (parts: ObservabilitySet): void => this.mutated(parts);
    Dexie.on('storagemutated', listener);
    this.off = () => Dexie.on.storagemutated.unsubscribe(listener);
  }

  private mutated(parts: ObservabilitySet): void {
    const tree = parts[this.part];
    if (!tree) return;
    const keys = keysIn(tree);
    if (keys === 'all') this.dirty = 'all';
    else if (this.dirty !== 'all') for (const key of keys) this.dirty.add(key);
    this.version += 1;
    for (const l of this.listeners) l();
  }

  /** Hears every committed change to annotations (the search to run again). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Counts changes to annotations seen so far. */
  get changes(): number {
    return this.version;
  }

  private reset(): void {
    this.generation += 1;
    this.index = null;
    this.building = null;
  }

  /** Drops the index when label or source names changed; the next search rebuilds it. */
  invalidate(namesKey: string): void {
    if (namesKey === this.namesKey) return;
    this.namesKey = namesKey;
    this.reset();
  }

  private build(): Promise<AnnotationIndex> {
    if (this.building) return this.building;
    const generation = this.generation;
    // Changes committed from here on are read again once this index is in place.
    this.dirty = new Set();
    this.building = (async () => {
      const [labels, sources, annotations, titles] = await Promise.all([
        this.db.labels.toArray(),
        this.db.sources.toArray(),
        this.db.annotations.toArray(),
        titlesOf(this.db),
      ]);
      const labelNames = new Map(labels.map((l) => [l.id, l.name]));
      const sourceNames = new Map(sources.map((s) => [s.id, [s.name, ...s.aliases]]));
      const index = new AnnotationIndex({
        labelName: (id) => labelNames.get(id) ?? id,
        sourceNames: (id) => sourceNames.get(id) ?? [],
      });
      // A large library takes seconds to index: do it in slices so the window keeps responding.
      for (let i = 0; i < annotations.length; i++) {
        const a = annotations[i] as AnnotationRecord;
        index.add(a, titles.get(a.documentId) ?? '');
        if (i % INDEX_SLICE === INDEX_SLICE - 1) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (generation !== this.generation) return index;
      this.records = new Map(annotations.map((a) => [a.id, a]));
      this.titles = titles;
      this.index = index;
      return index;
    })();
    return this.building;
  }

  /** The index with every change committed so far read into it. */
  private current(): Promise<AnnotationIndex> {
    const next = this.flushing.then(async () => {
      if (this.dirty === 'all') this.reset();
      const index = this.index ?? (await this.build());
      if (this.dirty === 'all' || this.dirty.size === 0) return index;
      const ids = [...this.dirty];
      this.dirty = new Set();
      const records = await this.db.annotations.bulkGet(ids);
      if (records.some((r) => r && !this.titles.has(r.documentId))) this.titles = await titlesOf(this.db);
      ids.forEach((id, i) => {
        const record = records[i];
        if (record) {
          this.records.set(id, record);
          index.update(record, this.titles.get(record.documentId) ?? '');
        } else {
          this.records.delete(id);
          index.remove({ id });
        }
      });
      return index;
    });
    this.flushing = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  async search(query: string, limit = 500): Promise<SearchGroup[]> {
    const index = await this.current();
    const groups = new Map<string, SearchGroup>();
    for (const hit of index.search(query, limit) as SearchHit[]) {
      const record = this.records.get(hit.annotationId);
      if (!record) continue;
      const group = groups.get(hit.documentId) ?? {
        documentId: hit.documentId,
        title: this.titles.get(hit.documentId) ?? '',
        hits: [],
      };
      group.hits.push(record);
      groups.set(hit.documentId, group);
    }
    return [...groups.values()];
  }

  close(): void {
    this.off();
    this.listeners.clear();
  }
}

const searchOf = perLibrary((db) => new LibrarySearch(db));

export function useLibrarySearch(query: string): SearchGroup[] | null {
  const { db } = useLibrary();
  const librarySearch = searchOf(db);
  const subscribe = useCallback((listener: () => void) => librarySearch.subscribe(listener), [librarySearch]);
  const changes = useCallback(() => librarySearch.changes, [librarySearch]);
  const namesKey = useLiveQuery(async () => {
    const [labels, sources] = await Promise.all([db.labels.toArray(), db.sources.toArray()]);
    // Renamed labels and sources bring new names into the index.
    return JSON.stringify([labels.map((l) => [l.id, l.name]), sources.map((s) => [s.id, s.name, s.aliases])]);
  }, [db]);
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  const revision = useSyncExternalStore(subscribe, changes);
  useEffect(() => {
    if (namesKey !== undefined) librarySearch.invalidate(namesKey);
  }, [librarySearch, namesKey]);
  const trimmed = useMemo(() => query.trim(), [query]);
  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    void librarySearch.search(trimmed).then((g) => live && setGroups(g));
    return () => {
      live = false;
    };
  }, [librarySearch, trimmed, namesKey, revision]);
  return trimmed === '' ? null : groups;
}
