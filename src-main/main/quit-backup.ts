// A backup of the library when the app quits or its window closes: the renderer holds the
// library (IndexedDB), so main asks it once (`backupRequested`) and waits for its storeBackup
// call — at most a few seconds, so a renderer that cannot answer never keeps the app open.
import { app, type BrowserWindow } from 'electron';
import { sendRpcEvent } from './ipc';

export const QUIT_BACKUP_TIMEOUT_MS = 5_000;

let stored: (() => void) | null = null;

/** Called by storeBackup once a 'quit' backup is written: the wait is over. */
export function quitBackupStored(): void {
  stored?.();
}

/**
 * Installs the quit and window-close hooks. `getWindow` returns the main window when its
 * renderer can take the request (loaded), else null — then nothing is asked and nothing waits.
 * On Windows and Linux closing the window quits the app after the window is gone, so the close
 * itself is held too.
 */
export function installQuitBackup(
  getWindow: () => BrowserWindow | null,
  timeoutMs = QUIT_BACKUP_TIMEOUT_MS,
): void {
  let phase: 'idle' | 'waiting' | 'done' = 'idle';
  // What to do once the backup is in, one step per asker (repeated requests do not repeat it).
  const then = new Map<unknown, () => void>();

  const live = (): BrowserWindow | null => {
    const win = getWindow();
    return win && !win.isDestroyed() && !win.webContents.isCrashed() ? win : null;
  };

  const backUpThen = (win: BrowserWindow, asker: unknown, next: () => void): void => {
    then.set(asker, next);
    if (phase === 'waiting') return;
    phase = 'waiting';
    void new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done(): void {
        clearTimeout(timer);
        stored = null;
        resolve();
      }
      stored = done;
      sendRpcEvent(win.webContents, 'backupRequested', 'quit');
    }).then(() => {
      phase = 'done';
      const steps = [...then.values()];
      then.clear();
      for (const step of steps) step();
    });
  };

  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    const win = live();
    if (!win) return;
    event.preventDefault();
    backUpThen(win, app, () => app.quit());
  });

  app.on('browser-window-created', (_event, created) => {
    created.on('close', (event) => {
      // Only the main window (not a hidden print window), asked at most once per close.
      if (phase === 'done' || created !== live()) return;
      event.preventDefault();
      backUpThen(created, created, () => {
        if (!created.isDestroyed()) created.close();
      });
    });
    created.on('closed', () => {
      // macOS keeps running without a window: a later window's quit is backed up afresh.
      if (phase === 'done' && created === getWindow()) phase = 'idle';
    });
  });
}
