// Pieces the export, import and settings dialogs share: the header with its Close button, the
// error box, the busy/error state of the one action a dialog runs, and the scope choice.
import { useCallback, useState, type ReactElement } from 'react';
import type { Result } from '../../../src-shared/result';
import { useLibrary } from '../app/library-context';
import './export-dialogs.css';
import { errorMessage } from '../../../src-shared/util/error-message';

export function DialogHeader({ title, onClose }: { title: string; onClose: () => void }): ReactElement {
  return (
    <header className="cd-xd-header">
      <h2>{title}</h2>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </header>
  );
}

export function ErrorBox({ message }: { message: string | null }): ReactElement | null {
  // The app's notices sit under the modal's backdrop, so the dialog shows the error itself.
  return message ? (
    <p className="cd-xd-error" role="alert">
      {message}
    </p>
  ) : null;
}

export interface Runner {
  busy: boolean;
  error: string | null;
  /** Runs the action; on success reports its message (if any) and returns true. */
  run(action: () => Promise<Result<string | null>>): Promise<boolean>;
}

/**
 * The busy/error state of a dialog's one action, reported as the window's notices too. They
 * carry `topic` (the dialog's), so the success that answers an error — settings saved after a
 * refused address — removes it. An action that succeeds with no message reports nothing.
 */
export function useRunner(topic?: string): Runner {
  const { onError, onInfo } = useLibrary().notices;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<Result<string | null>>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      let result: Result<string | null>;
      try {
        result = await action();
      } catch (caught) {
        result = { ok: false, error: errorMessage(caught) };
      }
      setBusy(false);
      if (result.ok) {
        if (result.value) onInfo(result.value, topic);
        return true;
      }
      setError(result.error);
      onError(result.error, topic);
      return false;
    },
    [onError, onInfo, topic],
  );
  return { busy, error, run };
}

/** The documents and annotations of the current search, as the export dialogs take them. */
export interface SearchSelection {
  documentIds: readonly string[];
  annotationIds: readonly string[];
}

export type ScopeKind = 'library' | 'document' | 'selected' | 'search';

export interface ScopeOption {
  kind: ScopeKind;
  label: string;
  /** Why it cannot be chosen now; undefined when it can. */
  unavailable?: string;
  hint?: string;
}

export function describeSearch(search: SearchSelection | null): string | undefined {
  if (!search) return undefined;
  const a = search.annotationIds.length;
  const d = search.documentIds.length;
  return `${a} annotation${a === 1 ? '' : 's'} in ${d} document${d === 1 ? '' : 's'}`;
}

export function ScopeChoice({
  name,
  options,
  value,
  onChange,
  children,
}: {
  name: string;
  options: readonly ScopeOption[];
  value: ScopeKind;
  onChange: (kind: ScopeKind) => void;
  children?: ReactElement | false | null;
}): ReactElement {
  return (
    <fieldset>
      <legend>Include</legend>
      {options.map((o) => (
        <label key={o.kind} className="cd-xd-choice">
          <input
            type="radio"
            name={name}
            value={o.kind}
            checked={value === o.kind}
            disabled={o.unavailable !== undefined}
            onChange={() => onChange(o.kind)}
          />
          <span>{o.label}</span>
          {(o.unavailable ?? o.hint) && <small>{o.unavailable ?? o.hint}</small>}
        </label>
      ))}
      {children}
    </fieldset>
  );
}

export interface FormatOption<F extends string> {
  value: F;
  label: string;
  hint: string;
}

/** The "Format" radio group the export dialogs open with. */
export function FormatChoice<F extends string>({
  name,
  formats,
  value,
  onChange,
}: {
  name: string;
  formats: readonly FormatOption<F>[];
  value: F;
  onChange: (format: F) => void;
}): ReactElement {
  return (
    <fieldset>
      <legend>Format</legend>
      {formats.map((f) => (
        <label key={f.value} className="cd-xd-choice">
          <input
            type="radio"
            name={name}
            value={f.value}
            checked={value === f.value}
            onChange={() => onChange(f.value)}
          />
          <span>{f.label}</span>
          <small>{f.hint}</small>
        </label>
      ))}
    </fieldset>
  );
}

/** What every export dialog is given. */
export interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  /** The document on screen: the "This document" choice. */
  currentDocumentId: string | null;
  /** The current search's results; null when nothing is searched. */
  searchResults: SearchSelection | null;
}
