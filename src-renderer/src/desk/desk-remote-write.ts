// Writes into the library's Dexie tables what a desk's Yjs document now holds for the records a
// remote change touched: whole records, or only the fields that changed, in one transaction.
// Records arriving from the desk are checked as a backup's are; a malformed one is left out.
import type { Table, Transaction } from 'dexie';
import type * as Y from 'yjs';
import {
  documentsOf,
  isDocumentDeleted,
  readRecord,
  settingsOf,
  type FieldKind,
} from '../../../src-shared/desk/desk-doc';
import {
  annotationRecord,
  documentRecord,
  labelRecord,
  sourceRecord,
} from '../../../src-shared/export/backup';
import type { Check } from '../../../src-shared/export/record-check';
import type { DocumentRecord } from '../../../src-shared/model';
import { libraryFilesOf, type ClaimdeskDb } from '../db/database';

/** What a remote change touched: whole records, some fields of them, or gone. */
export type Touched = Map<string, Set<string> | 'all'>;

/** The remote changes gathered since the last write. */
export interface RemoteBatch {
  records: readonly (readonly [FieldKind, Touched])[];
  documentIds: readonly string[];
  settingKeys: readonly string[];
}

/** A desk is written by other people's copies: what arrives is checked as a backup's records are. */
const CHECKS: Record<FieldKind, Check<unknown>> = {
  annotations: annotationRecord,
  labels: labelRecord,
  sources: sourceRecord,
};

function checked<T>(check: Check<T>, value: unknown): T | null {
  try {
    return check(value, 'record');
  } catch {
    return null;
  }
}

/**
 * Stores `batch` from `doc` into `db`. `markRemote` is told the transaction first, so the
 * binding's hooks do not echo these writes back to the desk.
 */
export async function writeRemoteBatch(
  db: ClaimdeskDb,
  doc: Y.Doc,
  tables: Record<FieldKind, Table>,
  { records: batch, documentIds, settingKeys }: RemoteBatch,
  markRemote: (tx: Transaction) => void,
  onProblem: (message: string) => void,
): Promise<void> {
  const stores = [
    db.annotations,
    db.labels,
    db.sources,
    db.documents,
    db.libraryFiles,
    db.settings,
    db.files,
  ];
  await db.transaction('rw', stores, async (tx) => {
    markRemote(tx);
    for (const [kind, changes] of batch) {
      const table = tables[kind];
      for (const [id, change] of changes) {
        // The library's record first: once that read returns, every local transaction begun
        // before this one has completed and been mirrored into the document read next.
        const stored: unknown = await table.get(id);
        const shared = readRecord(doc, kind, id);
        const record = shared && checked(CHECKS[kind], shared);
        if (shared && !record) {
          onProblem(`A record (${kind}) from the desk was malformed and was left out.`);
          continue;
        }
        if (!record) {
          if (stored) await table.delete(id);
        } else if (change === 'all' || !stored) await table.put(record);
        else {
          const values = record as unknown as Record<string, unknown>;
          await table.update(id, Object.fromEntries([...change].map((f) => [f, values[f]])));
        }
      }
    }
    const documents = documentIds
      .map((id) => documentsOf(doc).get(id))
      .filter((d) => d !== undefined)
      .map((d) => checked(documentRecord, d))
      .filter((d): d is DocumentRecord => d !== null);
    const deleted = documentIds.filter((id) => !documentsOf(doc).has(id) && isDocumentDeleted(doc, id));
    const gone = (await db.documents.bulkGet(deleted)).filter((d): d is DocumentRecord => !!d);
    if (gone.length > 0) {
      await db.annotations.where('documentId').anyOf(deleted).delete();
      await db.documents.bulkDelete(deleted);
    }
    if (documents.length > 0) await db.documents.bulkPut(documents);
    for (const file of new Set([...documents, ...gone].map((d) => d.sourceFile))) {
      const [record] = libraryFilesOf(await db.documents.where('sourceFile').equals(file).toArray());
      if (record) await db.libraryFiles.put(record);
      else {
        // Deleted on the desk, every article of the file: its stored bytes go too.
        await db.libraryFiles.delete(file);
        await db.files.where('name').equals(file).delete();
      }
    }
    for (const key of settingKeys) await db.settings.put({ key, value: settingsOf(doc).get(key) });
  });
}
