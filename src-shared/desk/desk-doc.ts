// The desk's shared library as one Yjs document, and the pure functions that turn library records
// into Y.Maps and back. Environment-free: the renderer's binding, the server and the tests all
// read and write the document through these functions only, so the merge rules live here.
//
// Merge rules (README "Teams"):
// - Annotations, labels and sources are each a Y.Map of fields: two analysts changing different
//   fields of one claim both keep their change; the same field changed twice keeps one value.
// - A claim's evidence is a Y.Map of items keyed by item id, so concurrent additions both stay.
// - Deleting beats a concurrent edit: a deletion leaves a tombstone, and a record with a
//   tombstone is never written again, whatever edits arrive later from an offline copy — unless
//   a library creates it again (undo), which removes the tombstone (restoreRecord).
// - Documents (articles) are keyed by their content hash and shared once. The desk holds each
//   one's stub (id, title, metadata: article-stub.ts), never its body: a member fetches a body it
//   lacks from its node by the hash and keeps it only when it hashes to the id. A stub is read
//   back as a record only together with its verified body. A record whose id is not a content
//   hash (or whose body a node will not take) is held whole, as older desks held every article;
//   a whole record is read as it is, and a stub never replaces one carrying the same metadata
//   (members that have not fetched its body would lose it). Deleting a document leaves a
//   tombstone too; only a library adding it again (undo, opening the file again) brings it back
//   (restoreDocument).
import * as Y from 'yjs';
import type {
  AnnotationRecord,
  DocBlock,
  DocumentRecord,
  EvidenceItem,
  LabelRecord,
  SourceRecord,
} from '../model';
import { ARTICLE_ID } from './article-messages';
import { stubOf, withBody, type ArticleStub } from './article-stub';

/** The Hocuspocus document name of a desk's library. */
export const DESK_DOCUMENT = 'claimdesk-library';

export type FieldKind = 'annotations' | 'labels' | 'sources';
export const FIELD_KINDS: readonly FieldKind[] = ['annotations', 'labels', 'sources'];

export interface RecordOf {
  annotations: AnnotationRecord;
  labels: LabelRecord;
  sources: SourceRecord;
}

/** The settings that belong to the desk rather than to one analyst. */
export const DESK_SETTING_KEYS = ['organisationName', 'organisationUrl'] as const;

export interface Tombstone {
  at: string;
  by: string;
}

type Fields = Y.Map<unknown>;

const EVIDENCE = 'evidence';

export const rootOf = (doc: Y.Doc, kind: FieldKind): Y.Map<Fields> => doc.getMap<Fields>(kind);
/** What the desk holds of a document: its stub, or (older desks, unhashed ids) the whole record. */
export type SharedDocument = ArticleStub | DocumentRecord;
export const documentsOf = (doc: Y.Doc): Y.Map<SharedDocument> => doc.getMap<SharedDocument>('documents');
export const settingsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('settings');
export const tombstonesOf = (doc: Y.Doc): Y.Map<Tombstone> => doc.getMap<Tombstone>('deleted');

const tombstoneKey = (kind: FieldKind, id: string): string => `${kind}:${id}`;

export function isDeleted(doc: Y.Doc, kind: FieldKind, id: string): boolean {
  return tombstonesOf(doc).has(tombstoneKey(kind, id));
}

/** Structural equality of JSON-like values (what a Y.Map field holds). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

type Ordered = EvidenceItem & { order: number };

function evidenceMap(fields: Fields): Y.Map<Ordered> {
  let map = fields.get(EVIDENCE);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<unknown>();
    fields.set(EVIDENCE, map);
  }
  return map as Y.Map<Ordered>;
}

function writeEvidence(fields: Fields, items: readonly EvidenceItem[]): void {
  const evidence = evidenceMap(fields);
  const kept = new Set<string>();
  items.forEach((item, order) => {
    kept.add(item.id);
    const value = { ...item, order };
    if (!sameValue(evidence.get(item.id), value)) evidence.set(item.id, value);
  });
  for (const id of [...evidence.keys()]) if (!kept.has(id)) evidence.delete(id);
}

/**
 * Writes only the items a local edit from `before` to `items` changed: removed items go, edited
 * items are replaced, added items are placed between their neighbours' positions. Items the edit
 * left alone are not written, so another copy's concurrent change to them stays.
 */
