// Opened files' original bytes and the in-app Recent files list: a file can be read again with
// another encoding, or re-opened with one click, without the analyst finding it on disk again.
import type { ParsedFile } from '../../../src-shared/model';
import { sha256Hex } from '../../../src-shared/util/sha256';
import type { ClaimdeskDb, FileRecord } from './database';
import { getSetting } from './library';

export const RECENT_FILES_KEY = 'files.recent';
export const RECENT_FILES_KEPT = 10;

export interface RecentFile {
  id: string;
  name: string;
}

const fileIds = new WeakMap<Uint8Array, Promise<string>>();

/**
 * The id under which these bytes are kept: their SHA-256, taken once per bytes object. Asked
 * for as soon as a file is read, it is ready by the time the file has been parsed (a 34 MB
 * dump's digest is about 0.1 s of this thread that would otherwise follow its last article).
 */
export function fileIdOf(bytes: Uint8Array): Promise<string> {
  let id = fileIds.get(bytes);
  if (!id) {
    id = sha256Hex(bytes);
    fileIds.set(bytes, id);
  }
  return id;
}

/** The tables keepFileBytes writes. */
export const fileBytesTables = (db: ClaimdeskDb) => [db.files, db.settings] as const;

/**
 * Keeps a file's bytes (its SHA-256 is `id`) and puts it first in Recent files; run inside a
 * transaction over `fileBytesTables`. Only the latest bytes of each file name are kept —
 * documents know their file by name, and a re-opened file's older bytes would otherwise pile up.
 */
export async function keepFileBytes(
  db: ClaimdeskDb,
  file: ParsedFile,
  bytes: Uint8Array,
  id: string,
  now: Date,
): Promise<void> {
  const record: FileRecord = {
    id,
    name: file.file,
    // A view would store its whole underlying buffer: keep exactly the file's bytes.
    bytes: bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice(),
    encoding: file.encoding,
    format: file.format,
    importedAt: now.toISOString(),
  };
  await db.files
    .where('name')
    .equals(file.file)
    .and((f) => f.id !== id)
    .delete();
  await db.files.put(record);
  const recent = await getSetting<RecentFile[]>(db, RECENT_FILES_KEY, []);
  const others = recent.filter((r) => r.id !== id && r.name !== file.file);
  await db.settings.put({
    key: RECENT_FILES_KEY,
    value: [{ id, name: file.file }, ...others].slice(0, RECENT_FILES_KEPT),
  });
}

/** The stored bytes of the file with this name, if they are still kept. */
export function storedFileNamed(db: ClaimdeskDb, name: string): Promise<FileRecord | undefined> {
  return db.files.where('name').equals(name).first();
}

export function storedFile(db: ClaimdeskDb, id: string): Promise<FileRecord | undefined> {
  return db.files.get(id);
}

/** The files opened most recently, newest first, whose bytes are still stored. */
export async function recentFiles(db: ClaimdeskDb): Promise<RecentFile[]> {
  const recent = await getSetting<RecentFile[]>(db, RECENT_FILES_KEY, []);
  // Keys only: reading the records would load every file's bytes.
  const kept = new Set(
    await db.files
      .where('id')
      .anyOf(recent.map((r) => r.id))
      .primaryKeys(),
  );
  return recent.filter((r) => kept.has(r.id));
}
