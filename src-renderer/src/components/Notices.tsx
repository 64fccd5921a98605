// Messages for the analyst: failures (each naming its file or field) and confirmations, some with
// an action (Undo). Shown over the article column, never over the claim editor's fields, the
// latest few only.
import { useSyncExternalStore, type ReactElement } from 'react';
import { useLibrary } from '../app/library-context';
import './notices.css';

/** The most notices on screen at once; earlier ones are counted, and can be dismissed together. */
export const NOTICES_SHOWN = 3;

export function Notices(): ReactElement {
  const { notices: board } = useLibrary();
  const notices = useSyncExternalStore(board.subscribe, board.current);
  const onDismiss = board.dismiss;
  const hidden = Math.max(0, notices.length - NOTICES_SHOWN);
  return (
    <div className="cd-notices" role="status" aria-live="polite">
      {hidden > 0 && (
        <p className="cd-notices-more">
          {hidden} earlier notice{hidden === 1 ? '' : 's'} ·{' '}
          <button type="button" className="cd-link" onClick={() => onDismiss('all')}>
            Dismiss all
          </button>
        </p>
      )}
      {notices.slice(hidden).map((n) => (
        <div
          key={n.id}
          className={`cd-notice cd-notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : undefined}
        >
          <span dir="auto">{n.text}</span>
          {n.action && (
            <button
              type="button"
              className="cd-notice-action"
              onClick={() => {
                onDismiss(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          )}
          <button
            type="button"
            className="cd-notice-close"
            aria-label="Dismiss"
            onClick={() => onDismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
