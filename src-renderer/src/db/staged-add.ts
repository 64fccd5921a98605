// Storing a large new file in steps: its first article in a transaction of its own, so the
// analyst can read and highlight it at once, then the rest in slices short enough that the
// analyst's own reads and writes never wait long behind one 10,000-article transaction (IndexedDB
// runs transactions over the same tables one after another). Only for a file new to the library
// whose articles are all new: then undoing a failed import is deleting what it added, which is
// what happens — except articles the analyst annotated meanwhile, which are kept and said so.
import type { ParsedFile } from '../../../src-shared/model';
import { libraryEntryOf, type ClaimdeskDb, type LibraryEntry, type LibraryFile } from './database';
import { fileBytesTables, fileIdOf, keepFileBytes } from './files';
import { documentOfArticle, type AddOutcome } from './library';

/** Files with more articles than this are stored in steps. */
export const STAGED_MIN_ARTICLES = 50;
/**
 * Articles in the first step after the first article; each later step doubles it, up to
 * STAGE_SLICE. The early steps are small so that opening the first article (a read that waits
 * for the step in progress) is quick; the later ones are larger because each step costs a commit.
 */
export const FIRST_SLICE = 100;
/** The most articles in one step: about 0.45 s of IndexedDB work on the dev machine. */
export const STAGE_SLICE = 2_000;
/**
 * A step's articles are sent to IndexedDB this many at a time, two slices outstanding: this
 * thread builds and sends the next slice while IndexedDB writes the one before, and between
 * slices it answers the reads the UI made since the last step (its live query of the open
 * article, which Dexie re-runs after every write of 50 records or more). Sent in one go, a step
 * kept this thread busy for 150 ms while those reads, and so the step behind them, waited.
 */
const SEND_SLICE = 100;

export interface StagedProgress {
  /** Called once the first article is stored, with its id: it can be opened now. */
  onFirst?: (documentId: string) => void;
  /** Called after each step with the number of articles stored so far. */
  onStored?: (stored: number) => void;
}

/** Thrown when a later step fails: the message says what was undone and what was kept. */
export class StagedAddError extends Error {}

/**
 * Adds a parsed file's articles and keeps its bytes, in steps. Resolves to null, having stored
 * nothing, when the file is not a new one (a file of that name, or one of its articles, is
 * already in the library): the caller stores it in one transaction instead.
 */
export async function addNewFileInSteps(
  db: ClaimdeskDb,
  file: ParsedFile,
  bytes: Uint8Array,
  progress: StagedProgress = {},
  now = new Date(),
): Promise<AddOutcome | null> {
  const importedAt = now.toISOString();
  // A content hash seen twice in one file is one document (its first place), as in addParsedFile.
  const firstPlace = new Map<string, number>();
  file.articles.forEach((a, i) => {
    if (!firstPlace.has(a.contentHash)) firstPlace.set(a.contentHash, i);
  });
  const places = [...firstPlace.values()];
  if (places.length === 0) return null;
  const record: LibraryFile = { file: file.file, firstImportedAt: importedAt, entries: [] };
  const added: string[] = [];
  const idsAt = (from: number, to: number): string[] =>
    places.slice(from, to).map((i) => file.articles[i]?.contentHash as string);
  /** Stores the articles at places [from, to) and the file's library record: run in a transaction. */
  const store = async (from: number, to: number): Promise<void> => {
    const sending: Promise<unknown>[] = [];
    const entries: LibraryEntry[] = [];
    for (let at = from; at < to; at += SEND_SLICE) {
      // Built as they are sent: building all 10,000 first would delay the first article.
      const records = places
        .slice(at, Math.min(at + SEND_SLICE, to))
        .map((i) => documentOfArticle(file, i, importedAt));
      entries.push(...records.map(libraryEntryOf));
      const sent = db.documents.bulkAdd(records);
      sent.catch(() => undefined); // awaited below; a failure aborts the step
      sending.push(sent);
      if (sending.length === 2) await sending.shift();
    }
    await Promise.all(sending);
    await db.libraryFiles.put({ ...record, entries: [...record.entries, ...entries] });
    record.entries.push(...entries);
  };

  const isNew = await db.transaction('rw', db.documents, db.libraryFiles, async () => {
    if ((await db.libraryFiles.get(file.file)) !== undefined) return false;
    if ((await db.documents.where('sourceFile').equals(file.file).count()) > 0) return false;
    if (
      (await db.documents
        .where(':id')
        .anyOf([...firstPlace.keys()])
        .count()) > 0
    )
      return false;
    await store(0, 1);
    return true;
  });
  if (!isNew) return null;
  added.push(...idsAt(0, 1));
  progress.onFirst?.(added[0] as string);
  progress.onStored?.(added.length);

  try {
    for (
      let at = 1, size = FIRST_SLICE;
      at < places.length;
      at += size, size = Math.min(2 * size, STAGE_SLICE)
    ) {
      await db.transaction('rw', db.documents, db.libraryFiles, () => store(at, at + size));
      added.push(...idsAt(at, at + size));
      progress.onStored?.(added.length);
    }
    const fileId = await fileIdOf(bytes);
    await db.transaction('rw', fileBytesTables(db), () => keepFileBytes(db, file, bytes, fileId, now));
  } catch (error) {
    throw new StagedAddError(
      `could not be saved to the library (${String(error)})${await undoSteps(db, file.file, added)}`,
    );
  }
  return { documentIds: file.articles.map((a) => a.contentHash), carried: 0, orphaned: 0 };
}

/**
 * Removes the articles a failed staged add stored, keeping those that have annotations by now,
 * in one transaction. Says what it did, as the end of the error message.
 */
async function undoSteps(db: ClaimdeskDb, file: string, added: readonly string[]): Promise<string> {
  try {
    return await db.transaction('rw', db.documents, db.annotations, db.libraryFiles, async () => {
      const annotated = new Set(
        (
          await db.annotations
            .where('documentId')
            .anyOf([...added])
            .toArray()
        ).map((a) => a.documentId),
      );
      await db.documents.bulkDelete(added.filter((id) => !annotated.has(id)));
      const record = await db.libraryFiles.get(file);
      const entries = record?.entries.filter((e) => annotated.has(e.id)) ?? [];
      if (record && entries.length > 0) await db.libraryFiles.put({ ...record, entries });
      else await db.libraryFiles.delete(file);
      const kept = entries.length;
      return kept === 0
        ? ' — nothing was added'
        : ` — only the ${kept === 1 ? 'article' : `${kept} articles`} you annotated meanwhile ${kept === 1 ? 'was' : 'were'} kept`;
    });
  } catch (undoError) {
    return ` — and the ${added.length} articles already stored could not be removed (${String(undoError)})`;
  }
}
