// The library's write and read operations. Each write is one Dexie transaction, so an import
// or an edit is either wholly stored or not at all.
import type { AnnotationRecord, DocumentRecord, LabelRecord, ParsedFile } from '../../../src-shared/model';
import { articleDocBlocks, canonicalText } from '../../../src-shared/canonical';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import type { ClaimdeskDb } from './database';

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

export function newAnnotationId(): string {
  return globalThis.crypto.randomUUID();
}

export async function createAnnotation(
  db: ClaimdeskDb,
  { document, start, end, labelId, author }: NewAnnotation,
  now = new Date(),
): Promise<AnnotationRecord> {
  const stamp = now.toISOString();
  const record: AnnotationRecord = {
    id: newAnnotationId(),
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
  await db.transaction('rw', db.annotations, db.documents, async () => {
    if (!(await db.documents.get(document.id))) throw new Error('the document is no longer in the library');
    await db.annotations.add(record);
  });
  return record;
}

export async function deleteAnnotation(db: ClaimdeskDb, id: string): Promise<void> {
  await db.annotations.delete(id);
}

export async function relabelAnnotation(
  db: ClaimdeskDb,
  id: string,
  labelId: string,
  now = new Date(),
): Promise<void> {
  await db.annotations.update(id, { labelId, modified: now.toISOString() });
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
