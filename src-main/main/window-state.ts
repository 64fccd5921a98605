// Remembers the main window's size, position and maximised state in userData/window-state.json
// and restores them only when they still fit a connected display.
import { readFileSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow } from 'electron';
import { writeFileAtomic } from '../services/write-file-atomic';
import { serialQueue } from '../../src-shared/util/serial-queue';
import {
  chooseWindowPlacement,
  parseWindowState,
  type WindowPlacement,
  type WindowState,
} from './window-bounds';

const SAVE_DELAY_MS = 500;

export function loadWindowPlacement(file: string): WindowPlacement {
  let state: WindowState | null = null;
  try {
    state = parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // No file yet, or a corrupt one: open with the defaults.
  }
  return chooseWindowPlacement(
    state,
    screen.getAllDisplays().map((d) => d.workArea),
  );
}

function currentState(win: BrowserWindow): WindowState {
  // Normal bounds, so a maximised window remembers where it goes when un-maximised.
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
}

export function trackWindowState(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const writes = serialQueue();

  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
      const json = JSON.stringify(currentState(win));
      writes(() => writeFileAtomic(file, json)).catch(() => undefined);
    }, SAVE_DELAY_MS);
  };

  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);

  win.on('close', () => {
    clearTimeout(timer);
    if (win.isFullScreen()) return;
    try {
      // Synchronous: the app may quit right after the last window closes, before an async
      // write would finish. The file is tiny; a torn write only costs the defaults next time.
      writeFileSync(file, JSON.stringify(currentState(win)));
    } catch {
      // Not worth interrupting a close over.
    }
  });
}
