// Search follows every committed write, whatever made it: an annotation the desk delivered is
// found, re-anchored annotations are listed under the article's new version, and a restore or a
// bulk write of many annotations is searched as it now stands. Fake-indexeddb, the app's own
// write functions and desk binding.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LibrarySearch, keysIn } from '../../../src-renderer/src/app/library-search';
import { UndoHistory } from '../../../src-renderer/src/db/annotation-changes';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import { readSnapshot, restoreSnapshot } from '../../../src-renderer/src/db/snapshot';
import type { ParsedFile } from '../../../src-shared/model';
import { file, highlightOn, settle, twoCopies, type Desk } from '../desk/two-copies';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

const searches: LibrarySearch[] = [];
const searchOf = (db: ClaimdeskDb): LibrarySearch => {
  const search = new LibrarySearch(db);
  searches.push(search);
  return search;
};
const found = async (search: LibrarySearch, query: string) =>
  (await search.search(query)).map((g) => [g.documentId, g.hits.map((h) => h.id)]);

let desk: Desk | null = null;
let db: ClaimdeskDb | null = null;
let n = 0;
beforeEach(() => {
  db = openDatabase(`library-search-${++n}`);
});
afterEach(async () => {
  for (const s of searches.splice(0)) s.close();
  await desk?.close();
  desk = null;
  await db?.delete();
});

it('finds an annotation the desk delivered, and its edits, once they are stored', async () => {
  desk = await twoCopies();
  const omars = searchOf(desk.b.db);
  expect(await found(omars, 'census')).toEqual([]); // the index is built now, before the claim
  const claim = await highlightOn(desk);
  await new UndoHistory(desk.a.db).commitFrom([claim.id], ([stored]) => [
    { before: stored!, after: { ...stored!, notes: 'census 2019 table 4' } },
  ]);
  await settle(desk.a, desk.b);
  expect(await found(omars, 'census')).toEqual([['hash-1', [claim.id]]]);
  await desk.a.db.annotations.delete(claim.id);
  await settle(desk.a, desk.b);
  expect(await found(omars, 'census')).toEqual([]);
});

const changed = (text: string): ParsedFile => ({
  ...file,
  articles: [{ ...file.articles[0]!, blocks: [{ kind: 'paragraph', text }], contentHash: 'hash-2' }],
});

it('lists re-anchored annotations under the article\u2019s new version', async () => {
  await storeParsedFile(db!, file);
  const search = searchOf(db!);
  const document = (await db!.documents.get('hash-1'))!;
  const claim = await createAnnotation(db!, {
    document,
    start: 4,
    end: 10,
    labelId: 'claim',
    author: 'Huda',
  });
  expect(await found(search, 'الوزير')).toEqual([['hash-1', [claim.id]]]);
  await storeParsedFile(db!, changed('قال الوزير أمس إن الميزانية تضاعفت.'));
  expect(await found(search, 'الوزير')).toEqual([['hash-2', [claim.id]]]);
  expect((await search.search('الوزير'))[0]?.title).toBe('الوزير يعلن الميزانية');
});

it('searches a restored library, and a bulk write of many annotations, as they now stand', async () => {
  await storeParsedFile(db!, file);
  const document = (await db!.documents.get('hash-1'))!;
  const claims = [];
  for (let i = 0; i < 60; i++)
    claims.push(
      await createAnnotation(db!, { document, start: 4, end: 10, labelId: 'claim', author: 'Huda' }),
    );
  const backup = await readSnapshot(db!);
  const search = searchOf(db!);
  expect((await found(search, 'الوزير'))[0]?.[1]).toHaveLength(60);
  // One write of 60 records: Dexie reports the whole table changed.
  await db!.annotations.bulkPut(claims.map((c) => ({ ...c, notes: 'checked against the gazette' })));
  expect((await found(search, 'gazette'))[0]?.[1]).toHaveLength(60);
  await db!.annotations.clear();
  expect(await found(search, 'الوزير')).toEqual([]);
  await restoreSnapshot(db!, backup);
  expect((await found(search, 'الوزير'))[0]?.[1]).toHaveLength(60);
  expect(await found(search, 'gazette')).toEqual([]);
});

it('reads the keys of a small write one by one, and a range as everything', () => {
  expect(keysIn({ from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null })).toEqual(['b', 'a']);
  expect(keysIn({ from: 'a', to: 'z', d: 1 })).toBe('all');
  expect(keysIn({ d: 0 })).toEqual([]);
});
