// The desk's state in the toolbar (online, offline with changes waiting, read-only, refused);
// nothing when this library is not on a desk. A click opens Settings, where the desk is set up.
import type { ReactElement } from 'react';
import { describeDeskStatus, useDeskStatus } from '../desk/desk-instance';

export function DeskStatusChip({ onClick }: { onClick: () => void }): ReactElement | null {
  const status = useDeskStatus();
  if (status.state === 'off') return null;
  return (
    <button
      type="button"
      className={`cd-desk-chip cd-desk-${status.state}`}
      role="status"
      aria-label="Desk status"
      title="Desk settings…"
      onClick={onClick}
    >
      {describeDeskStatus(status)}
    </button>
  );
}
