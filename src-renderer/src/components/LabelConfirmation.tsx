// The inline confirmation the Labels dialog shows before a merge or a delete, and what becomes of
// the annotations that use the label.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { LabelRecord } from '../../../src-shared/model';
import type { LabelDisposal } from '../db/labels';

export type Pending = { kind: 'delete'; id: string } | { kind: 'merge'; id: string; into: string };

/** A label in the list, with its neighbours and how many annotations use it. */
export interface LabelInList {
  label: LabelRecord;
  labels: readonly LabelRecord[];
  count: number;
}

interface ConfirmationProps extends LabelInList {
  pending: Pending;
  /** For a merge, the disposal is always a reassignment to the chosen label. */
  onConfirm: (disposal: LabelDisposal) => void;
  onCancel: () => void;
}

export function Confirmation({
  pending,
  label,
  labels,
  count,
  onConfirm,
  onCancel,
}: ConfirmationProps): ReactElement {
  const questionId = useId();
  const group = useRef<HTMLDivElement>(null);
  const others = labels.filter((l) => l.id !== label.id);
  const [choice, setChoice] = useState<'reassign' | 'remove'>('reassign');
  const [target, setTarget] = useState(others[Math.max(0, labels.indexOf(label) - 1)]?.id ?? '');
  const uses = `${count} annotation${count === 1 ? '' : 's'}`;

  // Focus lands on the question rather than a button, so a stray Enter cannot confirm.
  useEffect(() => group.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape') return;
    // Cancelling the keydown keeps the dialog open: Escape backs out of the confirmation first.
    event.preventDefault();
    onCancel();
  };

  const into = pending.kind === 'merge' ? labels.find((l) => l.id === pending.into) : undefined;
  const disposal = (): LabelDisposal => {
    if (pending.kind === 'merge') return { reassignTo: pending.into };
    return choice === 'reassign' && count > 0 ? { reassignTo: target } : { removeAnnotations: true };
  };
  return (
    <div
      ref={group}
      className="cd-labels-confirm"
      role="group"
      aria-labelledby={questionId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      {pending.kind === 'merge' ? (
        <p id={questionId}>
          {`Merge “${label.name}” into “${into?.name ?? ''}”? `}
          {count === 0 ? 'No annotations use it. ' : `Its ${uses} will be labelled ${into?.name ?? ''}, and `}
          {`“${label.name}” will be deleted.`}
        </p>
      ) : (
        <>
          <p id={questionId}>
            {`Delete “${label.name}”? `}
            {count === 0 ? 'No annotations use it.' : `${uses} ${count === 1 ? 'uses' : 'use'} it.`}
          </p>
          {count > 0 && (
            <fieldset>
              <legend>What becomes of its {uses}?</legend>
              <label>
                <input
                  type="radio"
                  name={`${questionId}-choice`}
                  checked={choice === 'reassign'}
                  onChange={() => setChoice('reassign')}
                />
                Reassign them to
              </label>{' '}
              <select
                aria-label="Reassign them to"
                value={target}
                onChange={(event) => {
                  setTarget(event.currentTarget.value);
                  setChoice('reassign');
                }}
              >
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
              <label>
                <input
                  type="radio"
                  name={`${questionId}-choice`}
                  checked={choice === 'remove'}
                  onChange={() => setChoice('remove')}
                />
                Remove them
              </label>
            </fieldset>
          )}
        </>
      )}
      <div className="cd-labels-actions">
        <button type="button" className="cd-labels-danger" onClick={() => onConfirm(disposal())}>
          {pending.kind === 'merge'
            ? 'Merge'
            : count > 0 && choice === 'remove'
              ? `Delete label and ${uses}`
              : 'Delete label'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
