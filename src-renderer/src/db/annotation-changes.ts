// Every change to annotations is a list of before/after pairs applied in one transaction, so
// it can be undone by applying the reverse, and a crash never leaves half of it stored.
//
// An edit (both before and after present) is written field by field: only the fields that
// differ between before and after are written, onto the record as stored when the transaction
// runs, so a change another copy (the desk) made meanwhile to another field — or to another
// evidence item — survives the edit, its undo and its redo. The same history also holds library
// steps (deleting documents, deleting or merging sources: library-steps.ts).
import type { AnnotationRecord, EvidenceItem } from '../../../src-shared/model';
import { sameValue } from '../../../src-shared/desk/desk-doc';
import type { ClaimdeskDb } from './database';
import { applyOps, type LibraryStep } from './library-steps';

export interface AnnotationChange {
  before: AnnotationRecord | null;
  after: AnnotationRecord | null;
}

export type ChangeBatch = readonly AnnotationChange[];

/** Builds a batch inside the write's transaction from the records of `ids` as stored there. */
export type BatchBuilder = (stored: readonly (AnnotationRecord | undefined)[]) => ChangeBatch;

export function reverse(batch: ChangeBatch): AnnotationChange[] {
  return [...batch].reverse().map(({ before, after }) => ({ before: after, after: before }));
}

/**
 * The evidence as stored, with the items the edit from `before` to `after` changed applied
 * to it: items it removed go, items it added come in after their neighbour, items it edited
 * take the edit; every other item stays as stored.
 */
export function mergeEvidence(
  stored: readonly EvidenceItem[],
  before: readonly EvidenceItem[],
  after: readonly EvidenceItem[],
): EvidenceItem[] {
  const was = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  const result = stored.filter((item) => !was.has(item.id) || kept.has(item.id));
  after.forEach((item, index) => {
    const old = was.get(item.id);
    if (old && sameValue(old, item)) return;
    const at = result.findIndex((i) => i.id === item.id);
    if (at >= 0) {
      result[at] = item;
      return;
    }
    const previous = index > 0 ? result.findIndex((i) => i.id === after[index - 1]?.id) : -1;
    result.splice(index === 0 ? 0 : previous >= 0 ? previous + 1 : result.length, 0, item);
  });
  return result;
}

/** The fields the edit from `before` to `after` changed, with the values to write onto `stored`. */
export function changedFields(
  before: AnnotationRecord,
  after: AnnotationRecord,
  stored: AnnotationRecord,
): Partial<AnnotationRecord> {
  const changes: Record<string, unknown> = {};
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (field === 'id' || sameValue(b[field], a[field])) continue;
    changes[field] =
      field === 'evidence' ? mergeEvidence(stored.evidence, before.evidence, after.evidence) : a[field];
  }
  return changes as Partial<AnnotationRecord>;
}

function idsOf(batch: ChangeBatch): string[] {
  return [...new Set(batch.flatMap(({ before, after }) => (after ?? before)?.id ?? []))];
}

/**
 * Applies a batch in one read-write transaction and resolves with it. Given `ids` and a
 * builder, the batch is built inside the transaction from those records as stored there, so
 * nothing can change them between the read and the write.
 */
export function applyChanges(db: ClaimdeskDb, batch: ChangeBatch): Promise<ChangeBatch>;
export function applyChanges(
  db: ClaimdeskDb,
  ids: readonly string[],
  build: BatchBuilder,
): Promise<ChangeBatch>;
export function applyChanges(
  db: ClaimdeskDb,
  batchOrIds: ChangeBatch | readonly string[],
  build?: BatchBuilder,
): Promise<ChangeBatch> {
  const ids = build ? (batchOrIds as readonly string[]) : idsOf(batchOrIds as ChangeBatch);
  const builder = build ?? (() => batchOrIds as ChangeBatch);
  return db.transaction('rw', db.annotations, db.documents, async () => {
    // Read first: the builder sees the records as the transactions before this one left them.
    const stored = await db.annotations.bulkGet([...ids]);
    const batch = builder(stored);
    const current = new Map(ids.map((id, i) => [id, stored[i]]));
    const placed = batch.flatMap(({ before, after }) =>
      after && after.documentId !== before?.documentId ? [after.documentId] : [],
    );
    const found = await db.documents.where(':id').anyOf(placed).primaryKeys();
    if (found.length < new Set(placed).size) throw new Error('the document is no longer in the library');
    for (const { before, after } of batch) {
      if (after && !before) await db.annotations.put(after);
      else if (before && !after) await db.annotations.delete(before.id);
      else if (before && after) {
        const now = current.has(after.id) ? current.get(after.id) : await db.annotations.get(after.id);
        // Gone meanwhile (deleted on the desk): a deletion beats an edit.
        if (!now) continue;
        const changes = changedFields(before, after, now);
        if (Object.keys(changes).length > 0) await db.annotations.update(after.id, changes);
        current.set(after.id, { ...now, ...changes });
      }
    }
    return batch;
  });
}

type Listener = () => void;

/** What undo and redo hand back: an annotation batch, or a library step. */
export type HistoryEntry = ChangeBatch | LibraryStep;

/**
 * One undo step: the annotations it touches (known when it is made) and its batch, once
 * written; or a library step.
 */
