// Deleting documents from the library: the articles chosen (with their earlier, replaced
// versions), every annotation on them, the library list's rows, and — when none of a file's
// articles is left — the file's stored bytes. Built as one undoable library step.
import type { AnnotationRecord, DocumentRecord } from '../../../src-shared/model';
import { libraryFilesOf, type ClaimdeskDb, type FileRecord, type LibraryFile } from './database';
import type { LibraryStep, RecordOp } from './library-steps';
import { plural } from '../../../src-shared/util/plural';

export interface DeletionPlan {
  /** Every document that goes: the chosen ones and their earlier versions. */
  documentIds: string[];
  /** Of those, the live ones the library shows (what the analyst chose). */
  shown: number;
  annotations: number;
  /** Files whose articles all go, with their stored bytes. */
  files: string[];
}

/** The chosen documents with every earlier version of each (hidden ones the analyst cannot reach otherwise). */
async function withVersions(db: ClaimdeskDb, ids: readonly string[]): Promise<DocumentRecord[]> {
  const found = new Map<string, DocumentRecord>();
  let next = [...new Set(ids)];
  while (next.length > 0) {
    const records = (await db.documents.bulkGet(next)).filter((d): d is DocumentRecord => !!d);
    for (const d of records) found.set(d.id, d);
    const earlier = records.map((d) => d.previousVersionId).filter((id): id is string => !!id);
    next = earlier.filter((id) => !found.has(id));
  }
  return [...found.values()];
}

/** What deleting these documents would remove: for the confirmation, read without writing. */
export async function planDeletion(db: ClaimdeskDb, ids: readonly string[]): Promise<DeletionPlan> {
  return db.transaction('r', db.documents, db.annotations, async () => {
    const documents = await withVersions(db, ids);
    const documentIds = documents.map((d) => d.id);
    const annotations = await db.annotations.where('documentId').anyOf(documentIds).count();
    const going = new Set(documentIds);
    const files: string[] = [];
    for (const file of new Set(documents.map((d) => d.sourceFile))) {
      const all = await db.documents.where('sourceFile').equals(file).primaryKeys();
      if (all.every((id) => going.has(id))) files.push(file);
    }
    const shown = documents.filter((d) => !d.supersededBy).length;
    return { documentIds, shown, annotations, files };
  });
}

/** The document ids of a whole file's articles (every version). */
export function documentIdsOfFile(db: ClaimdeskDb, file: string): Promise<string[]> {
  return db.documents.where('sourceFile').equals(file).primaryKeys();
}

/** "3 articles and 12 annotations": what a deletion takes, in words. */
export function describeDeletion(plan: Pick<DeletionPlan, 'shown' | 'annotations'>): string {
  return `${plural(plan.shown, 'article')} and ${plural(plan.annotations, 'annotation')}`;
}

/**
 * The library step that deletes these documents, built from the store as it stands (run it
 * through the history's commitStep). Null when none of them is in the library any more.
 */
export async function deleteDocumentsStep(
  db: ClaimdeskDb,
  ids: readonly string[],
): Promise<LibraryStep | null> {
  return db.transaction('r', [db.documents, db.annotations, db.libraryFiles, db.files], async () => {
    const documents = await withVersions(db, ids);
    if (documents.length === 0) return null;
    const going = new Set(documents.map((d) => d.id));
    const annotations: AnnotationRecord[] = await db.annotations
      .where('documentId')
      .anyOf([...going])
      .toArray();
    const forward: RecordOp[] = [];
    const backward: RecordOp[] = [];
    // Annotations go first and come back last: an annotation is never stored without its document.
    for (const a of annotations) forward.push({ table: 'annotations', delete: a.id });
    for (const d of documents) forward.push({ table: 'documents', delete: d.id });
    for (const d of documents) backward.push({ table: 'documents', put: d });
    for (const a of annotations) backward.push({ table: 'annotations', put: a });
    for (const file of new Set(documents.map((d) => d.sourceFile))) {
      const before = await db.libraryFiles.get(file);
      const remaining = (await db.documents.where('sourceFile').equals(file).toArray()).filter(
        (d) => !going.has(d.id),
      );
      const [after]: (LibraryFile | undefined)[] = libraryFilesOf(remaining);
      if (after) forward.push({ table: 'libraryFiles', put: after });
      else forward.push({ table: 'libraryFiles', delete: file });
      if (before) backward.push({ table: 'libraryFiles', put: before });
      else if (after) backward.push({ table: 'libraryFiles', delete: file });
      if (remaining.length === 0) {
        const stored: FileRecord[] = await db.files.where('name').equals(file).toArray();
        for (const f of stored) {
          forward.push({ table: 'files', delete: f.id });
          backward.push({ table: 'files', put: f });
        }
      }
    }
    const shown = documents.filter((d) => !d.supersededBy).length;
    return {
      label: `Deleted ${describeDeletion({ shown, annotations: annotations.length })}`,
      forward,
      backward,
    };
  });
}
