// The library's annotation, label and setting operations. A parsed file goes in through
// store-file.ts; each write here is one Dexie transaction.
import type { AnnotationRecord, DocumentRecord, LabelRecord } from '../../../src-shared/model';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import { emptyClaim } from '../../../src-shared/claim-defaults';
import type { ClaimdeskDb } from './database';
import { applyChanges } from './annotation-changes';

export interface NewAnnotation {
  document: DocumentRecord;
  start: number;
  end: number;
  labelId: string;
  author: string;
}

/** A new annotation record (not yet stored) over [start, end) of the document's canonical text. */
export function newAnnotation(
  { document, start, end, labelId, author }: NewAnnotation,
  now = new Date(),
): AnnotationRecord {
  const stamp = now.toISOString();
  return {
    id: globalThis.crypto.randomUUID(),
    documentId: document.id,
    target: describeRange(document.text, start, end),
    labelId,
    ...emptyClaim(),
    author,
    created: stamp,
    modified: stamp,
  };
}

/** Stores a new annotation (outside undo history: imports, tests). */
export async function createAnnotation(
  db: ClaimdeskDb,
  spec: NewAnnotation,
  now = new Date(),
): Promise<AnnotationRecord> {
  const record = newAnnotation(spec, now);
  await applyChanges(db, [{ before: null, after: record }]);
  return record;
}

export function annotationsOf(db: ClaimdeskDb, documentId: string): Promise<AnnotationRecord[]> {
  return db.annotations.where('documentId').equals(documentId).toArray();
}

export function labelsInOrder(db: ClaimdeskDb): Promise<LabelRecord[]> {
  return db.labels.orderBy('order').toArray();
}

export async function getSetting<T>(db: ClaimdeskDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: ClaimdeskDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
