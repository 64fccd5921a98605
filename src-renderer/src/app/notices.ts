// The notices the window shows: errors stay until dismissed or answered, confirmations fade. A
// notice may name its topic: a later success on that topic (the settings saved after a refused
// address) takes the errors about it away, and a repeated error replaces the one before it.
// One NoticeBoard per window, made at the composition root and reached through the library
// context; its reporting functions never change identity, so effects may depend on them freely.

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

/** Reports a message as a notice; `topic` lets a later success take the errors about it away. */
export type Report = (message: string, topic?: string) => void;

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

export class NoticeBoard {
  private list: readonly Notice[] = [];
  private lastId = 0;
  private readonly listeners = new Set<() => void>();

  /** The notices now, oldest first (a new array after every change, for useSyncExternalStore). */
  readonly current = (): readonly Notice[] => this.list;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly notify: Notify = (kind, text, options = {}) => {
    const id = ++this.lastId;
    this.set(withNotice(this.list, { id, kind, text, ...options }));
    if (kind === 'info') setTimeout(() => this.dismiss(id), options.action ? ACTION_MS : INFO_MS);
  };

  readonly dismiss = (id: number | 'all'): void => {
    this.set(id === 'all' ? [] : this.list.filter((n) => n.id !== id));
  };

  /** notify('error' / 'info', …) as the dialogs report (message, topic). */
  readonly onError: Report = (message, topic) => this.notify('error', message, { topic });
  readonly onInfo: Report = (message, topic) => this.notify('info', message, { topic });

  private set(list: readonly Notice[]): void {
    if (list.length === 0 && this.list.length === 0) return;
    this.list = list;
    for (const listener of this.listeners) listener();
  }
}
