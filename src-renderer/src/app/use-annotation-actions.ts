// What the analyst does to annotations — highlight, relabel, edit, delete, undo, redo — as
// undoable batches through the one history, each write tracked for the saved indicator.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { blockOffsets } from '../../../src-shared/canonical';
import { trimRange } from '../../../src-shared/anchoring/selectors';
import type { AnnotationRecord, DocumentRecord, LabelRecord } from '../../../src-shared/model';
import type { ChangeBatch, HistoryEntry } from '../db/annotation-changes';
import { getSetting, newAnnotation } from '../db/library';
import { db, history } from '../db/instance';
import type { AnnotationPatch, PatchFrom } from '../components/ClaimEditor';
import { selectionOffsets } from '../editor/selection-offsets';
import { track } from './save-state';

/** A passage to highlight given by offsets (an accepted suggestion), rather than the selection. */
export interface HighlightAt {
  start: number;
  end: number;
  claimantId?: string | null;
}

export interface AnnotationActions {
  highlight(labelId: string, at?: HighlightAt): Promise<AnnotationRecord | null>;
  patch(annotation: AnnotationRecord, patch: AnnotationPatch | PatchFrom, field: string): Promise<void>;
  /** Resolves to whether the deletion was saved. */
  remove(annotation: AnnotationRecord): Promise<boolean>;
  undo(): Promise<HistoryEntry | null>;
  redo(): Promise<HistoryEntry | null>;
  canUndo: boolean;
  canRedo: boolean;
}

const subscribe = (l: () => void): (() => void) => history.subscribe(l);

export function useAnnotationActions(
  document: DocumentRecord | undefined,
  articleRoot: () => HTMLElement | null,
  onError: (message: string) => void,
): AnnotationActions {
  const canUndo = useSyncExternalStore(subscribe, () => history.canUndo);
  const canRedo = useSyncExternalStore(subscribe, () => history.canRedo);

  const commit = useCallback(
    async (batch: ChangeBatch | (() => Promise<ChangeBatch>), mergeKey?: string): Promise<boolean> => {
      try {
        await track(
          typeof batch === 'function' ? history.commitFrom(batch, mergeKey) : history.commit(batch, mergeKey),
        );
        return true;
      } catch (error) {
        onError(`The change could not be saved: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    },
    [onError],
  );

  const highlight = useCallback(
    async (labelId: string, at?: HighlightAt) => {
      const root = articleRoot();
      if (!document || (!root && !at)) return null;
      const offsets =
        at ?? (root && selectionOffsets(root, blockOffsets(document.blocks), window.getSelection()));
      const range = offsets && trimRange(document.text, offsets.start, offsets.end);
      if (!range) return null;
      const author = await getSetting(db, 'analystName', '');
      const made = newAnnotation({ document, ...range, labelId, author });
      const record = at?.claimantId ? { ...made, claimantId: at.claimantId } : made;
      return (await commit([{ before: null, after: record }])) ? record : null;
    },
    [document, articleRoot, commit],
  );

  // Typing queues one write per keystroke; while a field's write waits its turn, later keystrokes
  // fold into it, so a slow disk never builds a backlog that closing the window would lose.
  const waiting = useRef(new Map<string, { changes: PatchFrom; done: Promise<boolean> }>());
  const patch = useCallback(
    async (annotation: AnnotationRecord, change: AnnotationPatch | PatchFrom, field: string) => {
      const key = `${annotation.id}:${field}`;
      const next: PatchFrom = typeof change === 'function' ? change : () => change;
      const queued = waiting.current.get(key);
      if (queued) {
        const first = queued.changes;
        queued.changes = (stored) => {
          const before = first(stored);
          return { ...before, ...next({ ...stored, ...before }) };
        };
        await queued.done;
        return;
      }
      const entry = { changes: next, done: Promise.resolve(false) };
      waiting.current.set(key, entry);
      // Built from the stored record in turn, so quick successive edits build on each other.
      entry.done = commit(async () => {
        waiting.current.delete(key);
        const before = (await db.annotations.get(annotation.id)) ?? annotation;
        return [
          { before, after: { ...before, ...entry.changes(before), modified: new Date().toISOString() } },
        ];
      }, key);
      await entry.done;
    },
    [commit],
  );

  const remove = useCallback(
    (annotation: AnnotationRecord) =>
      commit(async () => {
        const before = await db.annotations.get(annotation.id);
        return before ? [{ before, after: null }] : [];
      }),
    [commit],
  );

  const undo = useCallback(() => track(history.undo()), []);
  const redo = useCallback(() => track(history.redo()), []);

  return { highlight, patch, remove, undo, redo, canUndo, canRedo };
}

/**
 * Undo keeps old copies of annotations: after a label is merged away or deleted, replaying them
 * could bring back a label that no longer exists, so the history starts afresh.
 */
export function useHistoryResetOnLabelRemoval(labels: readonly LabelRecord[]): void {
  const labelIds = labels.map((l) => l.id).join(' ');
  const previousLabelIds = useRef(labelIds);
  useEffect(() => {
    const before = previousLabelIds.current.split(' ');
    previousLabelIds.current = labelIds;
    if (before.some((id) => id && !labelIds.split(' ').includes(id))) history.clear();
  }, [labelIds]);
}
