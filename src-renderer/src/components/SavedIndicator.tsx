// The saved state, always visible in the toolbar: analysts must be able to trust that what they
// did is stored.
import type { ReactElement } from 'react';
import { useSaveState } from '../app/save-state';

export function SavedIndicator(): ReactElement {
  const { pending, error } = useSaveState();
  const text = error ? `Not saved: ${error}` : pending > 0 ? 'Saving…' : 'All changes saved';
  return (
    <span className={`cd-saved ${error ? 'cd-saved-error' : ''}`} role="status" aria-label="Save state">
      {text}
    </span>
  );
}
