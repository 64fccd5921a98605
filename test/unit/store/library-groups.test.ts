// Which articles the library lists under each file: every article a file holds, under that file,
// also when another file brought the same article (same content hash) into the library first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb, type LibraryFile } from '../../../src-renderer/src/db/database';
import { libraryFileAfterImport, sameLibraryFile } from '../../../src-renderer/src/db/library-groups';
import type { ParsedArticle, ParsedFile } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';
import { documentsFromParsedFile } from '../../../src-renderer/src/db/file-documents';

/** An article with a title and body only. */
const article = (title: string, hash: string): ParsedArticle => ({
  ...{ caption: null, credit: null, author: null, published: null },
  ...{ title, direction: 'ltr', contentHash: hash },
  blocks: [{ kind: 'paragraph', text: `${title} body.` }],
});

const fileOf = (name: string, ...articles: ParsedArticle[]): ParsedFile => ({
  file: name,
  format: 'news-dump',
  encoding: 'utf-8',
  articles,
});

const rows = (record: LibraryFile | undefined) =>
  record?.entries.map((e) => [e.sourceFile, e.articleIndex, e.title]);

describe('libraryFileAfterImport', () => {
  const at = '2026-12-07T10:00:00.000Z';
  const later = '2026-12-07T11:00:00.000Z';

  it('lists every article of the file under its own name and place', () => {
    const read = documentsFromParsedFile(fileOf('b.txt', article('One', 'h1'), article('Two', 'h2')), at);
    const record = libraryFileAfterImport(undefined, read, new Set(), at);
    expect(record?.file).toBe('b.txt');
    expect(record?.firstImportedAt).toBe(at);
    expect(rows(record)).toEqual([
      ['b.txt', 0, 'One'],
      ['b.txt', 1, 'Two'],
    ]);
  });

  it('lists an article twice in one file once, at its first place', () => {
    const read = documentsFromParsedFile(fileOf('b.txt', article('One', 'h1'), article('One', 'h1')), at);
    expect(rows(libraryFileAfterImport(undefined, read, new Set(), at))).toEqual([['b.txt', 0, 'One']]);
  });

  it('keeps earlier rows still live, drops replaced ones, dates the file by its first import', () => {
    const first = libraryFileAfterImport(
      undefined,
      documentsFromParsedFile(fileOf('b.txt', article('One', 'h1'), article('Two', 'h2')), at),
      new Set(),
      at,
    );
    const read = documentsFromParsedFile(fileOf('b.txt', article('One, corrected', 'h1b')), later);
    const record = libraryFileAfterImport(first, read, new Set(['h1']), later);
    expect(record?.firstImportedAt).toBe(at);
    expect(rows(record)).toEqual([
      ['b.txt', 0, 'One, corrected'],
      ['b.txt', 1, 'Two'],
    ]);
  });

  it('is undefined when nothing is left to list; same records compare equal', () => {
    const read = documentsFromParsedFile(fileOf('b.txt', article('One', 'h1')), at);
    const record = libraryFileAfterImport(undefined, read, new Set(), at);
    expect(libraryFileAfterImport(record, [], new Set(['h1']), later)).toBeUndefined();
    expect(sameLibraryFile(record, libraryFileAfterImport(record, read, new Set(), later))).toBe(true);
    expect(sameLibraryFile(record, undefined)).toBe(false);
  });
});

describe('importing files that share articles', () => {
  let db: ClaimdeskDb;
  let n = 0;
  beforeEach(() => {
    db = openDatabase(`test-library-groups-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('gives the second copy of an article a group of its own', async () => {
    await storeParsedFile(db, fileOf('economy-1256.txt', article('Economy', 'h-eco')));
    await storeParsedFile(db, fileOf('economy-utf8.txt', article('Economy', 'h-eco')));
    expect(rows(await db.libraryFiles.get('economy-utf8.txt'))).toEqual([['economy-utf8.txt', 0, 'Economy']]);
    expect(rows(await db.libraryFiles.get('economy-1256.txt'))).toEqual([['economy-1256.txt', 0, 'Economy']]);
    // Still one document, with its annotations in one place.
    expect(await db.documents.count()).toBe(1);
  });

  it('lists all three articles of a file when one came first from another file', async () => {
    await storeParsedFile(db, fileOf('utf16.txt', article('Budget', 'h-budget')));
    await storeParsedFile(
      db,
      fileOf(
        'crlf.txt',
        article('Port', 'h-port'),
        article('Budget', 'h-budget'),
        article('Water', 'h-water'),
      ),
    );
    expect(rows(await db.libraryFiles.get('crlf.txt'))).toEqual([
      ['crlf.txt', 0, 'Port'],
      ['crlf.txt', 1, 'Budget'],
      ['crlf.txt', 2, 'Water'],
    ]);
    expect(rows(await db.libraryFiles.get('utf16.txt'))).toEqual([['utf16.txt', 0, 'Budget']]);
  });

  it('writes nothing when an unchanged file is opened again', async () => {
    const parsed = fileOf('a.txt', article('One', 'h1'));
    await storeParsedFile(db, parsed, { now: new Date('2026-12-07T10:00:00Z') });
    const before = await db.libraryFiles.get('a.txt');
    await storeParsedFile(db, parsed, { now: new Date('2026-12-07T12:00:00Z') });
    expect(await db.libraryFiles.get('a.txt')).toEqual(before);
  });
});
