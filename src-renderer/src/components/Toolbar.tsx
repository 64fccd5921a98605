// The top bar: open and export, the two things every session starts and ends with.
import type { ReactElement } from 'react';

interface Props {
  onOpen: () => void;
  onExport: () => void;
  canExport: boolean;
}

export function Toolbar({ onOpen, onExport, canExport }: Props): ReactElement {
  return (
    <header className="cd-toolbar">
      <span className="cd-brand">Claimdesk</span>
      <button type="button" onClick={onOpen} title="Open file… (Ctrl+O)">
        Open file…
      </button>
      <button type="button" onClick={onExport} disabled={!canExport} title="Export report… (Ctrl+E)">
        Export report…
      </button>
    </header>
  );
}
