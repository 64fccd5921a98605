// The one route from a parsed file into the library, on fake-indexeddb. A large new file stored
// in steps: the first article is stored (and can be opened) before the rest, every article ends
// up in the library in file order with the file's bytes, and a step that fails undoes the import
// except for articles annotated meanwhile. A file that is not new, a small one and one on a desk
// go in one transaction, steps asked for or not; a failure there adds nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { recentFiles, storedFileNamed } from '../../../src-renderer/src/db/files';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import type { ParsedArticle, ParsedFile } from '../../../src-shared/model';
import { DESK_CONNECTION_KEY } from '../../../src-renderer/src/desk/desk-setting';
import {
  FIRST_SLICE,
  STAGE_SLICE,
  StoreError,
  storeParsedFile,
} from '../../../src-renderer/src/db/store-file';

const article = (i: number, hash = `hash-${i}`): ParsedArticle => ({
  title: `Article ${i}`,
  caption: null,
  credit: null,
  author: null,
  published: null,
  direction: i % 7 === 0 ? 'rtl' : 'ltr',
  blocks: [{ kind: 'paragraph', text: `Body of article ${i}.` }],
  contentHash: hash,
});
const dump = (name: string, count: number): ParsedFile => ({
  file: name,
  format: 'news-dump',
  encoding: 'utf-8',
  articles: Array.from({ length: count }, (_, i) => article(i)),
});
const bytes = new TextEncoder().encode('the dump’s bytes');
// More than one full step after the doubling ones, so every kind of step runs.
const COUNT = 1 + FIRST_SLICE * 7 + STAGE_SLICE + 5;

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-staged-${++n}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('storeParsedFile', () => {
  it('stores the first article first, then every article in file order, with the bytes', async () => {
    const file = dump('big.txt', COUNT);
    const storedWhenFirst: number[] = [];
    const counts: number[] = [];
    const added = await storeParsedFile(db, file, {
      bytes,
      steps: {
        onFirst: (id) => {
          expect(id).toBe('hash-0');
          void db.documents.count().then((c) => storedWhenFirst.push(c));
        },
        onStored: (c) => counts.push(c),
      },
    });
    expect(added.inSteps).toBe(true);
    expect(added.documentIds).toEqual(file.articles.map((a) => a.contentHash));
    expect(storedWhenFirst).toEqual([1]);
    expect(counts[0]).toBe(1);
    expect(counts.at(-1)).toBe(COUNT);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.length).toBeGreaterThan(3);

    expect(await db.documents.count()).toBe(COUNT);
    const record = await db.libraryFiles.get('big.txt');
    expect(record?.entries.map((e) => e.articleIndex)).toEqual(file.articles.map((_, i) => i));
    expect(record?.entries[7]).toMatchObject({ id: 'hash-7', title: 'Article 7', direction: 'rtl' });
    expect(await db.documents.get('hash-42')).toMatchObject({
      sourceFile: 'big.txt',
      articleIndex: 42,
      text: 'Article 42\n\nBody of article 42.',
    });
    expect(new TextDecoder().decode((await storedFileNamed(db, 'big.txt'))?.bytes)).toBe('the dump’s bytes');
    expect((await recentFiles(db)).map((f) => f.name)).toEqual(['big.txt']);
  });

  it('stores an article found twice in the file once, at its first place', async () => {
    const file = dump('twice.txt', 300);
    file.articles[250] = article(250, 'hash-3');
    await storeParsedFile(db, file, { bytes, steps: {} });
    expect(await db.documents.count()).toBe(299);
    expect((await db.documents.get('hash-3'))?.articleIndex).toBe(3);
    expect((await db.libraryFiles.get('twice.txt'))?.entries).toHaveLength(299);
  });

  it('stores a file that is not new in one transaction, steps asked for or not', async () => {
    await storeParsedFile(db, dump('big.txt', 3), { bytes });
    const onFirst = vi.fn();
    const again = await storeParsedFile(db, dump('big.txt', 300), { bytes, steps: { onFirst } });
    expect(again.inSteps).toBeUndefined();
    expect(onFirst).not.toHaveBeenCalled();
    expect(await db.documents.count()).toBe(300);

    // A new name, but one of its articles is already in the library (from another file).
    const copy = await storeParsedFile(db, dump('copy.txt', 300), { bytes, steps: { onFirst } });
    expect(copy.inSteps).toBeUndefined();
    expect(onFirst).not.toHaveBeenCalled();
    expect((await db.libraryFiles.get('copy.txt'))?.entries).toHaveLength(300);
    expect(await db.documents.count()).toBe(300);
  });

  it('stores a large new file in one transaction on a desk, where a step would be shared', async () => {
    await db.settings.put({ key: DESK_CONNECTION_KEY, value: { connected: true } });
    const onFirst = vi.fn();
    const added = await storeParsedFile(db, dump('big.txt', 300), { bytes, steps: { onFirst } });
    expect(added.inSteps).toBeUndefined();
    expect(onFirst).not.toHaveBeenCalled();
    expect(await db.documents.count()).toBe(300);
    expect((await recentFiles(db)).map((f) => f.name)).toEqual(['big.txt']);
  });

  it.each([
    ['in one transaction', dump('small.txt', 20), undefined],
    ['in steps, at its last step', dump('big.txt', COUNT), {}],
  ])('adds nothing when a file stored %s fails', async (_, file, steps) => {
    vi.spyOn(db.files, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const failed = storeParsedFile(db, file, { bytes, steps });
    await expect(failed).rejects.toThrow(StoreError);
    await expect(failed).rejects.toThrow(
      /could not be saved to the library \(Error: QuotaExceededError\) — nothing was added$/,
    );
    expect(await db.documents.count()).toBe(0);
    expect(await db.libraryFiles.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
    expect(await recentFiles(db)).toEqual([]);
  });

  it('undoes everything when one slice of a step fails while the next is being sent', async () => {
    const bulkAdd = db.documents.bulkAdd.bind(db.documents);
    let calls = 0;
    vi.spyOn(db.documents, 'bulkAdd').mockImplementation(((...args: Parameters<typeof bulkAdd>) =>
      ++calls === 5 ? Promise.reject(new Error('QuotaExceededError')) : bulkAdd(...args)) as typeof bulkAdd);
    await expect(storeParsedFile(db, dump('big.txt', COUNT), { bytes, steps: {} })).rejects.toThrow(
      /\(Error: QuotaExceededError\) — nothing was added$/,
    );
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(await db.documents.count()).toBe(0);
    expect(await db.libraryFiles.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
  });

  it('keeps the article the analyst annotated while the rest was being stored', async () => {
    const file = dump('big.txt', COUNT);
    vi.spyOn(db.files, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    let annotated: Promise<unknown> = Promise.resolve();
    const failed = storeParsedFile(db, file, {
      bytes,
      steps: {
        onFirst: (id) => {
          annotated = db.documents.get(id).then((document) =>
            createAnnotation(db, {
              document: document!,
              start: 0,
              end: 9,
              labelId: 'claim',
              author: 'Ana',
            }),
          );
        },
      },
    });
    await expect(failed).rejects.toThrow(/— only the article you annotated meanwhile was kept$/);
    await annotated;
    expect(await db.documents.toCollection().primaryKeys()).toEqual(['hash-0']);
    expect((await db.libraryFiles.get('big.txt'))?.entries.map((e) => e.id)).toEqual(['hash-0']);
    expect(await db.annotations.count()).toBe(1);
  });
});
