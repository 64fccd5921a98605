// Stores a REFI-QDA project the import worker has read (src-main/import/qdpx.ts): its text
// sources become documents (as opening a file adds them), its codings highlights labelled by
// their code — a code the library lacks becomes a label of the code's colour. All of it is
// written in one transaction: a project that cannot be stored leaves the library as it was.
// Importing the same project again adds nothing twice.
import { fromImport } from '../../../src-shared/from-import';
import type { AnnotationRecord, ParsedFile } from '../../../src-shared/model';
import type { QdaCodings } from '../../../src-shared/qda/qda-model';
import { err, ok, type Result } from '../../../src-shared/result';
import type { ClaimdeskDb } from './database';
import { storeParsedFile } from './store-file';
import { recordIdFor, sameSpot, Vocabulary } from './w3c-attach';
import { errorMessage } from '../../../src-shared/util/error-message';
import { plural } from '../../../src-shared/util/plural';

export interface QdpxOutcome {
  /** The project's documents, in source order (already in the library or added). */
  documentIds: string[];
  documents: number;
  /** Highlights added and placed in their text, and those kept as orphans. */
  attached: number;
  orphaned: number;
  /** Highlights already in the library (an earlier import, or the library it was exported from). */
  duplicates: number;
  labelsCreated: string[];
  /** Sources left out, and why. */
  skipped: string[];
}

export async function attachQdpx(
  db: ClaimdeskDb,
  parsed: ParsedFile,
  now = new Date(),
): Promise<Result<QdpxOutcome>> {
  const { qda, ...file } = parsed;
  if (!qda) return err(`${parsed.file}: this is not a REFI-QDA project`);
  // Ids are worked out before the transaction: IndexedDB commits one that waits on Web Crypto.
  const ids = await Promise.all(qda.highlights.map((h) => recordIdFor(`urn:refi-qda:${h.externalId}`)));
  const outcome: QdpxOutcome = {
    documentIds: [],
    documents: 0,
    attached: 0,
    orphaned: 0,
    duplicates: 0,
    labelsCreated: [],
    skipped: qda.skipped,
  };
  try {
    await db.transaction('rw', [db.documents, db.annotations, db.libraryFiles, db.labels, db.sources], () =>
      store(db, file, qda, ids, outcome, now),
    );
  } catch (error) {
    const reason = errorMessage(error);
    return err(
      `${parsed.file}: the project could not be imported, and the library was left as it was: ${reason}`,
    );
  }
  return ok(outcome);
}

async function store(
  db: ClaimdeskDb,
  file: ParsedFile,
  qda: QdaCodings,
  ids: readonly string[],
  outcome: QdpxOutcome,
  now: Date,
): Promise<void> {
  const { documentIds } = await storeParsedFile(db, file, { now });
  outcome.documentIds = documentIds;
  outcome.documents = documentIds.length;
  const labels = await db.labels.orderBy('order').toArray();
  const vocabulary = new Vocabulary(db, labels, await db.sources.toArray());
  const fallback = labels[0]?.id ?? 'claim';
  const codes = new Map(qda.codes.map((c) => [c.guid, c]));
  const existing = new Set(await db.annotations.toCollection().primaryKeys());
  const spots = new Map<string, Set<string>>();
  const added: AnnotationRecord[] = [];
  const importedAt = now.toISOString();
  for (const [i, h] of qda.highlights.entries()) {
    const id = ids[i] as string;
    const documentId = documentIds[h.article];
    if (documentId === undefined) continue;
    let taken = spots.get(documentId);
    if (!taken) {
      const stored = await db.annotations.where('documentId').equals(documentId).toArray();
      taken = new Set(stored.map((a) => `${a.labelId}|${sameSpot(a.target)}`));
      spots.set(documentId, taken);
    }
    const code = h.codeGuid ? codes.get(h.codeGuid) : undefined;
    const labelId = await vocabulary.label(code?.name ?? null, fallback, code?.color ?? undefined);
    const spot = `${labelId}|${sameSpot(h.target)}`;
    if (existing.has(id) || taken.has(spot)) {
      outcome.duplicates++;
      continue;
    }
    existing.add(id);
    taken.add(spot);
    added.push(
      fromImport(h, { id, documentId, labelId, placed: h.placed ? h.target : null }, { importedAt }),
    );
    if (h.placed) outcome.attached++;
    else outcome.orphaned++;
  }
  await db.annotations.bulkAdd(added);
  outcome.labelsCreated = vocabulary.labelsCreated;
}

/** The outcome in a sentence or two for the analyst. */
export function describeQdpx(outcome: QdpxOutcome): string {
  const parts = [
    `Imported ${plural(outcome.documents, 'document')} and ${plural(outcome.attached + outcome.orphaned, 'highlight')}`,
  ];
  if (outcome.orphaned > 0)
    parts.push(`${plural(outcome.orphaned, 'highlight')} could not be placed in the text (see Orphans)`);
  if (outcome.duplicates > 0) parts.push(`${plural(outcome.duplicates, 'highlight')} already in the library`);
  if (outcome.labelsCreated.length > 0) parts.push(`new labels: ${outcome.labelsCreated.join(', ')}`);
  if (outcome.skipped.length > 0) parts.push(`left out: ${outcome.skipped.join('; ')}`);
  return `${parts.join('; ')}.`;
}
