// Search across the whole library: an AnnotationIndex built on first use from the store, then
// kept current by every committed change batch; rebuilt when label or source names change or
// documents arrive, since the index holds their names and titles.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { AnnotationIndex, type SearchHit } from '../../../src-shared/search/annotation-index';
import type { AnnotationRecord } from '../../../src-shared/model';
import { onChangesApplied, type ChangeBatch } from '../db/annotation-changes';
import { onLibraryReplaced } from '../db/snapshot';
import { db } from '../db/instance';

export interface SearchGroup {
  documentId: string;
  title: string;
  hits: AnnotationRecord[];
}

/** Annotations indexed between two pauses for the event loop (about 50 ms of work). */
const INDEX_SLICE = 1000;

class LibrarySearch {
  private index: AnnotationIndex | null = null;
  private building: Promise<AnnotationIndex> | null = null;
  private records = new Map<string, AnnotationRecord>();
  private titles = new Map<string, string>();
  private namesKey = '';

  constructor() {
    // A restore or an annotation import bypasses the change batches: start afresh.
    onLibraryReplaced(() => this.reset());
    onChangesApplied((batch) => {
      if (this.index) this.apply(this.index, batch);
      // Changes made while the index is being built are applied once it is ready.
      else if (this.building) this.pending.push(batch);
    });
  }

  private pending: ChangeBatch[] = [];
  /** Bumped on every reset, so a build started before it cannot install a stale index. */
  private generation = 0;

  private reset(): void {
    this.generation += 1;
    this.index = null;
    this.building = null;
    this.pending = [];
  }

  private apply(index: AnnotationIndex, batch: ChangeBatch): void {
    for (const { before, after } of batch) {
      if (after) {
        this.records.set(after.id, after);
        index.update(after, this.titles.get(after.documentId) ?? '');
      } else if (before) {
        this.records.delete(before.id);
        index.remove(before);
      }
    }
  }

  /** Drops the index when label or source names changed; the next search rebuilds it. */
  invalidate(namesKey: string): void {
    if (namesKey === this.namesKey) return;
    this.namesKey = namesKey;
    this.reset();
  }

  private build(): Promise<AnnotationIndex> {
    const generation = this.generation;
    this.building ??= (async () => {
      const [labels, sources, annotations] = await Promise.all([
        db.labels.toArray(),
        db.sources.toArray(),
        db.annotations.toArray(),
      ]);
      const titles = new Map<string, string>();
      // The library records, not the documents: a title each, without reading every article's text.
      for (const record of await db.libraryFiles.toArray())
        for (const e of record.entries) titles.set(e.id, e.title);
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
      for (const batch of this.pending.splice(0)) this.apply(index, batch);
      this.index = index;
      return index;
    })();
    return this.building;
  }

  async search(query: string, limit = 500): Promise<SearchGroup[]> {
    const index = this.index ?? (await this.build());
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
}

const librarySearch = new LibrarySearch();

export function useLibrarySearch(query: string): SearchGroup[] | null {
  const namesKey = useLiveQuery(async () => {
    const [labels, sources, documents] = await Promise.all([
      db.labels.toArray(),
      db.sources.toArray(),
      db.libraryFiles.toArray().then((files) => files.reduce((n, f) => n + f.entries.length, 0)),
    ]);
    // New documents bring new titles; renamed labels and sources bring new names.
    return JSON.stringify([
      documents,
      labels.map((l) => [l.id, l.name]),
      sources.map((s) => [s.id, s.name, s.aliases]),
    ]);
  }, []);
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => onChangesApplied(() => setRevision((r) => r + 1)), []);
  useEffect(() => onLibraryReplaced(() => setRevision((r) => r + 1)), []);
  useEffect(() => {
    if (namesKey !== undefined) librarySearch.invalidate(namesKey);
  }, [namesKey]);
  const trimmed = useMemo(() => query.trim(), [query]);
  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    void librarySearch.search(trimmed).then((g) => live && setGroups(g));
    return () => {
      live = false;
    };
  }, [trimmed, namesKey, revision]);
  return trimmed === '' ? null : groups;
}
