// Keeps the library's Dexie tables and a desk's Yjs document in step, both ways. The app goes on
// reading and writing Dexie as it always has; this binding mirrors each committed local write
// into the desk document (only the fields the write changed, so a concurrent remote change to
// another field survives), and writes each remote change into Dexie (again field by field).
//
// Local writes are seen through Dexie's table hooks and applied to Yjs when their IndexedDB
// transaction completes, so an aborted transaction never reaches the desk. Writes this binding
// makes for remote changes are marked by their IDBTransaction and never echoed back. Articles
// travel by hash (desk-articles.ts): the document gets their stubs, the node their bodies; an
// article listed on the desk that this library lacks is fetched in batches and stored with the
// annotations on it, and one the node cannot give yet is asked for again later.
import { Dexie, type Table, type Transaction } from 'dexie';
import type * as Y from 'yjs';
import {
  deleteDocument,
  deleteRecord,
  DESK_SETTING_KEYS,
  documentsOf,
  FIELD_KINDS,
  isDeleted,
  isDocumentDeleted,
  isWhole,
  needsBody,
  readRecord,
  recordIds,
  restoreDocument,
  restoreRecord,
  rootOf,
  sameValue,
  settingsOf,
  tombstonesOf,
  writeDocument,
  writeRecord,
  type FieldKind,
  type RecordOf,
  type Tombstone,
} from '../../../src-shared/desk/desk-doc';
import type { AnnotationRecord, DocumentRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from '../db/database';
import type { ArticleLink } from './article-fetch';
import { DeskArticles, WaitingForBodies } from './desk-articles';
import { writeRemoteInSteps, type Touched } from './desk-remote-write';

/** The Yjs transaction origin of this library's own changes. */
export const LOCAL_ORIGIN = 'claimdesk-local';

type LocalOp =
  | {
      kind: FieldKind;
      id: string;
      record: RecordOf[FieldKind];
      fields?: string[];
      before?: RecordOf[FieldKind];
      created?: true;
    }
  | { kind: FieldKind; id: string; deleted: true }
  | { document: DocumentRecord; created?: true }
  | { documentDeleted: string }
  | { setting: string; value: unknown };

export interface DeskBinding {
  /**
   * Merges the library and the desk: records only one side holds are copied to the other (unless
   * the desk deleted them), and where both hold a claim the later `modified` wins field by field.
   * Run when the desk document is loaded, after a first sync with the server.
   */
  reconcile(): Promise<void>;
  /** Resolves when every remote change seen so far is in Dexie (or waits for a body). */
  settled(): Promise<void>;
  /** The link to the desk node that article bodies travel on, once synced; null when it is gone. */
  setLink(link: ArticleLink | null, readOnly: boolean): void;
  /** Resolves when the bodies queued for the node so far have been answered. */
  uploaded(): Promise<void>;
  /** Listed articles whose body has not arrived yet (asked for again later). */
  waitingBodies(): number;
  unbind(): void;
}

const DESK_SETTINGS = new Set<string>(DESK_SETTING_KEYS);

function finalObject(obj: object, mods: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(obj) as Record<string, unknown>;
  for (const [keyPath, value] of Object.entries(mods)) {
    if (value === undefined) Dexie.delByKeyPath(copy, keyPath);
    else Dexie.setByKeyPath(copy, keyPath, value);
  }
  return copy;
}

export function bindDesk(
  db: ClaimdeskDb,
  doc: Y.Doc,
  member: () => string,
  onProblem: (message: string) => void = () => undefined,
): DeskBinding {
  const remoteTransactions = new WeakSet<IDBTransaction>();
  const pending = new Map<IDBTransaction, LocalOp[]>();
  const tables: Record<FieldKind, Table> = {
    annotations: db.annotations,
    labels: db.labels,
    sources: db.sources,
  };

  const isRemote = (tx: Transaction): boolean => remoteTransactions.has(tx.idbtrans);

  function queue(tx: Transaction, op: LocalOp): void {
    const idb = tx.idbtrans;
    let ops = pending.get(idb);
    if (!ops) {
      ops = [];
      pending.set(idb, ops);
      const done = (): void => {
        const committed = pending.get(idb);
        pending.delete(idb);
        if (committed) applyLocal(committed);
      };
      idb.addEventListener('complete', done);
      idb.addEventListener('abort', () => pending.delete(idb));
      idb.addEventListener('error', () => pending.delete(idb));
    }
    ops.push(op);
  }

  function applyLocal(ops: LocalOp[]): void {
    const uploads: DocumentRecord[] = [];
    doc.transact(() => {
      for (const op of ops) {
        if ('document' in op) {
          const was = documentsOf(doc).get(op.document.id);
          (op.created ? restoreDocument : writeDocument)(doc, op.document);
          // Its body goes to the node when it is new, or no longer held whole by the desk.
          if (needsBody(doc, op.document.id) && (op.created || !was || isWhole(was)))
            uploads.push(op.document);
        } else if ('documentDeleted' in op)
          deleteDocument(doc, op.documentDeleted, { at: new Date().toISOString(), by: member() });
        else if ('setting' in op) settingsOf(doc).set(op.setting, op.value);
        else if ('deleted' in op)
          deleteRecord(doc, op.kind, op.id, { at: new Date().toISOString(), by: member() });
        else if (op.created) restoreRecord(doc, op.kind, op.record);
        else writeRecord(doc, op.kind, op.record, op.fields, op.before);
      }
    }, LOCAL_ORIGIN);
    if (uploads.length > 0) articles.upload(uploads);
  }

  const articles = new DeskArticles(db, doc, onProblem, (records) =>
    doc.transact(() => {
      for (const record of records) writeDocument(doc, record, true);
    }, LOCAL_ORIGIN),
  );

  const unhooks: (() => void)[] = [];
  type Subscriber = (...args: never[]) => unknown;
  function hook(table: Table, event: 'creating' | 'updating' | 'deleting', fn: Subscriber): void {
    table.hook(event as 'creating', fn as never);
    unhooks.push(() => table.hook(event).unsubscribe(fn as never));
  }

  for (const kind of FIELD_KINDS) {
    const table = tables[kind];
    hook(table, 'creating', (id: string, obj: RecordOf[FieldKind], tx: Transaction) => {
      if (isRemote(tx)) return;
      if (kind === 'annotations') (obj as AnnotationRecord).modifiedBy = member();
      queue(tx, { kind, id, record: obj, created: true });
    });
    hook(
      table,
      'updating',
      (mods: Record<string, unknown>, id: string, obj: object, tx: Transaction): object | undefined => {
        if (isRemote(tx)) return undefined;
        const extra = kind === 'annotations' ? { modifiedBy: member() } : {};
        const all = { ...mods, ...extra };
        const fields = [...new Set(Object.keys(all).map((k) => k.split('.')[0] as string))];
        // The record as this transaction leaves it, and as it found it: only `fields` are sent,
        // and a claim's evidence only item by item.
        const record = finalObject(obj, all) as unknown as RecordOf[FieldKind];
        const before = structuredClone(obj) as RecordOf[FieldKind];
        queue(tx, { kind, id, record, fields, before });
        return extra;
      },
    );
    hook(table, 'deleting', (id: string, _obj: unknown, tx: Transaction) => {
      if (!isRemote(tx)) queue(tx, { kind, id, deleted: true });
    });
  }
  hook(db.documents, 'creating', (_id: string, obj: DocumentRecord, tx: Transaction) => {
    if (!isRemote(tx)) queue(tx, { document: obj, created: true });
  });
  hook(
    db.documents,
    'updating',
    (mods: Record<string, unknown>, _id: string, obj: object, tx: Transaction) => {
      if (!isRemote(tx)) queue(tx, { document: finalObject(obj, mods) as unknown as DocumentRecord });
    },
  );
  hook(db.documents, 'deleting', (id: string, _obj: unknown, tx: Transaction) => {
    if (!isRemote(tx)) queue(tx, { documentDeleted: id });
  });
  const onSetting = (key: string, value: unknown, tx: Transaction): void => {
    if (DESK_SETTINGS.has(key) && !isRemote(tx)) queue(tx, { setting: key, value });
  };
  hook(db.settings, 'creating', (key: string, obj: { value: unknown }, tx: Transaction) =>
    onSetting(key, obj.value, tx),
  );
  hook(db.settings, 'updating', (mods: { value?: unknown }, key: string, _o: unknown, tx: Transaction) => {
    if ('value' in mods) onSetting(key, mods.value, tx);
  });

  // ---- remote → Dexie -----------------------------------------------------------------------
  const touched: Record<FieldKind, Touched> = {
    annotations: new Map(),
    labels: new Map(),
    sources: new Map(),
  };
  const touchedDocuments = new Set<string>();
  const touchedSettings = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;

  function touch(kind: FieldKind, id: string, field: string | null): void {
    const now = touched[kind].get(id);
    if (field === null || now === 'all') touched[kind].set(id, 'all');
    else if (now) now.add(field);
    else touched[kind].set(id, new Set([field]));
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // A failed write must not stop the ones after it: the chain carries on, and says so. A
    // remote change seen while a local transaction runs is written in a transaction of its own.
    writing = Dexie.ignoreTransaction(() =>
      writing
        .then(async () => {
          scheduled = false;
          await writeRemote();
        })
        .catch((error: unknown) => {
          scheduled = false;
          onProblem(`A change from the desk could not be stored: ${String(error)}`);
        }),
    );
  }

  const observers: (() => void)[] = [];
  for (const kind of FIELD_KINDS) {
    const root = rootOf(doc, kind);
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
      if (tr.origin === LOCAL_ORIGIN) return;
      for (const event of events) {
        const keys = (event as Y.YMapEvent<unknown>).keysChanged;
        if (event.target === root) for (const id of keys) touch(kind, id, null);
        else {
          const [id, field] = event.path as [string, string | undefined];
          if (field !== undefined) touch(kind, id, field);
          else for (const f of keys) touch(kind, id, f);
        }
      }
      schedule();
    };
    root.observeDeep(observer as never);
    observers.push(() => root.unobserveDeep(observer as never));
  }
  const onKeys =
    (into: Set<string>) =>
    (event: Y.YMapEvent<unknown>, tr: Y.Transaction): void => {
      if (tr.origin === LOCAL_ORIGIN) return;
      for (const key of event.keysChanged) into.add(key);
      schedule();
    };
  for (const [map, into] of [
    [documentsOf(doc), touchedDocuments],
    [settingsOf(doc), touchedSettings],
  ] as const) {
    const observer = onKeys(into);
    map.observe(observer as never);
    observers.push(() => map.unobserve(observer as never));
  }

  // Listed articles whose body has not come yet, and the annotations on them: asked for again.
  const waiting = new WaitingForBodies(() => {
    const { documentIds, annotations } = waiting.take();
    for (const id of documentIds) touchedDocuments.add(id);
    for (const [id, change] of annotations)
      if (change === 'all') touch('annotations', id, null);
      else for (const field of change) touch('annotations', id, field);
    schedule();
  });

  const markRemote = (tx: Transaction): void => void remoteTransactions.add(tx.idbtrans);

  async function writeRemote(): Promise<void> {
    const records = FIELD_KINDS.map((kind) => [kind, new Map(touched[kind])] as const);
    FIELD_KINDS.forEach((kind) => touched[kind].clear());
    const documentIds = [...touchedDocuments];
    touchedDocuments.clear();
    const settingKeys = [...touchedSettings].filter((k) => DESK_SETTINGS.has(k));
    touchedSettings.clear();
    const { held, arrived } = await writeRemoteInSteps(
      db,
      doc,
      tables,
      { records, documentIds, settingKeys },
      (ids) => articles.fetch(ids),
      markRemote,
      onProblem,
    );
    waiting.hold(held, arrived, articles.linked);
  }

  async function reconcile(): Promise<void> {
    const locals = await Promise.all(FIELD_KINDS.map((kind) => tables[kind].toArray()));
    const documentIds = new Set(await db.documents.toCollection().primaryKeys());
    const settings = await db.settings.bulkGet([...DESK_SETTING_KEYS]);
    const missing: DocumentRecord[] = [];
    const toPush: string[] = [];
    for (const id of documentIds) {
      if (isDocumentDeleted(doc, id)) touchedDocuments.add(id);
      else if (!documentsOf(doc).has(id)) toPush.push(id);
    }
    missing.push(...((await db.documents.bulkGet(toPush)) as DocumentRecord[]));
    doc.transact(() => {
      FIELD_KINDS.forEach((kind, i) => {
        const local = new Map((locals[i] as RecordOf[FieldKind][]).map((r) => [r.id, r]));
        for (const [id, record] of local) {
          if (isDeleted(doc, kind, id)) touch(kind, id, null);
          else {
            const shared = readRecord(doc, kind, id);
            if (!shared) writeRecord(doc, kind, record);
            else if (!sameValue(shared, record)) {
              const localWins =
                kind === 'annotations' &&
                (record as AnnotationRecord).modified > (shared as AnnotationRecord).modified;
              if (localWins) writeRecord(doc, kind, record as RecordOf[typeof kind]);
              else touch(kind, id, null);
            }
          }
        }
        for (const id of recordIds(doc, kind)) if (!local.has(id)) touch(kind, id, null);
      });
      for (const d of missing) if (d) writeDocument(doc, d);
      articles.upload(missing.filter((d) => d && needsBody(doc, d.id)));
      for (const id of documentsOf(doc).keys()) if (!documentIds.has(id)) touchedDocuments.add(id);
      DESK_SETTING_KEYS.forEach((key, i) => {
        const mine = settings[i]?.value;
        if (settingsOf(doc).has(key)) {
          if (!sameValue(settingsOf(doc).get(key), mine)) touchedSettings.add(key);
        } else if (typeof mine === 'string' && mine !== '') settingsOf(doc).set(key, mine);
      });
    }, LOCAL_ORIGIN);
    schedule();
    await writing;
  }

  // A tombstone that arrives for a record the library still holds removes it here too.
  const onTombstone = (event: Y.YMapEvent<Tombstone>, tr: Y.Transaction): void => {
    if (tr.origin === LOCAL_ORIGIN) return;
    for (const key of event.keysChanged) {
      const [kind, id] = key.split(/:(.*)/s) as [FieldKind | 'documents', string];
      if (kind === 'documents') touchedDocuments.add(id);
      else if (FIELD_KINDS.includes(kind)) touch(kind, id, null);
    }
    schedule();
  };
  tombstonesOf(doc).observe(onTombstone);
  observers.push(() => tombstonesOf(doc).unobserve(onTombstone));

  return {
    reconcile,
    settled: () => writing,
    setLink(link, readOnly) {
      articles.setLink(link, readOnly);
      if (link) waiting.relinked();
    },
    uploaded: () => articles.putsSettled(),
    waitingBodies: () => waiting.documentIds.size,
    unbind() {
      waiting.stop();
      articles.setLink(null, false);
      for (const off of [...unhooks, ...observers]) off();
    },
  };
}
