// Live views of the library for the UI (Dexie liveQuery): they re-render when a write lands,
// whichever window or tab made it.
import { useLiveQuery } from 'dexie-react-hooks';
import { documentOrder } from '../../../src-shared/anchoring/segments';
import type { AnnotationRecord, DocumentRecord, LabelRecord, SourceRecord } from '../../../src-shared/model';
import { annotationsOf, labelsInOrder } from '../db/library';
import type { LibraryEntry } from '../db/database';
import { useLibrary } from './library-context';

const NO_ENTRIES: LibraryEntry[] = [];
const NO_ANNOTATIONS: AnnotationRecord[] = [];
const NO_LABELS: LabelRecord[] = [];

/**
 * The library's rows in import order: live documents only (replaced versions of changed articles
 * stay reachable from their successor), read from one small record per file, not the documents.
 */
export function useLibraryEntries(): LibraryEntry[] {
  const { db } = useLibrary();
  return useLiveQuery(
    async () =>
      (await db.libraryFiles.toArray())
        .sort((a, b) => a.firstImportedAt.localeCompare(b.firstImportedAt) || a.file.localeCompare(b.file))
        .flatMap((f) => f.entries),
    [db],
    NO_ENTRIES,
  );
}

export function useDocument(id: string | null): DocumentRecord | undefined {
  const { db } = useLibrary();
  return useLiveQuery(() => (id ? db.documents.get(id) : undefined), [db, id]);
}

/** The document's annotations in document order. */
export function useAnnotations(documentId: string | null): AnnotationRecord[] {
  const { db } = useLibrary();
  return useLiveQuery(
    async () => {
      if (!documentId) return NO_ANNOTATIONS;
      const list = await annotationsOf(db, documentId);
      const spans = list.map((a) => ({
        id: a.id,
        start: a.target.position.start,
        end: a.target.position.end,
        a,
      }));
      return documentOrder(spans).map((s) => s.a);
    },
    [db, documentId],
    NO_ANNOTATIONS,
  );
}

export function useLabels(): LabelRecord[] {
  const { db } = useLibrary();
  return useLiveQuery(() => labelsInOrder(db), [db], NO_LABELS);
}

const NO_SOURCES: SourceRecord[] = [];

/** The sources registry by name. */
export function useSources(): SourceRecord[] {
  const { db } = useLibrary();
  return useLiveQuery(() => db.sources.orderBy('name').toArray(), [db], NO_SOURCES);
}
