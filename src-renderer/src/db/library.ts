// The library's write and read operations. Each write is one Dexie transaction, so an import
// or an edit is either wholly stored or not at all.
import type { AnnotationRecord, DocumentRecord, LabelRecord, ParsedFile } from '../../../src-shared/model';
import { articleDocBlocks, canonicalText } from '../../../src-shared/canonical';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import type { ClaimdeskDb } from './database';
import { applyChanges } from './annotation-changes';

export function documentsFromParsedFile(file: ParsedFile, importedAt: string): DocumentRecord[] {
  return file.articles.map((article, articleIndex) => {
    const blocks = articleDocBlocks(article);
    return {
      id: article.contentHash,
      sourceFile: file.file,
      articleIndex,
      title: article.title,
      caption: article.caption,
      credit: article.credit,
      author: article.author,
      published: article.published,
      direction: article.direction,
      format: file.format,
      encoding: file.encoding,
      blocks,
      text: canonicalText(blocks),
      importedAt,
    };
  });
}

/**
 * Adds a parsed file's articles; an article already in the library (same content hash) is kept
 * as it is, with its annotations. Returns the documents' ids in file order.
 */
export async function addParsedFile(db: ClaimdeskDb, file: ParsedFile, now = new Date()): Promise<string[]> {
  const docs = documentsFromParsedFile(file, now.toISOString());
  await db.transaction('rw', db.documents, async () => {
    const existing = await db.documents.bulkGet(docs.map((d) => d.id));
    const fresh = docs.filter((d, i) => existing[i] === undefined);
    const unique = [...new Map(fresh.map((d) => [d.id, d])).values()];
    await db.documents.bulkAdd(unique);
  });
  return docs.map((d) => d.id);
}

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
    verdict: null,
    rationale: '',
    status: 'to-check',
    priority: 'normal',
    notes: '',
    claimantId: null,
    evidence: [],
    author,
    created: stamp,
    modified: stamp,
    orphaned: false,
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
