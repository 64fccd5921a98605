// Deleting and merging sources as undoable library steps. Deleting a source leaves its claims
// without a claimant and its citations without a source; merging B into A re-points every claim
// and evidence item from B to A and keeps B's name and aliases as A's aliases. Only the fields
// that change are written (claimantId, evidence, modified; A's aliases).
import type { AnnotationRecord, SourceRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from './database';
import type { LibraryStep, RecordOp } from './library-steps';
import { cleanAliases } from './sources';

const refersToAny = (a: AnnotationRecord, ids: ReadonlySet<string>): boolean =>
  (a.claimantId !== null && ids.has(a.claimantId)) ||
  a.evidence.some((e) => e.sourceId !== null && ids.has(e.sourceId));

/** The field writes that re-point an annotation from `from` sources to `to` (null: to none). */
function repoint(
  a: AnnotationRecord,
  from: ReadonlySet<string>,
  to: string | null,
  modified: string,
): { forward: Record<string, unknown>; backward: Record<string, unknown> } {
  const forward: Record<string, unknown> = { modified };
  const backward: Record<string, unknown> = { modified: a.modified };
  if (a.claimantId !== null && from.has(a.claimantId)) {
    forward.claimantId = to;
    backward.claimantId = a.claimantId;
  }
  if (a.evidence.some((e) => e.sourceId !== null && from.has(e.sourceId))) {
    forward.evidence = a.evidence.map((e) =>
      e.sourceId !== null && from.has(e.sourceId) ? { ...e, sourceId: to } : e,
    );
    backward.evidence = a.evidence;
  }
  return { forward, backward };
}

/** Aliases after a merge: the kept source's, then each merged source's name and aliases. */
export function mergedAliases(into: SourceRecord, merged: readonly SourceRecord[]): string[] {
  return cleanAliases([...into.aliases, ...merged.flatMap((s) => [s.name, ...s.aliases])], into.name);
}

async function annotationOps(
  db: ClaimdeskDb,
  from: ReadonlySet<string>,
  to: string | null,
  now: Date,
): Promise<{ forward: RecordOp[]; backward: RecordOp[]; count: number }> {
  // A scan: no index reaches the evidence's sourceIds.
  const touched = await db.annotations.filter((a) => refersToAny(a, from)).toArray();
  const forward: RecordOp[] = [];
  const backward: RecordOp[] = [];
  for (const a of touched) {
    const fields = repoint(a, from, to, now.toISOString());
    forward.push({ table: 'annotations', update: a.id, fields: fields.forward });
    backward.push({ table: 'annotations', update: a.id, fields: fields.backward });
  }
  return { forward, backward, count: touched.length };
}

const claims = (n: number): string => `${n} claim${n === 1 ? '' : 's'}`;

/** The step that merges the `fromIds` sources into `intoId`. */
export async function mergeSourcesStep(
  db: ClaimdeskDb,
  fromIds: readonly string[],
  intoId: string,
  now = new Date(),
): Promise<LibraryStep> {
  if (fromIds.includes(intoId)) throw new Error('A source cannot be merged into itself.');
  return db.transaction('r', db.sources, db.annotations, async () => {
    const into = await db.sources.get(intoId);
    const from = (await db.sources.bulkGet([...fromIds])).filter((s): s is SourceRecord => !!s);
    if (!into || from.length !== fromIds.length)
      throw new Error('One of the sources to merge is no longer in the library.');
    const ops = await annotationOps(db, new Set(fromIds), intoId, now);
    return {
      label: `Merged ${from.map((s) => `“${s.name}”`).join(', ')} into “${into.name}” (${claims(ops.count)} moved)`,
      forward: [
        { table: 'sources', update: intoId, fields: { aliases: mergedAliases(into, from) } },
        ...ops.forward,
        ...from.map((s): RecordOp => ({ table: 'sources', delete: s.id })),
      ],
      backward: [
        ...from.map((s): RecordOp => ({ table: 'sources', put: s })),
        ...ops.backward,
        { table: 'sources', update: intoId, fields: { aliases: into.aliases } },
      ],
    };
  });
}

/** The step that deletes a source, leaving the claims it made without a claimant. */
export async function deleteSourceStep(db: ClaimdeskDb, id: string, now = new Date()): Promise<LibraryStep> {
  return db.transaction('r', db.sources, db.annotations, async () => {
    const source = await db.sources.get(id);
    if (!source) throw new Error('The source is no longer in the library.');
    const ops = await annotationOps(db, new Set([id]), null, now);
    return {
      label: `Deleted the source “${source.name}” (${claims(ops.count)} left without it)`,
      forward: [...ops.forward, { table: 'sources', delete: id }],
      backward: [{ table: 'sources', put: source }, ...ops.backward],
    };
  });
}
