// Electron main process: the desktop edition's entry. Sets up the app:// origin and security
// hardening before ready, then the single window, its menu, the RPC channel and file opening.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import type { OpenedFile } from '../../src-shared/rpc-calls';
import { APP_ENTRY_URL } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createDesktopRpc, openPaths, openWithDialog, type DesktopContext } from './desktop-rpc';
import { registerRpcChannel, sendRpcEvent } from './ipc';
import { installMenu } from './menu';
import { filePathsFromArgv } from './open-paths';
import { RecentFiles } from './recent-files';
import { hardenAllWebContents, hardenSession } from './security';
import { isTrustedSenderUrl } from './trusted-sender';
import { MIN_WINDOW_SIZE } from './window-bounds';
import { loadWindowPlacement, trackWindowState } from './window-state';
import { installQuitBackup } from './quit-backup';
import { keepImportWorkerReady } from '../services/import-service';

// Resolved from this bundle (out/main/index.js), not the working directory.
const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '../renderer');
const PRELOAD = join(here, '../preload/index.cjs');

// `electron-vite dev` serves the renderer from a local http server. That is a different origin
// from app://claimdesk, and so a different (empty) IndexedDB: dev data never mixes with real data.
const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigin = devRendererUrl ? new URL(devRendererUrl).origin : null;
const isAppUrl = (url: string): boolean => isTrustedSenderUrl(url, devOrigin);

// Everything below up to whenReady must happen before the app is ready.

// Started as `electron out/main/index.js` (npm start, Playwright) rather than from a packaged
// app, Electron may not read package.json and would then name the app "Electron", sharing its
// userData (and the library) with other unpackaged apps. Pinning name and path keeps the store
// in one place; tests point it at a scratch directory instead.
app.setName('Claimdesk');
app.setPath('userData', process.env.CLAIMDESK_USER_DATA_DIR || join(app.getPath('appData'), 'Claimdesk'));
app.enableSandbox();
registerAppScheme();
hardenAllWebContents(isAppUrl);

let mainWindow: BrowserWindow | null = null;
let rendererReady = false;
/** Paths given before the renderer could receive them (first launch argv, early macOS opens). */
const pendingPaths: string[] = [];

const recent = new RecentFiles(join(app.getPath('userData'), 'recent-files.json'));
const ctx: DesktopContext = {
  getWindow: () => mainWindow,
  recent,
  onRecentChanged: () => rebuildMenu(),
};

function sendFilesOpened(results: OpenedFile[]): void {
  if (mainWindow && results.length > 0) sendRpcEvent(mainWindow.webContents, 'filesOpened', results);
}

async function openAndSend(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  if (!rendererReady) {
    pendingPaths.push(...paths);
    return;
  }
  sendFilesOpened(await openPaths(ctx, paths));
}

function rebuildMenu(): void {
  installMenu({
    recent: recent.list(),
    openFiles: () => void openWithDialog(ctx).then(sendFilesOpened),
    openRecent: (path) => void openAndSend([path]),
    clearRecent: () => {
      app.clearRecentDocuments();
      void recent.clear().then(rebuildMenu);
    },
    exportReport: () => {
      if (mainWindow) sendRpcEvent(mainWindow.webContents, 'menuCommand', 'export-report');
    },
  });
}

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const placement = loadWindowPlacement(stateFile);
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Claimdesk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows (which are denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  if (placement.maximized) win.maximize();
  trackWindowState(win, stateFile);

  win.once('ready-to-show', () => win.show());
  // ready-to-show never comes if the page fails to load; a visible window beats a hidden process.
  win.webContents.once('did-fail-load', (_event, code, description) => {
    console.error(`claimdesk: the window failed to load (${code} ${description})`);
    win.show();
  });
  win.webContents.on('did-finish-load', () => {
    rendererReady = true;
    void openAndSend(pendingPaths.splice(0));
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    rendererReady = false;
  });

  void win.loadURL(devRendererUrl ?? APP_ENTRY_URL);
}

// macOS delivers files (Finder, Dock, Open Recent) through this event, possibly before ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  void openAndSend([path]);
});

if (!app.requestSingleInstanceLock()) {
  // Another Claimdesk owns this userData (and its IndexedDB); it gets our argv instead.
  app.quit();
} else {
  pendingPaths.push(...filePathsFromArgv(process.argv, process.cwd(), app.isPackaged));
  // Quitting asks the renderer for a backup of the library first (it owns IndexedDB).
  installQuitBackup(() => (rendererReady ? mainWindow : null));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) createWindow();
    showWindow();
    void openAndSend(filePathsFromArgv(argv, workingDirectory, app.isPackaged));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      serveRenderer(RENDERER_DIR);
      registerRpcChannel(createDesktopRpc(ctx), devOrigin);
      await recent.load();
      rebuildMenu();
      createWindow();
      keepImportWorkerReady();
    })
    .catch((error: unknown) => {
      console.error('claimdesk: the desktop app could not start:', error);
      app.exit(1);
    });
}
