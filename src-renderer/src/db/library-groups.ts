// Which articles the library lists under a file. A file's group holds every article the file
// holds as it was last read — under that file's name and at its place in the file — even when
// another file brought the same article (same content hash, one document) into the library
// first: an article in two files is listed under both.
import type { DocumentRecord } from '../../../src-shared/model';
import { libraryEntryOf, type LibraryEntry, type LibraryFile } from './database';

/**
 * A file's library record after an import of it. `read` is the file's articles as this import
 * read them (documentsFromParsedFile: file order, this file's name and places; an article already
 * stored with the time it was first imported); `replaced` holds
 * the documents this import made earlier versions of. Articles an earlier import listed and this
 * one did not read stay listed while they are live. Undefined when the file lists nothing.
 */
export function libraryFileAfterImport(
  previous: LibraryFile | undefined,
  read: readonly DocumentRecord[],
  replaced: ReadonlySet<string>,
  importedAt: string,
): LibraryFile | undefined {
  const entries = new Map<string, LibraryEntry>();
  // A content hash seen twice in one file is one document, listed at its first place.
  for (const d of read) if (!entries.has(d.id)) entries.set(d.id, libraryEntryOf(d));
  const kept = (previous?.entries ?? []).filter((e) => !entries.has(e.id) && !replaced.has(e.id));
  const all = [...entries.values(), ...kept].sort((a, b) => a.articleIndex - b.articleIndex);
  if (all.length === 0) return undefined;
  const file = read[0]?.sourceFile ?? previous?.file;
  if (file === undefined) return undefined;
  // When the file was first opened (the library lists files in that order); not when an article
  // it shares with another file was, or it would be listed before files opened earlier.
  const since = previous?.firstImportedAt;
  const firstImportedAt = since !== undefined && since < importedAt ? since : importedAt;
  return { file, firstImportedAt, entries: all };
}

/** Whether two records list the same rows (a re-opened, unchanged file writes nothing). */
export function sameLibraryFile(a: LibraryFile | undefined, b: LibraryFile | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.file === b.file &&
    a.firstImportedAt === b.firstImportedAt &&
    a.entries.length === b.entries.length &&
    a.entries.every((e, i) => {
      const o = b.entries[i];
      return (
        o !== undefined &&
        o.id === e.id &&
        o.title === e.title &&
        o.sourceFile === e.sourceFile &&
        o.articleIndex === e.articleIndex &&
        o.direction === e.direction
      );
    })
  );
}
