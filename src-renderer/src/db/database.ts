// The library's IndexedDB database (Dexie). Every schema change is a new version with an
// upgrade function and a test that opens a database written by the previous version.
import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import { emptyClaim } from '../../../src-shared/claim-defaults';
import type { FactCheckRecord } from '../../../src-shared/factcheck/fact-check';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import type {
  AnnotationRecord,
  DocumentRecord,
  ImportFormat,
  LabelRecord,
  SourceRecord,
} from '../../../src-shared/model';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** An opened file's original bytes, kept to read it again (another encoding, Recent files). */
export interface FileRecord {
  /** SHA-256 (hex) of `bytes`. */
  id: string;
  name: string;
  bytes: Uint8Array;
  /** The encoding it was last read with (detected, or the analyst's choice). */
  encoding: string;
  format: ImportFormat;
  importedAt: string;
}

/** A library row: what the library list shows of a live (not replaced) document. */
export type LibraryEntry = Pick<
  DocumentRecord,
  'id' | 'title' | 'sourceFile' | 'articleIndex' | 'direction' | 'importedAt'
>;

/**
 * The library list's rows of one source file, in file order, kept as one record per file so that
 * showing (and storing) a 10,000-article dump costs one small read (and write), not one per
 * article and not every article's text.
 */
export interface LibraryFile {
  file: string;
  /** When the file's earliest live article was imported: the library lists files in this order. */
  firstImportedAt: string;
  entries: LibraryEntry[];
}

/**
 * A desk this library has joined: its shared Yjs document, kept by y-dexie in this database
 * (its updates in a table of their own), so edits made offline survive a restart and reach the
 * desk on reconnect.
 */
export interface DeskRecord {
  /** The desk's server address. */
  id: string;
  /** Set once this library's own records have been merged into the desk (after a first sync). */
  joinedAt: string | null;
  doc: Y.Doc;
}

export type ClaimdeskDb = Dexie & {
  documents: EntityTable<DocumentRecord, 'id'>;
  annotations: EntityTable<AnnotationRecord, 'id'>;
  labels: EntityTable<LabelRecord, 'id'>;
  sources: EntityTable<SourceRecord, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  files: EntityTable<FileRecord, 'id'>;
  libraryFiles: EntityTable<LibraryFile, 'file'>;
  desks: EntityTable<DeskRecord, 'id'>;
  factChecks: EntityTable<FactCheckRecord, 'id'>;
};

export const DB_NAME = 'claimdesk';

/** Version 1 (the foundation): kept verbatim, Dexie needs every version to upgrade from it. */
export const SCHEMA_V1 = {
  documents: 'id, sourceFile, [sourceFile+articleIndex], importedAt',
  annotations: 'id, documentId, labelId, modified',
  labels: 'id, order',
  sources: 'id, name, *aliases',
  settings: 'key',
} as const;

/** Version 2: claims found by claimant; versions of a re-opened article linked. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  documents: 'id, sourceFile, [sourceFile+articleIndex], importedAt, previousVersionId',
  annotations: 'id, documentId, labelId, modified, claimantId',
} as const;

/** Version 3: the original bytes of opened files, so they can be read again. A new table only. */
export const SCHEMA_V3 = { ...SCHEMA_V2, files: 'id, name' } as const;

/** Version 4: the library list's rows, one record per source file (see LibraryFile). A new table only. */
export const SCHEMA_V4 = { ...SCHEMA_V3, libraryFiles: 'file' } as const;

/**
 * Version 5 (Teams): the desks this library has joined, each with its Yjs document; annotations
 * record who last changed them (`modifiedBy`).
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, desks: 'id, doc: Y.Doc' } as const;

/** Version 6: published fact-checks imported from ClaimReview files. A new table only. */
export const SCHEMA_V6 = { ...SCHEMA_V5, factChecks: 'id' } as const;

export function libraryEntryOf(d: DocumentRecord): LibraryEntry {
  const { id, title, sourceFile, articleIndex, direction, importedAt } = d;
  return { id, title, sourceFile, articleIndex, direction, importedAt };
}

/** The library records of these documents' files: live documents only, each file in file order. */
export function libraryFilesOf(documents: Iterable<DocumentRecord>): LibraryFile[] {
  const files = new Map<string, LibraryFile>();
  for (const d of documents) {
    if (d.supersededBy) continue;
    const entry = libraryEntryOf(d);
    const record = files.get(d.sourceFile);
    if (!record)
      files.set(d.sourceFile, { file: d.sourceFile, firstImportedAt: d.importedAt, entries: [entry] });
    else {
      record.entries.push(entry);
      if (d.importedAt < record.firstImportedAt) record.firstImportedAt = d.importedAt;
    }
  }
  for (const record of files.values()) record.entries.sort((a, b) => a.articleIndex - b.articleIndex);
  return [...files.values()];
}

/** Fills the claim fields a version-1 annotation may lack, keeping everything it has. */
export function upgradeAnnotationToV2(a: Partial<AnnotationRecord> & { id: string }): AnnotationRecord {
  return {
    ...emptyClaim(),
    author: '',
    ...a,
    modified: a.modified ?? a.created ?? new Date(0).toISOString(),
    created: a.created ?? a.modified ?? new Date(0).toISOString(),
  } as AnnotationRecord;
}

export function openDatabase(name: string = DB_NAME): ClaimdeskDb {
  const db = new Dexie(name, { addons: [yDexie] }) as ClaimdeskDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table('annotations')
        .toCollection()
        .modify((a: AnnotationRecord) => {
          Object.assign(a, upgradeAnnotationToV2(a));
        });
      await tx
        .table('documents')
        .toCollection()
        .modify((d: DocumentRecord) => {
          d.previousVersionId ??= null;
          d.supersededBy ??= null;
        });
    });
  db.version(3).stores(SCHEMA_V3);
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const documents: DocumentRecord[] = [];
      await tx
        .table('documents')
        .toCollection()
        .each((d: DocumentRecord) => void documents.push(d));
      await tx.table('libraryFiles').bulkAdd(libraryFilesOf(documents));
    });
  db.version(5)
    .stores(SCHEMA_V5)
    .upgrade(async (tx) => {
      await tx
        .table('annotations')
        .toCollection()
        .modify((a: AnnotationRecord) => {
          a.modifiedBy ??= a.author;
        });
    });
  db.version(6).stores(SCHEMA_V6);
  db.on('populate', (tx) => {
    void tx.table('labels').bulkAdd(DEFAULT_LABELS.map((l) => ({ ...l })));
  });
  return db;
}
