// Deleting documents as one undoable step: the articles and their earlier versions, their
// annotations, the library rows, and a wholly deleted file's stored bytes — all back on undo.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { UndoHistory } from '../../../src-renderer/src/db/annotation-changes';
import {
  deleteDocumentsStep,
  describeDeletion,
  planDeletion,
} from '../../../src-renderer/src/db/delete-documents';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import type { ParsedArticle, ParsedFile } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

const article = (title: string, text: string, hash: string): ParsedArticle => ({
  title,
  caption: null,
  credit: null,
  author: null,
  published: null,
  direction: 'ltr',
  blocks: [{ kind: 'paragraph', text }],
  contentHash: hash,
});

const dump = (articles: ParsedArticle[]): ParsedFile => ({
  file: 'dump.txt',
  format: 'news-dump',
  encoding: 'utf-8',
  articles,
});

let db: ClaimdeskDb;
let history: UndoHistory;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`delete-documents-${++n}`);
  history = new UndoHistory(db);
  await storeParsedFile(
    db,
    dump([
      article('One', 'The mayor said the budget doubled.', 'h1'),
      article('Two', 'Rain fell all week.', 'h2'),
    ]),
    { bytes: new TextEncoder().encode('raw bytes') },
  );
  await storeParsedFile(db, { ...dump([article('Other', 'Elsewhere.', 'h3')]), file: 'other.txt' });
});
afterEach(() => db.delete());

async function annotate(id: string) {
  const document = (await db.documents.get(id))!;
  return createAnnotation(db, { document, start: 4, end: 9, labelId: 'claim', author: 'Ana' });
}

async function everything() {
  return {
    documents: await db.documents.orderBy('id').toArray(),
    annotations: await db.annotations.orderBy('id').toArray(),
    libraryFiles: await db.libraryFiles.orderBy('file').toArray(),
    files: await db.files.toArray(),
  };
}

it('counts what goes, deletes one article with its annotations, and undo restores exactly', async () => {
  await annotate('h1');
  await annotate('h1');
  await annotate('h2');
  const before = await everything();
  const plan = await planDeletion(db, ['h1']);
  expect(describeDeletion(plan)).toBe('1 article and 2 annotations');
  expect(plan.files).toEqual([]);

  const step = await history.commitStep(() => deleteDocumentsStep(db, ['h1']));
  expect(step?.label).toBe('Deleted 1 article and 2 annotations');
  expect(await db.documents.get('h1')).toBeUndefined();
  expect(await db.annotations.where('documentId').equals('h1').count()).toBe(0);
  expect((await db.libraryFiles.get('dump.txt'))?.entries.map((e) => e.id)).toEqual(['h2']);
  expect(await db.files.count()).toBe(1);

  await history.undo();
  expect(await everything()).toEqual(before);
  await history.redo();
  expect(await db.documents.get('h1')).toBeUndefined();
});

it('deleting a whole file takes its library record and stored bytes, and undo brings them back', async () => {
  await annotate('h2');
  const before = await everything();
  const plan = await planDeletion(db, ['h1', 'h2']);
  expect(plan.files).toEqual(['dump.txt']);
  await history.commitStep(() => deleteDocumentsStep(db, ['h1', 'h2']));
  expect(await db.libraryFiles.get('dump.txt')).toBeUndefined();
  expect(await db.files.count()).toBe(0);
  expect(await db.documents.count()).toBe(1);
  await history.undo();
  expect(await everything()).toEqual(before);
});

it('takes a changed article’s earlier, hidden versions with it', async () => {
  await storeParsedFile(db, dump([article('One', 'The mayor said the budget tripled.', 'h1b')]));
  expect((await db.documents.get('h1'))?.supersededBy).toBe('h1b');
  const plan = await planDeletion(db, ['h1b']);
  expect(plan.documentIds.sort()).toEqual(['h1', 'h1b']);
  expect(plan.shown).toBe(1);
  await history.commitStep(() => deleteDocumentsStep(db, ['h1b']));
  expect(await db.documents.bulkGet(['h1', 'h1b'])).toEqual([undefined, undefined]);
});

it('does nothing for documents already gone', async () => {
  expect(await history.commitStep(() => deleteDocumentsStep(db, ['nope']))).toBeNull();
  expect(history.canUndo).toBe(false);
});
