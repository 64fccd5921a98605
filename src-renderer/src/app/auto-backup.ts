// Automatic backups of the whole library (desktop only; main keeps the newest ten): one a day —
// at start when the last is older than a day, and again whenever the app has been open a day —
// and one when the app quits, asked for by main with the `backupRequested` event.
import type { ClaimdeskBridge } from '../../../src-shared/rpc-calls';
import { getBridge } from '../bridge/bridge';
import type { ClaimdeskDb } from '../db/database';
import { libraryCounts } from '../db/snapshot';
import { backupText } from './exports';
import { errorMessage } from '../../../src-shared/util/error-message';
import { serialQueue } from '../../../src-shared/util/serial-queue';

export const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface AutoBackupOptions {
  db: ClaimdeskDb;
  onError: (message: string) => void;
  bridge?: ClaimdeskBridge;
  now?: () => Date;
  checkEveryMs?: number;
}

/** Starts the schedule; returns the function that stops it. Does nothing in the browser edition. */
export function startAutoBackup({
  db,
  onError,
  bridge = getBridge(),
  now = () => new Date(),
  checkEveryMs = CHECK_EVERY_MS,
}: AutoBackupOptions): () => void {
  if (bridge.edition !== 'desktop') return () => undefined;
  let stopped = false;
  let last: number | null = null;
  const backups = serialQueue();

  const store = (reason: 'daily' | 'quit'): Promise<void> =>
    backups(async () => {
      try {
        // An empty library is not worth one of the ten places: it could push out a real backup.
        if (reason === 'daily') {
          const counts = await libraryCounts(db);
          if (counts.documents === 0 && counts.annotations === 0) return;
        }
        const stored = await bridge.storeBackup(await backupText(db, now()), reason);
        if (stored.ok) last = Date.parse(stored.value.createdAt);
        else onError(stored.error);
      } catch (error) {
        onError(`The automatic backup failed: ${errorMessage(error)}`);
      }
    });

  const dueDaily = (): boolean => last === null || now().getTime() - last >= DAY_MS;

  void (async () => {
    const listed = await bridge.listBackups();
    if (stopped) return;
    const newest = listed.ok ? listed.value.map((b) => Date.parse(b.createdAt)).filter(Number.isFinite) : [];
    if (newest.length > 0) last = Math.max(...newest);
    if (dueDaily()) await store('daily');
  })();

  const timer = setInterval(() => {
    if (!stopped && dueDaily()) void store('daily');
  }, checkEveryMs);
  const off = bridge.on('backupRequested', () => void store('quit'));
  return () => {
    stopped = true;
    clearInterval(timer);
    off();
  };
}
