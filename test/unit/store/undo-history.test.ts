// Undo and redo of annotation changes on fake-indexeddb: create, edit (typing merged into one
// step), relabel and delete each undo to exactly the stored state before them.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { UndoHistory } from '../../../src-renderer/src/db/annotation-changes';
import { newAnnotation } from '../../../src-renderer/src/db/library';
import { oneArticleFile } from './one-article-file';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

const file = oneArticleFile;

let db: ClaimdeskDb;
let history: UndoHistory;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`undo-${++n}`);
  history = new UndoHistory(db);
  await storeParsedFile(db, file);
});
afterEach(() => db.delete());

it('undoes and redoes create, merged edits, relabel and delete', async () => {
  const doc = (await db.documents.get('doc'))!;
  const created = newAnnotation({ document: doc, start: 7, end: 16, labelId: 'claim', author: 'Ana' });
  await history.commit([{ before: null, after: created }]);

  let current = created;
  for (const [i, notes] of ['c', 'ch', 'che', 'check'].entries()) {
    const after = { ...current, notes };
    await history.commit([{ before: current, after }], `${created.id}:notes`, 1000 + i * 100);
    current = after;
  }
  const relabelled = { ...current, labelId: 'quote' };
  await history.commit([{ before: current, after: relabelled }], `${created.id}:label`, 5000);
  await history.commit([{ before: relabelled, after: null }]);
  expect(await db.annotations.count()).toBe(0);

  await history.undo(); // delete
  expect(await db.annotations.get(created.id)).toEqual(relabelled);
  await history.undo(); // relabel
  expect((await db.annotations.get(created.id))?.labelId).toBe('claim');
  await history.undo(); // the four keystrokes, as one step
  expect((await db.annotations.get(created.id))?.notes).toBe('');
  await history.undo(); // create
  expect(await db.annotations.count()).toBe(0);
  expect(history.canUndo).toBe(false);

  await history.redo();
  await history.redo();
  expect((await db.annotations.get(created.id))?.notes).toBe('check');
  await history.commit([{ before: current, after: { ...current, notes: 'new' } }]);
  expect(history.canRedo).toBe(false);
});