function writeEvidenceChanges(
  fields: Fields,
  before: readonly EvidenceItem[],
  items: readonly EvidenceItem[],
): void {
  const evidence = evidenceMap(fields);
  const was = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(items.map((item) => item.id));
  for (const id of was.keys()) if (!kept.has(id)) evidence.delete(id);
  const orderOf = (id: string | undefined): number | undefined =>
    id === undefined ? undefined : evidence.get(id)?.order;
  items.forEach((item, index) => {
    const old = was.get(item.id);
    if (old && sameValue(old, item)) return;
    let order = evidence.get(item.id)?.order;
    if (order === undefined) {
      const previous = orderOf(items[index - 1]?.id);
      const next = orderOf(items[index + 1]?.id);
      const orders = [...evidence.values()].map((e) => e.order);
      if (previous !== undefined && next !== undefined) order = (previous + next) / 2;
      else if (previous !== undefined) order = previous + 1;
      else if (next !== undefined) order = next - 1;
      else order = orders.length > 0 ? Math.max(...orders) + 1 : index;
    }
    evidence.set(item.id, { ...item, order });
  });
}

function readEvidence(value: unknown): EvidenceItem[] {
  if (!(value instanceof Y.Map)) return [];
  const items = [...(value as Y.Map<EvidenceItem & { order: number }>).values()];
  items.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return items.map(({ order: _order, ...item }) => item);
}

/**
 * Writes the named fields of `record` (every field when `fields` is left out) into the desk,
 * skipping values already there so an echo of a remote change writes nothing. Given the record
 * as it was `before` the local write, a claim's evidence is written item by item (only the items
 * that write changed). Returns false, writing nothing, when the record was deleted on the desk.
 */
export function writeRecord<K extends FieldKind>(
  doc: Y.Doc,
  kind: K,
  record: RecordOf[K],
  fields?: readonly string[],
  before?: RecordOf[K],
): boolean {
  if (isDeleted(doc, kind, record.id)) return false;
  // One Yjs transaction per record: one update to store and send, not one per field.
  doc.transact(() => writeFields(doc, kind, record, fields, before));
  return true;
}

function writeFields<K extends FieldKind>(
  doc: Y.Doc,
  kind: K,
  record: RecordOf[K],
  fields: readonly string[] | undefined,
  before: RecordOf[K] | undefined,
): void {
  const root = rootOf(doc, kind);
  let map = root.get(record.id);
  if (!map) {
    map = new Y.Map<unknown>();
    root.set(record.id, map);
    fields = undefined;
  }
  const values = record as unknown as Record<string, unknown>;
  for (const field of fields ?? Object.keys(values)) {
    if (field === 'id') continue;
    const value = values[field];
    if (kind === 'annotations' && field === EVIDENCE) {
      const items = (value ?? []) as EvidenceItem[];
      const was = (before as AnnotationRecord | undefined)?.evidence;
      if (was && fields) writeEvidenceChanges(map, was, items);
      else writeEvidence(map, items);
    } else if (value === undefined) map.delete(field);
    else if (!sameValue(map.get(field), value)) map.set(field, value);
  }
}

/**
 * Writes a record that this library created again after it was deleted (undoing a deletion is
 * deliberate, unlike an edit that crossed a deletion): the tombstone goes, the record returns.
 */
export function restoreRecord<K extends FieldKind>(doc: Y.Doc, kind: K, record: RecordOf[K]): void {
  doc.transact(() => {
    tombstonesOf(doc).delete(tombstoneKey(kind, record.id));
    writeRecord(doc, kind, record);
  });
}

export function deleteRecord(doc: Y.Doc, kind: FieldKind, id: string, tombstone: Tombstone): void {
  doc.transact(() => {
    rootOf(doc, kind).delete(id);
    tombstonesOf(doc).set(tombstoneKey(kind, id), tombstone);
  });
}

