// Every change to annotations is a list of before/after pairs applied in one transaction, so
// it can be undone by applying the reverse, and a crash never leaves half of it stored.
import type { AnnotationRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from './database';

export interface AnnotationChange {
  before: AnnotationRecord | null;
  after: AnnotationRecord | null;
}

export type ChangeBatch = readonly AnnotationChange[];

export function reverse(batch: ChangeBatch): AnnotationChange[] {
  return [...batch].reverse().map(({ before, after }) => ({ before: after, after: before }));
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
}

type Listener = () => void;

/** The session's undo and redo history of annotation changes (not persisted across restarts). */
export class UndoHistory {
  private done: ChangeBatch[] = [];
  private undone: ChangeBatch[] = [];
  private listeners = new Set<Listener>();

  constructor(
    private readonly db: ClaimdeskDb,
    private readonly limit = 200,
  ) {}

  /** Applies a batch and records it so it can be undone. */
  async commit(batch: ChangeBatch): Promise<void> {
    if (batch.length === 0) return;
    await applyChanges(this.db, batch);
    this.done = [...this.done.slice(-(this.limit - 1)), batch];
    this.undone = [];
    this.emit();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Undoes the last batch; returns it (as applied forwards) so the UI can point at what changed. */
  async undo(): Promise<ChangeBatch | null> {
    const batch = this.done[this.done.length - 1];
    if (!batch) return null;
    await applyChanges(this.db, reverse(batch));
    this.done = this.done.slice(0, -1);
    this.undone = [...this.undone, batch];
    this.emit();
    return batch;
  }

  async redo(): Promise<ChangeBatch | null> {
    const batch = this.undone[this.undone.length - 1];
    if (!batch) return null;
    await applyChanges(this.db, batch);
    this.undone = this.undone.slice(0, -1);
    this.done = [...this.done, batch];
    this.emit();
    return batch;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
