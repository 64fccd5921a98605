// One row of the Labels dialog: the label's key, name, colour, order buttons, use count, merge
// choice and delete button. Writes go through the callbacks; the row keeps only its drafts.
import { useState, type KeyboardEvent, type ReactElement } from 'react';
import type { LabelRecord } from '../../../src-shared/model';
import { ColorField } from './LabelColorField';
import type { LabelInList } from './LabelConfirmation';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

interface RowProps extends LabelInList {
  index: number;
  mergeInto: string;
  onRename: (name: string) => Promise<boolean>;
  onRecolor: (color: string) => void;
  onMove: (by: -1 | 1) => void;
  onMerge: (intoId: string) => void;
  onDelete: () => void;
}

export function LabelRow({
  label,
  index,
  labels,
  count,
  mergeInto,
  onRename,
  onRecolor,
  onMove,
  onMerge,
  onDelete,
}: RowProps): ReactElement {
  const [draft, setDraft] = useState(label.name);
  const [shownName, setShownName] = useState(label.name);
  const { refused, limit } = useTextLimits();
  // A rename, or another window's, replaces the draft once it is stored.
  if (label.name !== shownName) {
    setShownName(label.name);
    setDraft(label.name);
  }

  const commitName = async (): Promise<void> => {
    if (draft.trim() === label.name) return setDraft(label.name);
    if (!(await onRename(draft))) setDraft(label.name);
  };

  const onNameKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commitName();
    } else if (event.key === 'Escape' && draft !== label.name) {
      // The first Escape abandons the edit; the next one closes the dialog.
      event.preventDefault();
      setDraft(label.name);
    }
  };

  const first = index === 0;
  const last = index === labels.length - 1;
  const others = labels.filter((l) => l.id !== label.id);
  return (
    <tr>
      <td className="cd-labels-key">{index < 9 ? <kbd>{index + 1}</kbd> : <span>none</span>}</td>
      <td>
        <input
          type="text"
          className="cd-labels-name"
          aria-label={`Name of label ${index + 1}`}
          data-focus={`name:${label.id}`}
          dir="auto"
          {...limit(
            { value: draft, onChange: (event) => setDraft(event.currentTarget.value) },
            'A label name',
            TEXT_LIMITS.labelName,
          )}
          onBlur={() => void commitName()}
          onKeyDown={onNameKey}
        />
        <LimitAlert message={refused} />
      </td>
      <td>
        <ColorField color={label.color} name={label.name} sample={label.name} onCommit={onRecolor} />
      </td>
      <td className="cd-labels-move">
        <MoveButton label={label} direction="up" inert={first} onMove={() => onMove(-1)} />
        <MoveButton label={label} direction="down" inert={last} onMove={() => onMove(1)} />
      </td>
      <td className="cd-labels-count">{count}</td>
      <td>
        <select
          aria-label={`Merge ${label.name} into`}
          data-focus={`merge:${label.id}`}
          value={mergeInto}
          disabled={others.length === 0}
          onChange={(event) => onMerge(event.currentTarget.value)}
        >
          <option value="">Merge into…</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button
          type="button"
          aria-label={`Delete ${label.name}`}
          data-focus={`delete:${label.id}`}
          disabled={others.length === 0}
          title={others.length === 0 ? 'A library needs at least one label' : undefined}
          onClick={onDelete}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

interface MoveProps {
  label: LabelRecord;
  direction: 'up' | 'down';
  /** At the end of the list: still focusable, so focus is not lost when a label reaches it. */
  inert: boolean;
  onMove: () => void;
}

function MoveButton({ label, direction, inert, onMove }: MoveProps): ReactElement {
  return (
    <button
      type="button"
      aria-label={`Move ${label.name} ${direction}`}
      aria-disabled={inert}
      title={direction === 'up' ? 'Move up' : 'Move down'}
      data-focus={`${direction}:${label.id}`}
      onClick={() => {
        if (!inert) onMove();
      }}
    >
      {direction === 'up' ? '↑' : '↓'}
    </button>
  );
}
