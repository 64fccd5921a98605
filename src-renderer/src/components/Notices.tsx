// Messages for the analyst: import failures (each naming its file) and confirmations.
import type { ReactElement } from 'react';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
}): ReactElement {
  return (
    <div className="cd-notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`cd-notice cd-notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : undefined}
        >
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
