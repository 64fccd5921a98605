// Undoable changes that reach beyond annotations (deleting documents, deleting or merging
// sources): a step is the record writes that make it and the writes that take it back, each
// applied in one transaction over every table it touches. Updates name only the fields they
// change, so a desk shares exactly those fields.
import type { Table } from 'dexie';
import type { ClaimdeskDb } from './database';

export type StepTable = 'documents' | 'annotations' | 'sources' | 'libraryFiles' | 'files';

export type RecordOp =
  /** A whole record stored (created, or brought back by an undo). */
  | { table: StepTable; put: object }
  | { table: StepTable; delete: string }
  /** Only these fields of the record change. */
  | { table: StepTable; update: string; fields: Record<string, unknown> };

export interface LibraryStep {
  /** What the step did, for the undo notice: "Deleted 3 documents". */
  label: string;
  forward: RecordOp[];
  backward: RecordOp[];
}

/** The reverse of a step, for redo after undo. */
export function reversed(step: LibraryStep): LibraryStep {
  return { label: step.label, forward: step.backward, backward: step.forward };
}

/** Applies the ops in order, in one transaction: runs of puts or deletes go to the table at once. */
export async function applyOps(db: ClaimdeskDb, ops: readonly RecordOp[]): Promise<void> {
  const names = [...new Set(ops.map((op) => op.table))];
  if (names.length === 0) return;
  const table = (name: StepTable): Table => db.table(name);
  await db.transaction('rw', names, async () => {
    for (let i = 0; i < ops.length;) {
      const op = ops[i] as RecordOp;
      if ('update' in op) {
        await table(op.table).update(op.update, op.fields);
        i++;
        continue;
      }
      let j = i;
      const run: RecordOp[] = [];
      for (; j < ops.length; j++) {
        const next = ops[j] as RecordOp;
        if (next.table !== op.table || 'update' in next || 'put' in next !== 'put' in op) break;
        run.push(next);
      }
      if ('put' in op) await table(op.table).bulkPut(run.map((r) => (r as { put: object }).put));
      else await table(op.table).bulkDelete(run.map((r) => (r as { delete: string }).delete));
      i = j;
    }
  });
}
