// Opened files' bytes (schema version 3) on fake-indexeddb: a version-2 library upgrades without
// loss, bytes are stored with their documents in one transaction, only the latest bytes of a
// file name are kept, and the Recent files list is newest first and capped.
import { createHash } from 'node:crypto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, SCHEMA_V2, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import {
  RECENT_FILES_KEPT,
  recentFiles,
  storedFile,
  storedFileNamed,
} from '../../../src-renderer/src/db/files';
import type { ParsedFile } from '../../../src-shared/model';
import { sha256Hex } from '../../../src-shared/util/sha256';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';
import { documentsFromParsedFile } from '../../../src-renderer/src/db/file-documents';

const parsedFile = (file: string, hash: string, title = 'A title'): ParsedFile => ({
  file,
  format: 'text',
  encoding: 'windows-1256',
  articles: [
    {
      title,
      caption: null,
      credit: null,
      author: null,
      published: null,
      direction: 'ltr',
      blocks: [{ kind: 'paragraph', text: `Body of ${hash}.` }],
      contentHash: hash,
    },
  ],
});
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const hexOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-files-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

it('upgrades a version-2 library to version 3 without losing a record', async () => {
  const name = 'files-upgrade-test';
  const v2 = new Dexie(name);
  v2.version(2).stores(SCHEMA_V2);
  const [doc] = documentsFromParsedFile(parsedFile('dump.txt', 'doc-1', 'T'), '2026-01-01T00:00:00.000Z');
  await v2.table('documents').add({ ...doc, previousVersionId: null, supersededBy: null });
  await v2.table('settings').put({ key: 'ui.currentDocumentId', value: 'doc-1' });
  v2.close();

  const upgraded = openDatabase(name);
  try {
    expect(upgraded.verno).toBe(6);
    expect(await upgraded.documents.get('doc-1')).toEqual({
      ...doc,
      previousVersionId: null,
      supersededBy: null,
    });
    expect(await upgraded.settings.get('ui.currentDocumentId')).toEqual({
      key: 'ui.currentDocumentId',
      value: 'doc-1',
    });
    expect(await upgraded.files.count()).toBe(0);
    expect(await recentFiles(upgraded)).toEqual([]);
  } finally {
    upgraded.close();
    await Dexie.delete(name);
  }
});

describe('stored files', () => {
  it('names bytes by their SHA-256', async () => {
    const bytes = bytesOf('مرحبا, world');
    expect(await sha256Hex(bytes)).toBe(hexOf(bytes));
  });

  it('stores the documents and the bytes together', async () => {
    const bytes = bytesOf('the file');
    const now = new Date('2026-03-01T10:00:00Z');
    const added = await storeParsedFile(db, parsedFile('a.txt', 'hash-a'), { bytes, now });
    expect(added.documentIds).toEqual(['hash-a']);
    expect(await db.documents.get('hash-a')).toMatchObject({ sourceFile: 'a.txt' });
    const stored = await storedFileNamed(db, 'a.txt');
    expect(stored).toEqual({
      id: hexOf(bytes),
      name: 'a.txt',
      bytes,
      encoding: 'windows-1256',
      format: 'text',
      importedAt: now.toISOString(),
    });
    expect(await storedFile(db, hexOf(bytes))).toEqual(stored);
  });

  it('keeps exactly the bytes of a view, not its whole buffer', async () => {
    const whole = bytesOf('xxthe filexx');
    await storeParsedFile(db, parsedFile('a.txt', 'hash-a'), { bytes: whole.subarray(2, 10) });
    const stored = await storedFileNamed(db, 'a.txt');
    expect(new TextDecoder().decode(stored?.bytes)).toBe('the file');
    expect(stored?.bytes.buffer.byteLength).toBe(8);
  });

  it('stores neither documents nor bytes when either fails', async () => {
    vi.spyOn(db.files, 'put').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(storeParsedFile(db, parsedFile('a.txt', 'hash-a'), { bytes: bytesOf('x') })).rejects.toThrow(
      'quota exceeded',
    );
    expect(await db.documents.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
    expect(await recentFiles(db)).toEqual([]);
  });

  it('keeps only the latest bytes of a file name', async () => {
    await storeParsedFile(db, parsedFile('a.txt', 'hash-1'), { bytes: bytesOf('first') });
    await storeParsedFile(db, parsedFile('a.txt', 'hash-2'), { bytes: bytesOf('second') });
    expect(await db.files.count()).toBe(1);
    expect(new TextDecoder().decode((await storedFileNamed(db, 'a.txt'))?.bytes)).toBe('second');
    expect(await recentFiles(db)).toEqual([{ id: hexOf(bytesOf('second')), name: 'a.txt' }]);
  });

  it('lists recent files newest first, each once, at most ten', async () => {
    for (let i = 0; i < RECENT_FILES_KEPT + 2; i++)
      await storeParsedFile(db, parsedFile(`f${i}.txt`, `hash-${i}`), { bytes: bytesOf(`file ${i}`) });
    await storeParsedFile(db, parsedFile('f5.txt', 'hash-5'), { bytes: bytesOf('file 5') });
    const names = (await recentFiles(db)).map((f) => f.name);
    expect(names).toEqual([
      'f5.txt',
      'f11.txt',
      'f10.txt',
      'f9.txt',
      'f8.txt',
      'f7.txt',
      'f6.txt',
      'f4.txt',
      'f3.txt',
      'f2.txt',
    ]);
  });

  it('leaves out recent files whose bytes are gone', async () => {
    await storeParsedFile(db, parsedFile('a.txt', 'hash-a'), { bytes: bytesOf('a') });
    await storeParsedFile(db, parsedFile('b.txt', 'hash-b'), { bytes: bytesOf('b') });
    await db.files.delete(hexOf(bytesOf('b')));
    expect((await recentFiles(db)).map((f) => f.name)).toEqual(['a.txt']);
  });

  it('links a re-read article to the garbled one as its new version', async () => {
    await storeParsedFile(db, parsedFile('ar.txt', 'hash-garbled', 'ÈÓã'), { bytes: bytesOf('bytes') });
    await storeParsedFile(db, parsedFile('ar.txt', 'hash-arabic', 'بسم'), { bytes: bytesOf('bytes') });
    expect(await db.documents.get('hash-arabic')).toMatchObject({ previousVersionId: 'hash-garbled' });
    expect(await db.documents.get('hash-garbled')).toMatchObject({ supersededBy: 'hash-arabic' });
    expect(await db.files.count()).toBe(1);
  });
});
