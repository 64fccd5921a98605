// Search across the whole library: an AnnotationIndex built on first use from the store, then
// kept current by every committed change batch; rebuilt when label or source names change or
// documents arrive, since the index holds their names and titles.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { AnnotationIndex, type SearchHit } from '../../../src-shared/search/annotation-index';
import type { AnnotationRecord } from '../../../src-shared/model';
import { onChangesApplied } from '../db/annotation-changes';
import { onLibraryReplaced } from '../db/snapshot';
import { db } from '../db/instance';

export interface SearchGroup {
  documentId: string;
  title: string;
  hits: AnnotationRecord[];
}

class LibrarySearch {
  private index: AnnotationIndex | null = null;
  private building: Promise<AnnotationIndex> | null = null;
  private records = new Map<string, AnnotationRecord>();
  private titles = new Map<string, string>();
  private namesKey = '';

  constructor() {
    // A restore or an annotation import bypasses the change batches: start afresh.
    onLibraryReplaced(() => {
      this.index = null;
      this.building = null;
    });
    onChangesApplied((batch) => {
      if (!this.index) return;
      for (const { before, after } of batch) {
        if (after) {
          this.records.set(after.id, after);
          this.index.update(after, this.titles.get(after.documentId) ?? '');
        } else if (before) {
          this.records.delete(before.id);
          this.index.remove(before);
        }
      }
    });
  }

  /** Drops the index when label or source names changed; the next search rebuilds it. */
  invalidate(namesKey: string): void {
    if (namesKey === this.namesKey) return;
    this.namesKey = namesKey;
    this.index = null;
    this.building = null;
  }

  private build(): Promise<AnnotationIndex> {
    this.building ??= (async () => {
      const [labels, sources, annotations] = await Promise.all([
        db.labels.toArray(),
        db.sources.toArray(),
        db.annotations.toArray(),
      ]);
      const titles = new Map<string, string>();
      await db.documents.each((d) => void titles.set(d.id, d.title));
      const labelNames = new Map(labels.map((l) => [l.id, l.name]));
      const sourceNames = new Map(sources.map((s) => [s.id, [s.name, ...s.aliases]]));
      const index = new AnnotationIndex({
        labelName: (id) => labelNames.get(id) ?? id,
        sourceNames: (id) => sourceNames.get(id) ?? [],
      });
      for (const a of annotations) index.add(a, titles.get(a.documentId) ?? '');
      this.records = new Map(annotations.map((a) => [a.id, a]));
      this.titles = titles;
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
      db.documents.count(),
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
