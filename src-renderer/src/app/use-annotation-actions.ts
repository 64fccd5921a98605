// What the analyst does to annotations — highlight, relabel, edit, delete, undo, redo — as
// undoable batches through the one history, each write tracked for the saved indicator.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { blockOffsets } from '../../../src-shared/canonical';
import { trimRange } from '../../../src-shared/anchoring/selectors';
import type { AnnotationRecord, DocumentRecord, LabelRecord } from '../../../src-shared/model';
import type { HistoryEntry } from '../db/annotation-changes';
import { getSetting, newAnnotation } from '../db/library';
import {
  noteTyping,
  patchFrom,
  type AnnotationPatch,
  type EvidenceItemPatch,
  type PatchFrom,
} from '../db/typing-journal';
import { selectionOffsets } from '../editor/selection-offsets';
import { useLibrary } from './library-context';
import { track } from './save-state';
import { errorMessage } from '../../../src-shared/util/error-message';

/** A passage to highlight given by offsets (an accepted suggestion), rather than the selection. */
export interface HighlightAt {
  start: number;
  end: number;
  claimantId?: string | null;
}

export interface AnnotationActions {
  highlight(labelId: string, at?: HighlightAt): Promise<AnnotationRecord | null>;
  patch(
    annotation: AnnotationRecord,
    patch: AnnotationPatch | EvidenceItemPatch | PatchFrom,
    field: string,
  ): Promise<void>;
  /** Resolves to whether the deletion was saved. */
  remove(annotation: AnnotationRecord): Promise<boolean>;
  undo(): Promise<HistoryEntry | null>;
  redo(): Promise<HistoryEntry | null>;
  canUndo: boolean;
  canRedo: boolean;
}

export function useAnnotationActions(
  document: DocumentRecord | undefined,
  articleRoot: () => HTMLElement | null,
): AnnotationActions {
  const { db, history, notices } = useLibrary();
  const { onError } = notices;
  const subscribe = useCallback((l: () => void) => history.subscribe(l), [history]);
  const canUndo = useSyncExternalStore(subscribe, () => history.canUndo);
  const canRedo = useSyncExternalStore(subscribe, () => history.canRedo);

  const commit = useCallback(
    async (written: Promise<void>): Promise<boolean> => {
      try {
        await track(written);
        return true;
      } catch (error) {
        onError(`The change could not be saved: ${errorMessage(error)}`);
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
      return (await commit(history.commit([{ before: null, after: record }]))) ? record : null;
    },
    [db, history, document, articleRoot, commit],
  );

  // Each keystroke's write starts at once (not after the one before it has come back) and
  // writes only the fields it changes, onto the claim as stored in its own transaction; until
  // it has committed, the typing journal holds it (a crash loses at most the key in flight).
  const patch = useCallback(
    async (
      annotation: AnnotationRecord,
      change: AnnotationPatch | EvidenceItemPatch | PatchFrom,
      field: string,
    ) => {
      const changes = patchFrom(change);
      const modified = new Date().toISOString();
      const written = history.commitFrom(
        [annotation.id],
        ([stored]) => {
          if (!stored) throw new Error('the claim is no longer in the library');
          return [{ before: stored, after: { ...stored, ...changes(stored), modified } }];
        },
        `${annotation.id}:${field}`,
      );
      if (typeof change !== 'function') noteTyping(annotation.id, field, change, modified, written);
      await commit(written);
    },
    [history, commit],
  );

  const remove = useCallback(
    (annotation: AnnotationRecord) =>
      commit(
        history.commitFrom([annotation.id], ([stored]) => (stored ? [{ before: stored, after: null }] : [])),
      ),
    [history, commit],
  );

  const undo = useCallback(() => track(history.undo()), [history]);
  const redo = useCallback(() => track(history.redo()), [history]);

  return { highlight, patch, remove, undo, redo, canUndo, canRedo };
}

/**
 * Undo keeps old copies of annotations: after a label is merged away or deleted, replaying them
 * could bring back a label that no longer exists, so the history starts afresh.
 */
export function useHistoryResetOnLabelRemoval(labels: readonly LabelRecord[]): void {
  const { history } = useLibrary();
  const labelIds = labels.map((l) => l.id).join(' ');
  const previousLabelIds = useRef(labelIds);
  useEffect(() => {
    const before = previousLabelIds.current.split(' ');
    previousLabelIds.current = labelIds;
    if (before.some((id) => id && !labelIds.split(' ').includes(id))) history.clear();
  }, [history, labelIds]);
}
