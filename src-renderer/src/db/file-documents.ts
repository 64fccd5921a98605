// A parsed file's articles as document records, and how they meet what the library holds: an
// article already stored (same content hash) is kept as it is, with its annotations; a changed
// article — same file, same title or place — becomes a new version linked to the old one, and
// the old version's annotations move to it, re-anchored (those that cannot be placed are kept
// as orphans). store-file.ts is the one caller that writes; the dry run tells the analyst first.
import type { AnnotationRecord, DocumentRecord, ParsedFile } from '../../../src-shared/model';
import { canonicalText, parsedDocBlocks } from '../../../src-shared/canonical';
import { reanchorAll } from '../../../src-shared/anchoring/anchor';
import { sameValue } from '../../../src-shared/desk/desk-doc';
import type { ClaimdeskDb } from './database';
import { libraryFileAfterImport, sameLibraryFile } from './library-groups';
import { keepAnalystDetails } from './article-details';

export function documentsFromParsedFile(file: ParsedFile, importedAt: string): DocumentRecord[] {
  return file.articles.map((_, articleIndex) => documentOfArticle(file, articleIndex, importedAt));
}

/** The document record of one of a parsed file's articles. */
export function documentOfArticle(
  file: ParsedFile,
  articleIndex: number,
  importedAt: string,
): DocumentRecord {
  const article = file.articles[articleIndex];
  if (!article) throw new RangeError(`${file.file} has no article ${articleIndex}`);
  // The import worker made the text canonical and hashed it: checked, not made again.
  const blocks = parsedDocBlocks(article);
  const record: DocumentRecord = {
    id: article.contentHash,
    sourceFile: file.file,
    articleIndex,
    title: article.title,
    caption: article.caption,
    credit: article.credit,
    author: article.author,
    published: article.published,
    direction: article.direction,
    format: file.format,
    encoding: file.encoding,
    blocks,
    text: canonicalText(blocks),
    importedAt,
  };
  // Only when the file gives them: records of files without them stay as they always were.
  if (article.url) record.url = article.url;
  if (article.siteName) record.outlet = article.siteName;
  return record;
}

export interface AddOutcome {
  /** The documents' ids in file order. */
  documentIds: string[];
  /** Annotations carried over to a changed article's new version. */
  carried: number;
  /** Of those, the ones whose text could not be found again (listed under Orphans). */
  orphaned: number;
}

/** The latest version of the same article from an earlier import of the same file, if any. */
function previousVersion(
  doc: DocumentRecord,
  earlier: readonly DocumentRecord[],
): DocumentRecord | undefined {
  const live = earlier.filter((d) => !d.supersededBy && d.id !== doc.id);
  return live.find((d) => d.title === doc.title) ?? live.find((d) => d.articleIndex === doc.articleIndex);
}

/**
 * Which stored article each changed article is a new version of: pairs of (new, old), each old
 * version claimed once. `claimed` starts with the ids that cannot be an old version.
 */
function versionPairs(
  candidates: readonly DocumentRecord[],
  earlier: readonly DocumentRecord[],
  claimed: Set<string>,
): [DocumentRecord, DocumentRecord][] {
  const pairs: [DocumentRecord, DocumentRecord][] = [];
  for (const doc of candidates) {
    const old = previousVersion(
      doc,
      earlier.filter((d) => !claimed.has(d.id)),
    );
    if (!old) continue;
    claimed.add(old.id);
    pairs.push([doc, old]);
  }
  return pairs;
}

/** A parsed file's articles that are not stored yet (once each), and stored earlier versions it reads back into. */
async function newAndRevived(
  db: ClaimdeskDb,
  docs: readonly DocumentRecord[],
): Promise<{ fresh: DocumentRecord[]; revived: DocumentRecord[]; existing: DocumentRecord[] }> {
  // One read of every key, then values only for the ids already stored: far cheaper than a
  // get per article when (as usual) most of a file's articles are new.
  const stored = new Set(await db.documents.toCollection().primaryKeys());
  const existing = (await db.documents.bulkGet(docs.filter((d) => stored.has(d.id)).map((d) => d.id))).filter(
    (d): d is DocumentRecord => d !== undefined,
  );
  // A content hash seen twice in one file is one document, at its first place.
  const fresh = new Map<string, DocumentRecord>();
  for (const d of docs) if (!stored.has(d.id) && !fresh.has(d.id)) fresh.set(d.id, d);
  // An article read back into the text of one of its replaced versions (decoding a file again
  // with the encoding it first had) brings that version back rather than opening a stale copy.
  const revived = existing.filter((d) => !!d.supersededBy);
  return { fresh: [...fresh.values()], revived, existing };
}

