// Choosing a source (a claim's claimant, an evidence item's source) by typing part of its name
// or an alias, or creating it inline: an ARIA 1.2 combobox with a list popup. A typed name that
// stands for one source (its name, an alias, or its surname) pre-selects it. Typed text is never
// dropped: Enter, Tab, leaving the field or closing the editor commit it (the pre-selected match,
// or a new source of that name); only Escape discards it.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { SourceKind, SourceRecord } from '../../../src-shared/model';
import { findSources, type SourceMatch } from '../db/sources';
import { impliedSource } from '../db/source-matching';
import { TEXT_LIMITS, withLimit } from './text-limits';
import './sources.css';
import { errorMessage } from '../../../src-shared/util/error-message';

export interface SourcePickerProps {
  /** The field's visible label and accessible name, e.g. "Claimant". */
  label: string;
  sources: readonly SourceRecord[];
  /** The chosen source's id. */
  value: string | null;
  onChange: (id: string | null) => void;
  /** Stores a new source; the picker then chooses it. */
  onCreate: (name: string, kind: SourceKind) => Promise<SourceRecord>;
  kindForNew?: SourceKind;
}

type Option = { match: SourceMatch } | { create: string };

export function SourcePicker({
  label,
  sources,
  value,
  onChange,
  onCreate,
  kindForNew = 'person',
}: SourcePickerProps): ReactElement {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const optionId = (i: number): string => `${baseId}-option-${i}`;
  const input = useRef<HTMLInputElement>(null);
  // null while the analyst is not typing: the input then shows the chosen source's name.
  const [draft, setDraft] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Set while a commit is under way, so the blur that follows a Tab (or a second Enter during a
  // slow create) does not commit the same text twice.
  const committing = useRef(false);

  const chosen = value === null ? undefined : sources.find((s) => s.id === value);
  const typed = draft?.trim() ?? '';
  const matches = findSources(sources, typed);
  const implied = impliedSource(sources, typed);
  // The implied source leads the list, so it is what Enter takes; "Create" stays last.
  const ordered = implied
    ? [
        matches.find((m) => m.source.id === implied.source.id) ?? {
          source: implied.source,
          alias: null,
          rank: 'word-prefix' as const,
        },
        ...matches.filter((m) => m.source.id !== implied.source.id),
      ]
    : matches;
  const options: Option[] = ordered.map((match) => ({ match }));
  if (typed !== '' && !matches.some((m) => m.rank === 'exact')) options.push({ create: typed });
  const expanded = open && options.length > 0;
  // With nothing chosen by arrow key, the implied source is the chosen option.
  const current = active >= 0 ? active : implied ? 0 : -1;

  useEffect(() => {
    if (expanded && current >= 0)
      document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  });

  const close = (): void => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (id: string | null): void => {
    close();
    setDraft(null);
    setError(null);
    if (id !== value) onChange(id);
  };

  const pick = async (option: Option): Promise<void> => {
    if ('match' in option) return choose(option.match.source.id);
    if (committing.current) return;
    committing.current = true;
    setBusy(true);
    try {
      choose((await onCreate(option.create, kindForNew)).id);
    } catch (e) {
      // The picker has no notice area of its own, so the refusal (e.g. a bad name) shows here,
      // beside the typed text, which stays in the field.
      setError(errorMessage(e));
    } finally {
      committing.current = false;
      setBusy(false);
    }
  };

  /** What typed text with no option chosen means: the source it stands for, or a new one. */
  const commitDraft = (): void => {
    if (draft === null || committing.current) return;
    if (typed === '') return choose(null);
    if (implied) return choose(implied.source.id);
    const exact = matches.find((m) => m.rank === 'exact');
    void pick(exact ? { match: exact } : { create: typed });
  };
  // Closing the editor (another claim chosen from the keyboard) unmounts the picker without a
  // blur; the latest commit runs then too.
  const commitOnUnmount = useRef(commitDraft);
  useEffect(() => {
    commitOnUnmount.current = commitDraft;
  });
  useEffect(() => () => commitOnUnmount.current(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      if (!open) setOpen(true);
      if (options.length > 0)
        setActive(
          current < 0 && step < 0 ? options.length - 1 : (current + step + options.length) % options.length,
        );
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const option = expanded && current >= 0 ? options[current] : undefined;
      // Tab still moves focus on; Enter must not submit an enclosing form.
      if (event.key === 'Enter' && (option || draft !== null)) event.preventDefault();
      if (option) void pick(option);
      else commitDraft();
    } else if (event.key === 'Escape' && (expanded || draft !== null)) {
      // Handled here, so an enclosing view's Escape (e.g. "back to the list") does not fire too.
      event.preventDefault();
      event.stopPropagation();
      if (expanded) close();
      else setDraft(null);
    }
  };

  return (
    <div className="cd-picker">
      <label className="cd-picker-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="cd-picker-field">
        <input
          ref={input}
          id={inputId}
          className="cd-picker-input"
          type="text"
          role="combobox"
          dir="auto"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && current >= 0 ? optionId(current) : undefined}
          aria-busy={busy || undefined}
          placeholder={chosen || value === null ? 'Type a name…' : 'Source no longer in the library'}
          // A name beyond a source name's limit is refused here, in the picker's own error line.
          {...withLimit(
            {
              value: draft ?? chosen?.name ?? '',
              onChange: (event) => {
                setDraft(event.currentTarget.value);
                setOpen(true);
                setActive(-1);
              },
            },
            label,
            TEXT_LIMITS.sourceName,
            setError,
          )}
          onKeyDown={onKeyDown}
          onBlur={() => {
            close();
            commitDraft();
          }}
        />
        {(value !== null || typed !== '') && (
          <button
            type="button"
            className="cd-picker-clear"
            aria-label={`Clear ${label}`}
            // As for options: the input's blur would otherwise re-render this button away mid-click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              choose(null);
              input.current?.focus();
            }}
          >
            ×
          </button>
        )}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className="cd-picker-list"
        hidden={!expanded}
        // Keeps focus in the input (for an option or the scrollbar), so its blur does not close
        // the list before the click lands.
        onMouseDown={(event) => event.preventDefault()}
      >
        {expanded &&
          options.map((option, i) => (
            <li
              key={'match' in option ? option.match.source.id : 'create'}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={'create' in option ? 'cd-picker-option cd-picker-create' : 'cd-picker-option'}
              onClick={() => void pick(option)}
            >
              {'match' in option ? (
                <>
                  <span dir="auto">{option.match.alias ?? option.match.source.name}</span>
                  {option.match.alias !== null && (
                    <span className="cd-picker-note" dir="auto">
                      {' '}
                      alias of {option.match.source.name}
                    </span>
                  )}
                  <span className="cd-picker-kind"> {option.match.source.kind}</span>
                </>
              ) : (
                <>
                  Create <span dir="auto">“{option.create}”</span>
                  <span className="cd-picker-kind"> new {kindForNew}</span>
                </>
              )}
            </li>
          ))}
      </ul>
      {error && (
        <p className="cd-picker-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
