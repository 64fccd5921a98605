// The top bar: open and export, library-wide search, undo/redo, labels, the saved state.
import type { ReactElement, RefObject } from 'react';
import { SavedIndicator } from './SavedIndicator';

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
      <button type="button" onClick={onUndo} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={onRedo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <button type="button" onClick={onLabels}>
        Labels…
      </button>
      <button type="button" onClick={onSettings}>
        Settings…
      </button>
      <input
        ref={searchRef}
        className="cd-search"
        type="search"
        aria-label="Search annotations"
        placeholder="Search annotations — label:claim verdict:false source:Peskov"
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
      />
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