/** The record as the library stores it, or undefined when the desk does not hold it. */
export function readRecord<K extends FieldKind>(doc: Y.Doc, kind: K, id: string): RecordOf[K] | undefined {
  const map = rootOf(doc, kind).get(id);
  if (!map) return undefined;
  const record: Record<string, unknown> = { id };
  for (const [field, value] of map.entries()) {
    record[field] = kind === 'annotations' && field === EVIDENCE ? readEvidence(value) : value;
  }
  return record as unknown as RecordOf[K];
}

export function recordIds(doc: Y.Doc, kind: FieldKind): string[] {
  return [...rootOf(doc, kind).keys()];
}

const documentTombstone = (id: string): string => `documents:${id}`;

export function isDocumentDeleted(doc: Y.Doc, id: string): boolean {
  return tombstonesOf(doc).has(documentTombstone(id));
}

/** True when the desk holds the whole record, body included, not a stub. */
export const isWhole = (value: SharedDocument): value is DocumentRecord => 'blocks' in value;

/** Whether a record is shared by its hash (a stub) or must be held whole (its id is no hash). */
export const sharedByHash = (id: string): boolean => ARTICLE_ID.test(id);

/**
 * Adds or changes a document unless the desk already holds the same stub (or record, `whole`):
 * its id is its content hash, so the body needs no comparing. A document deleted on the desk is
 * not written again.
 */
export function writeDocument(doc: Y.Doc, record: DocumentRecord, whole = !sharedByHash(record.id)): void {
  if (isDocumentDeleted(doc, record.id)) return;
  const documents = documentsOf(doc);
  const held = documents.get(record.id);
  const value = whole ? record : stubOf(record);
  if (held !== undefined && sameValue(whole || !isWhole(held) ? held : stubOf(held), value)) return;
  documents.set(record.id, value);
}

/** The stub of a document the desk lists, whether it holds it whole or not. */
export function documentStub(doc: Y.Doc, id: string): ArticleStub | undefined {
  const held = documentsOf(doc).get(id);
  return held && isWhole(held) ? stubOf(held) : held;
}

/** True when the desk lists the document as a stub: its body must come from a node (or the library). */
export function needsBody(doc: Y.Doc, id: string): boolean {
  const held = documentsOf(doc).get(id);
  return held !== undefined && !isWhole(held);
}

/**
 * The record of a listed document: as the desk holds it when whole, else from its stub and
 * `blocks` (a verified body, or the library's own copy); undefined without either.
 */
export function readDocument(doc: Y.Doc, id: string, blocks?: DocBlock[]): DocumentRecord | undefined {
  const held = documentsOf(doc).get(id);
  if (!held) return undefined;
  if (isWhole(held)) return held;
  return blocks ? withBody(held, blocks) : undefined;
}

/** A document this library added again after it was deleted: the tombstone goes, the document returns. */
export function restoreDocument(doc: Y.Doc, record: DocumentRecord, whole?: boolean): void {
  doc.transact(() => {
    tombstonesOf(doc).delete(documentTombstone(record.id));
    writeDocument(doc, record, whole);
  });
}

export function deleteDocument(doc: Y.Doc, id: string, tombstone: Tombstone): void {
  doc.transact(() => {
    documentsOf(doc).delete(id);
    tombstonesOf(doc).set(documentTombstone(id), tombstone);
  });
}

/** Everything the desk holds, as plain values in a stable order: what "identical" compares. */
export function deskContents(doc: Y.Doc): Record<string, unknown> {
  const sorted = <T>(entries: [string, T][]): Record<string, T> =>
    Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const contents: Record<string, unknown> = {};
  for (const kind of FIELD_KINDS) {
    contents[kind] = sorted(recordIds(doc, kind).map((id) => [id, readRecord(doc, kind, id)]));
  }
  contents['documents'] = sorted([...documentsOf(doc).entries()]);
  contents['settings'] = sorted([...settingsOf(doc).entries()]);
  contents['deleted'] = sorted([...tombstonesOf(doc).keys()].map((k) => [k, true]));
  return contents;
}
