// The library's IndexedDB database (Dexie). Every schema change is a new version with an
// upgrade function and a test that opens a database written by the previous version.
import { Dexie, type EntityTable } from 'dexie';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import type { AnnotationRecord, DocumentRecord, LabelRecord, SourceRecord } from '../../../src-shared/model';

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ClaimdeskDb = Dexie & {
  documents: EntityTable<DocumentRecord, 'id'>;
  annotations: EntityTable<AnnotationRecord, 'id'>;
  labels: EntityTable<LabelRecord, 'id'>;
  sources: EntityTable<SourceRecord, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

export const DB_NAME = 'claimdesk';

export function openDatabase(name: string = DB_NAME): ClaimdeskDb {
  const db = new Dexie(name) as ClaimdeskDb;
  db.version(1).stores({
    documents: 'id, sourceFile, [sourceFile+articleIndex], importedAt',
    annotations: 'id, documentId, labelId, modified',
    labels: 'id, order',
    sources: 'id, name, *aliases',
    settings: 'key',
  });
  db.on('populate', (tx) => {
    void tx.table('labels').bulkAdd(DEFAULT_LABELS.map((l) => ({ ...l })));
  });
  return db;
}