interface Step {
  ids: string[];
  batch: ChangeBatch | null;
  library?: LibraryStep;
}

/** Two successive writes of one step (typing in one field) as one before/after change. */
function fold(first: ChangeBatch | null, next: ChangeBatch): ChangeBatch {
  if (!first || first.length === 0) return next;
  const [a] = first;
  const [b] = next;
  if (first.length === 1 && next.length === 1 && a && b && a.after?.id === b.before?.id)
    return [{ before: a.before, after: b.after }];
  return [...first, ...next];
}

/**
 * The session's undo and redo history of annotation changes (not persisted across restarts).
 *
 * Each commit, undo and redo starts its transaction at once, when it is called: IndexedDB runs
 * transactions over the same tables in the order they were started, so writes land in the order
 * the analyst made them, and a keystroke's write is on its way before the next key is pressed
 * (none waits for the one before it to come back). A step's batch is built inside its own
 * transaction; an undo reads it inside its transaction, after the step's has completed.
 */
export class UndoHistory {
  private done: Step[] = [];
  private undone: Step[] = [];
  private lastMerge: { key: string; at: number } | null = null;
  private listeners = new Set<Listener>();

  constructor(
    private readonly db: ClaimdeskDb,
    private readonly limit = 200,
  ) {}

  /**
   * Applies a batch and records it so it can be undone. Successive batches with the same
   * `mergeKey` (typing in one field of one annotation) within `mergeWindowMs` undo as one step.
   */
  commit(batch: ChangeBatch, mergeKey?: string, now = Date.now(), mergeWindowMs = 1500): Promise<void> {
    return this.write(idsOf(batch), () => batch, mergeKey, now, mergeWindowMs);
  }

  /** Like commit, but the batch is built inside the transaction from the records of `ids`. */
  commitFrom(ids: readonly string[], build: BatchBuilder, mergeKey?: string): Promise<void> {
    return this.write([...ids], build, mergeKey, Date.now(), 1500);
  }

  /** Builds a library step from the store, applies it in one transaction, and records it. */
  async commitStep(build: () => Promise<LibraryStep | null>): Promise<LibraryStep | null> {
    const library = await build();
    if (!library) return null;
    await applyOps(this.db, library.forward);
    this.done = [...this.done.slice(-(this.limit - 1)), { ids: [], batch: null, library }];
    this.undone = [];
    this.lastMerge = null;
    this.emit();
    return library;
  }

  private write(
    ids: string[],
    build: BatchBuilder,
    mergeKey: string | undefined,
    now: number,
    mergeWindowMs: number,
  ): Promise<void> {
    const last = this.done[this.done.length - 1];
    const merge =
      mergeKey !== undefined &&
      last !== undefined &&
      this.lastMerge?.key === mergeKey &&
      now - this.lastMerge.at < mergeWindowMs;
    const step: Step = merge ? last : { ids, batch: null };
    const written = applyChanges(this.db, ids, build);
    if (!merge) this.done = [...this.done.slice(-(this.limit - 1)), step];
    this.lastMerge = mergeKey === undefined ? null : { key: mergeKey, at: now };
    this.undone = [];
    this.emit();
    return written.then(
      (batch) => {
        step.batch = fold(step.batch, batch);
        if (step.batch.length === 0) this.drop(step);
      },
      (error: unknown) => {
        if (!step.batch?.length) this.drop(step);
        throw error;
      },
    );
  }

  private drop(step: Step): void {
    if (!this.done.includes(step) && !this.undone.includes(step)) return;
    this.done = this.done.filter((s) => s !== step);
    this.undone = this.undone.filter((s) => s !== step);
    this.emit();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Undoes the last step; resolves with it (as applied forwards) so the UI can point at it. */
  undo(): Promise<HistoryEntry | null> {
    const step = this.done[this.done.length - 1];
    if (!step) return Promise.resolve(null);
    this.done = this.done.slice(0, -1);
    this.undone = [...this.undone, step];
    this.lastMerge = null;
    this.emit();
    return this.settle(
      step,
      step.library
        ? applyOps(this.db, step.library.backward)
        : applyChanges(this.db, step.ids, () => reverse(step.batch ?? [])),
      () => (this.done = [...this.done, step]),
    );
  }

  redo(): Promise<HistoryEntry | null> {
    const step = this.undone[this.undone.length - 1];
    if (!step) return Promise.resolve(null);
    this.undone = this.undone.slice(0, -1);
    this.done = [...this.done, step];
    this.lastMerge = null;
    this.emit();
    return this.settle(
      step,
      step.library
        ? applyOps(this.db, step.library.forward)
        : applyChanges(this.db, step.ids, () => step.batch ?? []),
      () => (this.undone = [...this.undone, step]),
    );
  }

  /** Resolves with the step; if the write failed, the step goes back where it was. */
  private settle(step: Step, written: Promise<unknown>, putBack: () => void): Promise<HistoryEntry | null> {
    return written.then(
      () => step.library ?? step.batch,
      (error: unknown) => {
        this.done = this.done.filter((s) => s !== step);
        this.undone = this.undone.filter((s) => s !== step);
        putBack();
        this.emit();
        throw error;
      },
    );
  }

  /** Forgets every step (after changes undo cannot safely replay, such as a deleted label). */
  clear(): void {
    this.done = [];
    this.undone = [];
    this.lastMerge = null;
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
