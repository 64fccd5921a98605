// The Labels dialog: rename, recolour, reorder (keys 1–9 follow the order), merge, delete and add
// labels. Destructive steps are confirmed inside the dialog, because a modal hides everything else.
import {
  Fragment,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  highlightContrast,
  isHexColor,
  MIN_TEXT_CONTRAST,
  nextUnusedColor,
} from '../../../src-shared/label-colors';
import type { LabelRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from '../db/database';
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
import './labels-dialog.css';

interface Props {
  db: ClaimdeskDb;
  open: boolean;
  onClose: () => void;
  onError: (message: string) => void;
}

export function LabelsDialog({ db, open, onClose, onError }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="cd-labels-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // The app's shortcuts listen on window; keys typed here must not label text behind the modal.
      onKeyDown={(event) => event.stopPropagation()}
    >
      {open && (
        <LabelsEditor db={db} titleId={titleId} onError={onError} onDone={() => dialog.current?.close()} />
      )}
    </dialog>
  );
}

type Pending = { kind: 'delete'; id: string } | { kind: 'merge'; id: string; into: string };

interface EditorProps {
  db: ClaimdeskDb;
  titleId: string;
  onError: (message: string) => void;
  onDone: () => void;
}

/** Mounted only while the dialog is open, so drafts and confirmations start afresh each time. */
function LabelsEditor({ db, titleId, onError, onDone }: EditorProps): ReactElement {
  const labels = useLiveQuery(() => labelsInOrder(db), [db]);
  const counts = useLiveQuery(() => countAnnotationsByLabel(db), [db]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
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

  const run = async (operation: () => Promise<unknown>, focus?: string): Promise<boolean> => {
    try {
      await operation();
      setError(null);
      if (focus !== undefined) focusNext.current = focus;
      return true;
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      // The app's notices sit under the modal's backdrop, so the dialog shows the error as well.
      setError(message);
      onError(message);
      return false;
    }
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
    <div ref={root} className="cd-labels">
      <header className="cd-labels-header">
        <h2 id={titleId}>Labels</h2>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </header>
      <p className="cd-labels-intro">
        Keys 1–9 apply the first nine labels, in this order. Merging and deleting cannot be undone.
      </p>
      {error && (
        <p className="cd-labels-error" role="alert">
          {error}
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

/** A label in the list, with its neighbours and how many annotations use it. */
interface LabelInList {
  label: LabelRecord;
  labels: readonly LabelRecord[];
  count: number;
}

interface RowProps extends LabelInList {
  index: number;
  mergeInto: string;
  onRename: (name: string) => Promise<boolean>;
  onRecolor: (color: string) => void;
  onMove: (by: -1 | 1) => void;
  onMerge: (intoId: string) => void;
  onDelete: () => void;
}

function LabelRow({
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
          value={draft}
          dir="auto"
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={() => void commitName()}
          onKeyDown={onNameKey}
        />
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

interface ColorProps {
  color: string;
  /** For the input's accessible name. */
  name: string;
  sample: string;
  onCommit: (color: string) => void;
}

/**
 * A colour input with a preview of the highlight and a warning when text over it would be hard to
 * read. It stores on the native change event (the picker closing) or on blur, not on every
 * `input` event while the picker is dragged.
 */
function ColorField({ color, name, sample, onCommit }: ColorProps): ReactElement {
  const [draft, setDraft] = useState(color);
  const [shownColor, setShownColor] = useState(color);
  if (color !== shownColor) {
    setShownColor(color);
    setDraft(color);
  }
  const input = useRef<HTMLInputElement>(null);
  const warningId = useId();

  const commit = (value: string): void => {
    if (value !== color) onCommit(value);
  };
  const onNativeChange = useEffectEvent(commit);
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const onChange = (): void => onNativeChange(element.value);
    element.addEventListener('change', onChange);
    return () => element.removeEventListener('change', onChange);
  }, []);

  const warning = legibilityWarning(draft);
  return (
    <div className="cd-labels-color">
      <input
        ref={input}
        type="color"
        aria-label={`Colour of ${name || 'the new label'}`}
        aria-describedby={warning ? warningId : undefined}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={(event) => commit(event.currentTarget.value)}
      />
      <span className="cd-labels-sample" style={{ ['--cd-mark-color' as string]: draft }} aria-hidden="true">
        {sample || 'Sample'}
      </span>
      {warning && (
        <p id={warningId} className="cd-labels-warning">
          {warning}
        </p>
      )}
    </div>
  );
}

function legibilityWarning(color: string): string | null {
  if (!isHexColor(color)) return null;
  const contrast = highlightContrast(color);
  const failing = (['light', 'dark'] as const).filter((theme) => contrast[theme] < MIN_TEXT_CONTRAST);
  if (failing.length === 0) return null;
  const where = failing.map((theme) => `${theme} theme (${contrast[theme].toFixed(1)}:1)`).join(' and ');
  return `⚠ Text over this colour is hard to read in the ${where}; it needs ${MIN_TEXT_CONTRAST}:1.`;
}

interface ConfirmationProps extends LabelInList {
  pending: Pending;
  /** For a merge, the disposal is always a reassignment to the chosen label. */
  onConfirm: (disposal: LabelDisposal) => void;
  onCancel: () => void;
}

function Confirmation({
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

interface AddProps {
  labels: readonly LabelRecord[];
  onAdd: (name: string, color: string) => Promise<boolean>;
}

function AddLabelForm({ labels, onAdd }: AddProps): ReactElement {
  const [name, setName] = useState('');
  // Until the analyst picks one, the colour follows the palette's next unused colour.
  const [picked, setPicked] = useState<string | null>(null);
  const color = picked ?? nextUnusedColor(labels.map((l) => l.color));
  const nameId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (await onAdd(name, color)) {
      setName('');
      setPicked(null);
    }
  };

  return (
    <form className="cd-labels-add" aria-label="Add label" onSubmit={(event) => void submit(event)}>
      <label htmlFor={nameId}>New label</label>
      <input
        id={nameId}
        type="text"
        data-focus="add"
        value={name}
        dir="auto"
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <ColorField color={color} name={name.trim()} sample={name.trim()} onCommit={setPicked} />
      <button type="submit">Add label</button>
    </form>
  );
}
