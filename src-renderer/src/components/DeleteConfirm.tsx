// The confirmation before documents leave the library: it says how many articles and annotations
// go (and which files' stored bytes), and deletes them as one undoable step.
import { useEffect, useState, type ReactElement } from 'react';
import { useLibrary } from '../app/library-context';
import { track } from '../app/save-state';
import {
  deleteDocumentsStep,
  describeDeletion,
  planDeletion,
  type DeletionPlan,
} from '../db/delete-documents';
import { Modal } from './Modal';
import './export-dialogs.css';
import './library-menu.css';
import { errorMessage } from '../../../src-shared/util/error-message';

export interface DeleteRequest {
  documentIds: string[];
  /** What the analyst chose, in words: "this article", "all of dump.txt", "3 selected articles". */
  what: string;
}

interface Props {
  request: DeleteRequest | null;
  onClose: () => void;
}

export function DeleteConfirm({ request, onClose }: Props): ReactElement {
  const { db, history, notices } = useLibrary();
  const { onError } = notices;
  // The plan of the request it was made for: a newer request shows "Counting…" until its own.
  const [planned, setPlanned] = useState<{ request: DeleteRequest; plan: DeletionPlan } | null>(null);
  const plan = planned && planned.request === request ? planned.plan : null;
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!request) return;
    let live = true;
    planDeletion(db, request.documentIds).then(
      (p) => live && setPlanned({ request, plan: p }),
      (e: unknown) => onError(`Could not count what would be deleted: ${String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [db, request, onError]);

  const confirm = async (): Promise<void> => {
    if (!request || !plan) return;
    setBusy(true);
    try {
      const step = await track(history.commitStep(() => deleteDocumentsStep(db, plan.documentIds)));
      onClose();
      if (step) notices.onInfo(`${step.label}. Undo (Ctrl+Z) brings them back.`);
    } catch (e) {
      onError(`Nothing was deleted: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Delete from the library" open={request !== null} onClose={onClose} className="cd-xd">
      <h2>Delete {request?.what}?</h2>
      {plan ? (
        <p className="cd-delete-summary" role="status">
          {describeDeletion(plan)} will be deleted
          {plan.files.length > 0 && `, with the stored copy of ${plan.files.join(', ')}`}. Undo (Ctrl+Z)
          brings them back.
        </p>
      ) : (
        <p role="status">Counting…</p>
      )}
      <div className="cd-xd-actions">
        <button type="button" className="cd-danger" disabled={!plan || busy} onClick={() => void confirm()}>
          Delete
        </button>
        {/* Focus starts on the safe choice. */}
        <button type="button" autoFocus onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
