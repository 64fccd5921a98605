// Writes into the library's Dexie tables what a desk's Yjs document now holds for the records a
// remote change touched: whole records, or only the fields that changed, in one transaction.
// Records arriving from the desk are checked as a backup's are; a malformed one is left out.
// An article the desk lists by its stub is stored once its body is at hand (the library's own
// copy, or one fetched and verified); until then it is not stored, and neither are the
// annotations on it: they are handed back, to be written with it.
import type { Table, Transaction } from 'dexie';
import type * as Y from 'yjs';
import {
  documentsOf,
  isDocumentDeleted,
  needsBody,
  readDocument,
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
import { MAX_IDS_PER_REQUEST } from '../../../src-shared/desk/article-messages';
import type { Check } from '../../../src-shared/export/record-check';
import type { AnnotationRecord, DocBlock, DocumentRecord } from '../../../src-shared/model';
import { libraryFilesOf, type ClaimdeskDb } from '../db/database';

/** What a remote change touched: whole records, some fields of them, or gone. */
export type Touched = Map<string, Set<string> | 'all'>;

/** The remote changes gathered since the last write. */
export interface RemoteBatch {
  records: readonly (readonly [FieldKind, Touched])[];
  documentIds: readonly string[];
  settingKeys: readonly string[];
  /** Verified bodies of listed articles, fetched from the node. */
  bodies: ReadonlyMap<string, DocBlock[]>;
}

/** What could not be stored yet: listed articles without a body, and the annotations on them. */
export interface Held {
  documentIds: string[];
  annotations: Touched;
}

/** Listed articles fetched and stored per step (one request, one transaction). */
const FETCH_STEP = MAX_IDS_PER_REQUEST;

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
  { records: batch, documentIds, settingKeys, bodies }: RemoteBatch,
  markRemote: (tx: Transaction) => void,
  onProblem: (message: string) => void,
): Promise<Held> {
  const held: Held = { documentIds: [], annotations: new Map() };
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
    // Listed articles the library lacks and no body came for: not stored yet, nor their annotations.
    const annotationDocuments = [...(batch.find(([kind]) => kind === 'annotations')?.[1].keys() ?? [])]
      .map((id) => readRecord(doc, 'annotations', id)?.documentId)
      .filter((id): id is string => id !== undefined);
    const lacksBody = (id: string): boolean => needsBody(doc, id) && !bodies.has(id);
    const bodiless = documentIds.filter(lacksBody);
    const localBodies = new Map(
      (await db.documents.bulkGet(bodiless))
        .filter((d): d is DocumentRecord => d !== undefined)
        .map((d) => [d.id, d.blocks]),
    );
    const asked = new Set(bodiless);
    const annotated = [...new Set(annotationDocuments)].filter((id) => lacksBody(id) && !asked.has(id));
    const present = new Set(
      annotated.length ? await db.documents.where(':id').anyOf(annotated).primaryKeys() : [],
    );
    const unavailable = new Set(
      [...bodiless, ...annotated].filter((id) => !localBodies.has(id) && !present.has(id)),
    );
    held.documentIds.push(...unavailable);
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
        if (record && kind === 'annotations' && unavailable.has((record as AnnotationRecord).documentId)) {
          held.annotations.set(id, change);
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
    const documents: DocumentRecord[] = [];
    for (const id of documentIds) {
      if (!documentsOf(doc).has(id)) continue;
      if (unavailable.has(id)) continue;
      const record = checked(documentRecord, readDocument(doc, id, bodies.get(id) ?? localBodies.get(id)));
      if (record) documents.push(record);
      else onProblem('An article from the desk was malformed and was left out.');
    }
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
  return held;
}

/**
 * Stores `batch`, fetching the bodies of the listed articles it touches that the library lacks
 * (`fetch` gives the verified ones it could get) a step at a time: each step one transaction, with
 * the annotations on its articles. Returns what is still waiting for a body, and how many came.
 */
export async function writeRemoteInSteps(
  db: ClaimdeskDb,
  doc: Y.Doc,
  tables: Record<FieldKind, Table>,
  batch: Omit<RemoteBatch, 'bodies'>,
  fetch: (ids: string[]) => Promise<ReadonlyMap<string, DocBlock[]>>,
  markRemote: (tx: Transaction) => void,
  onProblem: (message: string) => void,
): Promise<{ held: Held; arrived: number }> {
  const stubs = batch.documentIds.filter((id) => needsBody(doc, id));
  const stored = new Set(stubs.length ? await db.documents.where(':id').anyOf(stubs).primaryKeys() : []);
  const lacking = stubs.filter((id) => !stored.has(id));
  const later = new Set(lacking);
  let step: RemoteBatch = {
    ...batch,
    documentIds: batch.documentIds.filter((id) => !later.has(id)),
    bodies: new Map(),
  };
  const held: Held = { documentIds: [], annotations: new Map() };
  const arrived = new Set<string>();
  for (let at = 0; at === 0 || at < lacking.length; at += FETCH_STEP) {
    const ids = lacking.slice(at, at + FETCH_STEP);
    const bodies = await fetch(ids);
    for (const id of bodies.keys()) arrived.add(id);
    const left = await writeRemoteBatch(
      db,
      doc,
      tables,
      { ...step, documentIds: [...step.documentIds, ...ids], bodies },
      markRemote,
      onProblem,
    );
    held.documentIds.push(...left.documentIds);
    held.annotations = left.annotations;
    // Annotations on articles of later steps are tried again with them.
    step = { records: [['annotations', left.annotations]], documentIds: [], settingKeys: [], bodies };
  }
  // Still waiting: what no step brought (a later step's articles were waiting in earlier ones).
  held.documentIds = [...new Set(held.documentIds)].filter((id) => !arrived.has(id));
  return { held, arrived: arrived.size };
}
