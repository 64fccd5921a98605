// The Labels dialog: rename, recolour, reorder (keys 1–9 follow the order), merge, delete and add
// labels. Destructive steps are confirmed inside the dialog, because a modal hides everything else.
import { Fragment, useEffect, useRef, useState, type ReactElement } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  addLabel,
  countAnnotationsByLabel,
  deleteLabel,
  mergeLabels,
  moveLabel,
  recolorLabel,
  renameLabel,
  type LabelDisposal,
} from '../db/labels';
import { labelsInOrder } from '../db/library';
import { useLibrary } from '../app/library-context';
import { AddLabelForm } from './AddLabelForm';
import { useRunner } from './dialog-parts';
import { Confirmation, type Pending } from './LabelConfirmation';
import { LabelRow } from './LabelRow';
import { Modal } from './Modal';
import './labels-dialog.css';

interface Props {
  open: boolean;
  onClose: () => void;
}

export function LabelsDialog({ open, onClose }: Props): ReactElement {
  return (
    <Modal label="Labels" open={open} onClose={onClose} className="cd-labels-dialog">
      <LabelsEditor onDone={onClose} />
    </Modal>
  );
}

interface EditorProps {
  onDone: () => void;
}

/** Mounted only while the dialog is open, so drafts and confirmations start afresh each time. */
function LabelsEditor({ onDone }: EditorProps): ReactElement {
  const { db } = useLibrary();
  const labels = useLiveQuery(() => labelsInOrder(db), [db]);
  const counts = useLiveQuery(() => countAnnotationsByLabel(db), [db]);
  const [pending, setPending] = useState<Pending | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // Rows re-render from the live query after a write lands, so focus is placed once they have.
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const key = focusNext.current;
    if (key === null || !root.current) return;
    const target = [...root.current.querySelectorAll<HTMLElement>('[data-focus]')].find(
      (element) => element.dataset.focus === key,
    );
    if (target) {
      focusNext.current = null;
      target.focus();
    }
  });

  // Label writes report nothing on success: the table shows the change.
  const runner = useRunner();
  // The app's notices sit under the modal's backdrop, so the dialog shows the error as well.
  const run = async (operation: () => Promise<unknown>, focus?: string): Promise<boolean> => {
    const done = await runner.run(async () => {
      await operation();
      return { ok: true, value: null };
    });
    if (done && focus !== undefined) focusNext.current = focus;
    return done;
  };

  const cancelPending = (): void => {
    if (!pending) return;
    focusNext.current = pending.kind === 'delete' ? `delete:${pending.id}` : `merge:${pending.id}`;
    setPending(null);
  };

  /** After a label goes, focus the row that took its place (or the one above, or the add form). */
  const focusAfterRemoving = (id: string): string => {
    const list = labels ?? [];
    const index = list.findIndex((l) => l.id === id);
    const next = list[index + 1] ?? list[index - 1];
    return next ? `name:${next.id}` : 'add';
  };

  const confirm = async (disposal: LabelDisposal): Promise<void> => {
    if (!pending) return;
    const { id } = pending;
    const done = await run(
      () => (pending.kind === 'merge' ? mergeLabels(db, id, pending.into) : deleteLabel(db, id, disposal)),
      focusAfterRemoving(id),
    );
    if (done) setPending(null);
  };

  const list = labels ?? [];
  return (
    <div
      ref={root}
      className="cd-labels"
      // The app's shortcuts listen on window; keys typed here must not label text behind the modal.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="cd-labels-header">
        <h2>Labels</h2>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </header>
      <p className="cd-labels-intro">
        Keys 1–9 apply the first nine labels, in this order. Merging and deleting cannot be undone.
      </p>
      {runner.error && (
        <p className="cd-labels-error" role="alert">
          {runner.error}
        </p>
      )}
      {labels && (
        <table className="cd-labels-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Name</th>
              <th scope="col">Colour</th>
              <th scope="col">Order</th>
              <th scope="col">Annotations</th>
              <th scope="col">Merge</th>
              <th scope="col">
                <span className="cd-labels-sr-only">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((label, index) => (
              <Fragment key={label.id}>
                <LabelRow
                  label={label}
                  index={index}
                  labels={list}
                  count={counts?.get(label.id) ?? 0}
                  mergeInto={pending?.kind === 'merge' && pending.id === label.id ? pending.into : ''}
                  onRename={(name) => run(() => renameLabel(db, label.id, name))}
                  onRecolor={(color) => void run(() => recolorLabel(db, label.id, color))}
                  onMove={(by) =>
                    void run(
                      () => moveLabel(db, label.id, index + by),
                      `${by < 0 ? 'up' : 'down'}:${label.id}`,
                    )
                  }
                  onMerge={(into) => setPending(into ? { kind: 'merge', id: label.id, into } : null)}
                  onDelete={() => setPending({ kind: 'delete', id: label.id })}
                />
                {pending?.id === label.id && (
                  <tr className="cd-labels-confirm-row">
                    <td colSpan={7}>
                      <Confirmation
                        pending={pending}
                        label={label}
                        labels={list}
                        count={counts?.get(label.id) ?? 0}
                        onConfirm={(disposal) => void confirm(disposal)}
                        onCancel={cancelPending}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <AddLabelForm labels={list} onAdd={(name, color) => run(() => addLabel(db, name, color), 'add')} />
    </div>
  );
}