export interface CarryPreview {
  /** Annotations on the articles whose text would change. */
  annotated: number;
  /** Of those, the ones that would not be found in the new text (and go to Orphans). */
  orphaned: number;
}

/**
 * What storing this parsed file would do to annotations (a dry run of addWithVersions:
 * annotations re-anchored in memory, nothing written), so the analyst can be asked first.
 */
export async function previewCarriedAnnotations(db: ClaimdeskDb, file: ParsedFile): Promise<CarryPreview> {
  const docs = documentsFromParsedFile(file, new Date().toISOString());
  return db.transaction('r', db.documents, db.annotations, async () => {
    const { fresh, revived } = await newAndRevived(db, docs);
    const earlier = await db.documents.where('sourceFile').equals(file.file).toArray();
    const preview: CarryPreview = { annotated: 0, orphaned: 0 };
    for (const [doc, old] of versionPairs(
      [...fresh, ...revived],
      earlier,
      new Set(revived.map((d) => d.id)),
    )) {
      const annotations = await db.annotations.where('documentId').equals(old.id).toArray();
      preview.annotated += annotations.length;
      preview.orphaned += reanchorAll(doc.text, annotations).orphaned.length;
    }
    return preview;
  });
}

/** Moves an old version's annotations to its new version, re-anchored; writes only the fields that change. */
async function carryAnnotations(
  db: ClaimdeskDb,
  doc: DocumentRecord,
  old: DocumentRecord,
): Promise<{ carried: number; orphaned: number }> {
  const annotations = await db.annotations.where('documentId').equals(old.id).toArray();
  const { updated, orphaned } = reanchorAll(doc.text, annotations);
  const moved = [...updated, ...orphaned].map((a) => ({ ...a, documentId: doc.id }));
  const was = new Map(annotations.map((a) => [a.id, a as unknown as Record<string, unknown>]));
  await db.annotations.bulkUpdate(
    moved.map((a) => ({
      key: a.id,
      changes: Object.fromEntries(
        Object.entries(a).filter(([field, value]) => !sameValue(was.get(a.id)?.[field], value)),
      ) as Partial<AnnotationRecord>,
    })),
  );
  return { carried: moved.length, orphaned: orphaned.length };
}

/**
 * Adds a parsed file's articles next to what is stored: unchanged articles kept, changed ones
 * as new versions carrying their annotations. Run inside a transaction over documents,
 * annotations and libraryFiles.
 */
export async function addWithVersions(db: ClaimdeskDb, file: ParsedFile, now: Date): Promise<AddOutcome> {
  const docs = documentsFromParsedFile(file, now.toISOString());
  const outcome: AddOutcome = { documentIds: docs.map((d) => d.id), carried: 0, orphaned: 0 };
  const { fresh, revived, existing } = await newAndRevived(db, docs);
  // The documents this import makes earlier versions of.
  const replaced = new Set<string>();
  if (fresh.length > 0 || revived.length > 0) {
    const earlier = await db.documents.where('sourceFile').equals(file.file).toArray();
    const claimed = new Set<string>(revived.map((d) => d.id));
    for (const [doc, old] of versionPairs([...fresh, ...revived], earlier, claimed)) {
      replaced.add(old.id);
      doc.previousVersionId = old.id;
      doc.supersededBy = null;
      keepAnalystDetails(old, doc);
      await db.documents.update(old.id, { supersededBy: doc.id });
      const { carried, orphaned } = await carryAnnotations(db, doc, old);
      outcome.carried += carried;
      outcome.orphaned += orphaned;
    }
    await db.documents.bulkPut(revived);
    await db.documents.bulkAdd(fresh);
  }
  // The file's library record lists all it holds, also articles another file brought first.
  const previous = await db.libraryFiles.get(file.file);
  const firstImported = new Map(existing.map((d) => [d.id, d.importedAt]));
  const read = docs.map((d) => ({ ...d, importedAt: firstImported.get(d.id) ?? d.importedAt }));
  const record = libraryFileAfterImport(previous, read, replaced, now.toISOString());
  if (sameLibraryFile(previous, record)) return outcome;
  if (record) await db.libraryFiles.put(record);
  else await db.libraryFiles.delete(file.file);
  return outcome;
}
