// Every change to annotations is a list of before/after pairs applied in one transaction, so
// it can be undone by applying the reverse, and a crash never leaves half of it stored.
import type { AnnotationRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from './database';
import { applyOps, type LibraryStep } from './library-steps';

export interface AnnotationChange {
  before: AnnotationRecord | null;
  after: AnnotationRecord | null;
}

export type ChangeBatch = readonly AnnotationChange[];

export function reverse(batch: ChangeBatch): AnnotationChange[] {
  return [...batch].reverse().map(({ before, after }) => ({ before: after, after: before }));
}

type BatchListener = (batch: ChangeBatch) => void;
const appliedListeners = new Set<BatchListener>();

/** Hears every batch once it is committed (the search index follows the store this way). */
export function onChangesApplied(listener: BatchListener): () => void {
  appliedListeners.add(listener);
  return () => appliedListeners.delete(listener);
}

export async function applyChanges(db: ClaimdeskDb, batch: ChangeBatch): Promise<void> {
  await db.transaction('rw', db.annotations, db.documents, async () => {
    const documentIds = [...new Set(batch.flatMap(({ after }) => (after ? [after.documentId] : [])))];
    const documents = await db.documents.bulkGet(documentIds);
    if (documents.includes(undefined)) throw new Error('the document is no longer in the library');
    for (const { before, after } of batch) {
      if (after) await db.annotations.put(after);
      else if (before) await db.annotations.delete(before.id);
    }
  });
  for (const listener of appliedListeners) listener(batch);
}

type Listener = () => void;

/** One undo step: a batch of annotation changes, or a library step (deleting, merging). */
export type HistoryEntry = ChangeBatch | LibraryStep;
const isStep = (entry: HistoryEntry): entry is LibraryStep => !Array.isArray(entry);

/** The session's undo and redo history of library changes (not persisted across restarts). */
export class UndoHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  private lastMerge: { key: string; at: number } | null = null;
  // Commits, undos and redos run one after another: an undo pressed while a change is still
  // being written must undo that change, not the one before it.
  private queue: Promise<unknown> = Promise.resolve();

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }
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
    return this.serial(() => this.commitNow(batch, mergeKey, now, mergeWindowMs));
  }

  /** Like commit, but builds the batch in turn, from the store as the changes before it left it. */
  commitFrom(build: () => Promise<ChangeBatch>, mergeKey?: string): Promise<void> {
    return this.serial(async () => this.commitNow(await build(), mergeKey, Date.now(), 1500));
  }

  /** Builds a library step from the store as the changes before it left it, applies it, and records it. */
  commitStep(build: () => Promise<LibraryStep | null>): Promise<LibraryStep | null> {
    return this.serial(async () => {
      const step = await build();
      if (!step) return null;
      await applyOps(this.db, step.forward);
      this.push(step);
      this.lastMerge = null;
      return step;
    });
  }

  private push(entry: HistoryEntry): void {
    this.done = [...this.done.slice(-(this.limit - 1)), entry];
    this.undone = [];
    this.emit();
  }

  private async commitNow(
    batch: ChangeBatch,
    mergeKey: string | undefined,
    now: number,
    mergeWindowMs: number,
  ) {
    if (batch.length === 0) return;
    await applyChanges(this.db, batch);
    const last = this.done[this.done.length - 1];
    const merge =
      mergeKey !== undefined &&
      last &&
      this.lastMerge?.key === mergeKey &&
      now - this.lastMerge.at < mergeWindowMs;
    if (merge && !isStep(last) && last.length === 1 && batch.length === 1) {
      this.done = [
        ...this.done.slice(0, -1),
        [{ before: (last[0] as AnnotationChange).before, after: (batch[0] as AnnotationChange).after }],
      ];
    } else {
      this.done = [...this.done.slice(-(this.limit - 1)), batch];
    }
    this.lastMerge = mergeKey === undefined ? null : { key: mergeKey, at: now };
    this.undone = [];
    this.emit();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Undoes the last step; returns it (as applied forwards) so the UI can point at what changed. */
  undo(): Promise<HistoryEntry | null> {
    return this.serial(() => this.undoNow());
  }

  redo(): Promise<HistoryEntry | null> {
    return this.serial(() => this.redoNow());
  }

  private async undoNow(): Promise<HistoryEntry | null> {
    const batch = this.done[this.done.length - 1];
    if (!batch) return null;
    if (isStep(batch)) await applyOps(this.db, batch.backward);
    else await applyChanges(this.db, reverse(batch));
    this.lastMerge = null;
    this.done = this.done.slice(0, -1);
    this.undone = [...this.undone, batch];
    this.emit();
    return batch;
  }

  private async redoNow(): Promise<HistoryEntry | null> {
    const batch = this.undone[this.undone.length - 1];
    if (!batch) return null;
    if (isStep(batch)) await applyOps(this.db, batch.forward);
    else await applyChanges(this.db, batch);
    this.undone = this.undone.slice(0, -1);
    this.done = [...this.done, batch];
    this.emit();
    return batch;
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
