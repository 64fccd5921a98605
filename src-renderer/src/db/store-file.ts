// The one route from a parsed file into the library: its articles as documents, its bytes (kept
// so it can be read again), and, for a file opened before whose articles changed, their
// annotations re-anchored in the new text (file-documents.ts). Everything goes in one
// transaction — except, when asked, a large file new to the library: its first article goes in
// a transaction of its own, so the analyst can read and highlight it at once, then the rest in
// steps short enough that the analyst's own reads and writes never wait long behind one
// 10,000-article transaction (IndexedDB runs transactions over the same tables one after
// another). Undoing a failed step is then deleting what the file added — except articles the
// analyst annotated meanwhile, which are kept and said so. A failure otherwise leaves the
// library as it was.
import type { ParsedFile } from '../../../src-shared/model';
import { isOnDesk } from '../desk/desk-setting';
import { libraryEntryOf, type ClaimdeskDb, type LibraryEntry, type LibraryFile } from './database';
import { addWithVersions, documentOfArticle, type AddOutcome } from './file-documents';
import { fileBytesTables, fileIdOf, keepFileBytes } from './files';

/** Files with more articles than this are stored in steps, when steps are asked for. */
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
 * Articles are sent to IndexedDB this many at a time, two slices outstanding: this thread builds
 * and sends the next slice while IndexedDB writes the one before, and between slices it answers
 * the reads the UI made since the last step (its live query of the open article, which Dexie
 * re-runs after every write of 50 records or more). Sent in one go, a step kept this thread busy
 * for 150 ms while those reads, and so the step behind them, waited.
 */
const SEND_SLICE = 100;

export interface StepProgress {
  /** Called once the first article is stored, with its id: it can be opened now. */
  onFirst?: (documentId: string) => void;
  /** Called after each step with the number of articles stored so far. */
  onStored?: (stored: number) => void;
}

export interface StoreOptions {
  /** The file's bytes, kept with it (Recent files, reading it again with another encoding). */
  bytes?: Uint8Array;
  /**
   * Store a large new file in steps, first article first. Not on a desk: each step would be a
   * change shared with everyone, and undoing a failed import could not be.
   */
  steps?: StepProgress;
  now?: Date;
}

export interface StoreOutcome extends AddOutcome {
  /** The file went in step by step (its first article was stored, and reported, first). */
  inSteps?: true;
}

/** Why a file was not stored; the message says what was undone and what was kept. */
export class StoreError extends Error {}

/**
 * Stores a parsed file. Resolves once all of it is stored; throws a StoreError (with the library
 * as it was, or as the message says) when it cannot be.
 */
export async function storeParsedFile(
  db: ClaimdeskDb,
  file: ParsedFile,
  { bytes, steps, now = new Date() }: StoreOptions = {},
): Promise<StoreOutcome> {
  // Hashing is not IndexedDB work: done first, it cannot end a transaction early. (Awaited only
  // when there are bytes: a caller may run this inside its own transaction.)
  const fileId = bytes ? await fileIdOf(bytes) : undefined;
  const keepBytes = async (): Promise<void> => {
    if (bytes && fileId) await keepFileBytes(db, file, bytes, fileId, now);
  };
  const writer = new ArticleWriter(db, file, now.toISOString());
  const inSteps = steps !== undefined && file.articles.length > STAGED_MIN_ARTICLES && !(await isOnDesk(db));
  const tables = [db.documents, db.annotations, db.libraryFiles, ...(bytes ? fileBytesTables(db) : [])];
  let first: AddOutcome | null;
  try {
    first = await db.transaction('rw', tables, async () => {
      if (!(await writer.isNewFile())) {
        const added = await addWithVersions(db, file, now);
        await keepBytes();
        return added;
      }
      await writer.write(0, inSteps ? 1 : writer.count);
      if (inSteps) return null;
      await keepBytes();
      return writer.outcome();
    });
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`could not be saved to the library (${String(error)}) — nothing was added`, {
      cause: error,
    });
  }
  if (first) return first;

  steps?.onFirst?.(writer.idsAt(0, 1)[0] as string);
  steps?.onStored?.(1);
  let stored = 1;
  try {
    for (let size = FIRST_SLICE; stored < writer.count; size = Math.min(2 * size, STAGE_SLICE)) {
      const to = Math.min(stored + size, writer.count);
      await db.transaction('rw', db.documents, db.libraryFiles, () => writer.write(stored, to));
      stored = to;
      steps?.onStored?.(stored);
    }
    await db.transaction('rw', fileBytesTables(db), keepBytes);
  } catch (error) {
    const undone = await undoSteps(db, file.file, writer.idsAt(0, stored));
    throw new StoreError(`could not be saved to the library (${String(error)})${undone}`, { cause: error });
  }
  return { ...writer.outcome(), inSteps: true };
}

/** Writes the articles of a file new to the library, in file order, each content hash once. */
class ArticleWriter {
  /** The place in the file of each document to store: a content hash seen twice is stored at its first. */
  private readonly places: number[];
  private readonly record: LibraryFile;

  constructor(
    private readonly db: ClaimdeskDb,
    private readonly file: ParsedFile,
    private readonly importedAt: string,
  ) {
    const firstPlace = new Map<string, number>();
    file.articles.forEach((a, i) => {
      if (!firstPlace.has(a.contentHash)) firstPlace.set(a.contentHash, i);
    });
    this.places = [...firstPlace.values()];
    this.record = { file: file.file, firstImportedAt: importedAt, entries: [] };
  }

  get count(): number {
    return this.places.length;
  }

  idsAt(from: number, to: number): string[] {
    return this.places.slice(from, to).map((i) => this.file.articles[i]?.contentHash as string);
  }

  outcome(): AddOutcome {
    return { documentIds: this.file.articles.map((a) => a.contentHash), carried: 0, orphaned: 0 };
  }

  /** Whether nothing of the file is stored yet: no file of its name, none of its articles. */
  async isNewFile(): Promise<boolean> {
    const { db, file } = this;
    if (this.count === 0) return false;
    if ((await db.libraryFiles.get(file.file)) !== undefined) return false;
    if ((await db.documents.where('sourceFile').equals(file.file).count()) > 0) return false;
    return (await db.documents.where(':id').anyOf(this.idsAt(0, this.count)).count()) === 0;
  }

  /** Stores the documents at places [from, to) and the file's library record: run in a transaction. */
  async write(from: number, to: number): Promise<void> {
    const sending: Promise<unknown>[] = [];
    const entries: LibraryEntry[] = [];
    for (let at = from; at < to; at += SEND_SLICE) {
      // Built as they are sent: building all 10,000 first would delay the first article.
      const records = this.places
        .slice(at, Math.min(at + SEND_SLICE, to))
        .map((i) => documentOfArticle(this.file, i, this.importedAt));
      entries.push(...records.map(libraryEntryOf));
      const sent = this.db.documents.bulkAdd(records);
      sent.catch(() => undefined); // awaited below; a failure aborts the step
      sending.push(sent);
      if (sending.length === 2) await sending.shift();
    }
    await Promise.all(sending);
    await this.db.libraryFiles.put({ ...this.record, entries: [...this.record.entries, ...entries] });
    this.record.entries.push(...entries);
  }
}

/**
 * Removes the articles a failed stepped store stored, keeping those that have annotations by
 * now, in one transaction. Says what it did, as the end of the error message.
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
