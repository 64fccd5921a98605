// The top bar: open and export, library-wide search, undo/redo, labels, the saved state. It must
// fit one line at 1280 px, so the frequent two-way actions are icons with names and tooltips.
import type { ReactElement, RefObject } from 'react';
import { SEARCH_HELP } from '../../../src-shared/search/query';
import { DeskStatusChip } from './DeskStatusChip';
import { SavedIndicator } from './SavedIndicator';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

const ICONS = {
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'm15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  labels: 'M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9-9-9ZM7.5 7.5h.01',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1Z',
} as const;

/** A button shown as an icon: its name is the accessible name, its tooltip adds the shortcut. */
function IconButton(props: {
  name: string;
  icon: keyof typeof ICONS;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
}): ReactElement {
  const { name, icon, shortcut, onClick, disabled } = props;
  return (
    <button
      type="button"
      className="cd-icon-button"
      aria-label={name}
      title={shortcut ? `${name} (${shortcut})` : name}
      onClick={onClick}
      disabled={disabled}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d={ICONS[icon]} />
      </svg>
    </button>
  );
}

interface Props {
  onOpen: () => void;
  onExport: () => void;
  canExport: boolean;
  onExportData: () => void;
  onImport: () => void;
  onSettings: () => void;
  query: string;
  onQuery: (query: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onLabels: () => void;
  onShortcuts: () => void;
}

export function Toolbar({
  onOpen,
  onExport,
  canExport,
  onExportData,
  onImport,
  onSettings,
  query,
  onQuery,
  searchRef,
  onUndo,
  onRedo,
  canUndo,
  canRedo,
  onLabels,
  onShortcuts,
}: Props): ReactElement {
  const { refused, limit } = useTextLimits();
  return (
    <header className="cd-toolbar">
      <span className="cd-brand">Claimdesk</span>
      <button type="button" onClick={onOpen} title="Open file… (Ctrl+O)">
        Open file…
      </button>
      <button type="button" onClick={onExport} disabled={!canExport} title="Export report… (Ctrl+E)">
        Export report…
      </button>
      <button type="button" onClick={onExportData}>
        Export data…
      </button>
      <button type="button" onClick={onImport}>
        Import…
      </button>
      <span className="cd-toolbar-sep" />
      <IconButton name="Undo" icon="undo" shortcut="Ctrl+Z" onClick={onUndo} disabled={!canUndo} />
      <IconButton name="Redo" icon="redo" shortcut="Ctrl+Shift+Z" onClick={onRedo} disabled={!canRedo} />
      <IconButton name="Labels…" icon="labels" onClick={onLabels} />
      <IconButton name="Settings…" icon="settings" onClick={onSettings} />
      <input
        ref={searchRef}
        className="cd-search"
        type="search"
        title={SEARCH_HELP}
        aria-label="Search annotations"
        placeholder="Search annotations (/)"
        {...limit(
          { value: query, onChange: (e) => onQuery(e.currentTarget.value) },
          'Search',
          TEXT_LIMITS.search,
        )}
      />
      <LimitAlert message={refused} />
      <DeskStatusChip onClick={onSettings} />
      <SavedIndicator />
      <button
        type="button"
        onClick={onShortcuts}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </header>
  );
}
