// The notices the window shows: errors stay until dismissed or answered, confirmations fade. A
// notice may name its topic: a later success on that topic (the settings saved after a refused
// address) takes the errors about it away, and a repeated error replaces the one before it.
import { useCallback, useRef, useState } from 'react';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  topic?: string;
  action?: NoticeAction;
}

export interface NoticeOptions {
  topic?: string;
  action?: NoticeAction;
}

export type Notify = (kind: Notice['kind'], text: string, options?: NoticeOptions) => void;

/** Kept in memory; the stack shows the latest few (see Notices). */
const KEPT = 20;
const INFO_MS = 6_000;
/** A confirmation with an action (Undo) stays long enough to reach for it. */
const ACTION_MS = 12_000;

/** The list after `notice` arrives: what it answers or repeats goes. Pure, for the tests. */
export function withNotice(list: readonly Notice[], notice: Notice): Notice[] {
  const { topic } = notice;
  const kept = topic === undefined ? list : list.filter((n) => n.topic !== topic);
  return [...kept, notice].slice(-KEPT);
}

export interface Notices {
  notices: Notice[];
  notify: Notify;
  dismiss: (id: number | 'all') => void;
  /** notify('error' / 'info', …) as the dialogs report (message, topic). */
  onError: (message: string, topic?: string) => void;
  onInfo: (message: string, topic?: string) => void;
}

export function useNotices(): Notices {
  const [notices, setNotices] = useState<Notice[]>([]);
  const lastId = useRef(0);
  const dismiss = useCallback((id: number | 'all') => {
    setNotices((list) => (id === 'all' ? [] : list.filter((n) => n.id !== id)));
  }, []);
  const notify = useCallback<Notify>(
    (kind, text, options = {}) => {
      const id = ++lastId.current;
      setNotices((list) => withNotice(list, { id, kind, text, ...options }));
      if (kind === 'info') setTimeout(() => dismiss(id), options.action ? ACTION_MS : INFO_MS);
    },
    [dismiss],
  );
  const onError = useCallback(
    (message: string, topic?: string) => notify('error', message, { topic }),
    [notify],
  );
  const onInfo = useCallback(
    (message: string, topic?: string) => notify('info', message, { topic }),
    [notify],
  );
  return { notices, notify, dismiss, onError, onInfo };
}
