// The desktop export services against a stand-in `electron` module: the rolling backup folder,
// backup names that cannot reach outside it, the hidden print window's settings, and the quit
// backup's wait (answered, or timed out).
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  paths: new Map<string, string>(),
  appListeners: new Map<string, Listener[]>(),
  quit: vi.fn(),
  windows: [] as { options: unknown; loaded: string | null; html: string | null; destroyed: boolean }[],
  saveChoice: { canceled: false, filePath: '' },
  sent: [] as [string, unknown][],
  blocked: [] as ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void)[],
}));

vi.mock('electron', async () => {
  const { readFile: read } = await import('node:fs/promises');
  const { fileURLToPath: toPath } = await import('node:url');
  class BrowserWindow {
    record = {
      options: null as unknown,
      loaded: null as string | null,
      html: null as string | null,
      destroyed: false,
    };
    webContents = {
      printToPDF: async () => Buffer.from(`%PDF-1.7 ${this.record.html?.length ?? 0}`),
    };
    constructor(options: unknown) {
      this.record.options = options;
      electron.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded = url;
      this.record.html = await read(toPath(url), 'utf8');
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    app: {
      getPath: (name: string) => electron.paths.get(name) ?? '/nonexistent',
      on: (event: string, listener: Listener) =>
        electron.appListeners.set(event, [...(electron.appListeners.get(event) ?? []), listener]),
      quit: electron.quit,
    },
    BrowserWindow,
    dialog: { showSaveDialog: async () => electron.saveChoice },
    session: {
      fromPartition: () => ({
        webRequest: { onBeforeRequest: (fn: (typeof electron.blocked)[number]) => electron.blocked.push(fn) },
      }),
    },
    ipcMain: { handle: () => undefined },
  };
});

const exportRpc = await import('../../../src-main/main/desktop-export-rpc');
const { installQuitBackup } = await import('../../../src-main/main/quit-backup');
const { backupFileName, backupTime, listBackupsIn, readBackupIn, storeBackupIn, createDesktopExportRpc } =
  exportRpc;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'claimdesk-desktop-export-'));
  for (const name of ['userData', 'temp', 'documents']) electron.paths.set(name, join(root, name));
  await Promise.all(
    ['userData', 'temp', 'documents'].map((n) =>
      import('node:fs/promises').then((fs) => fs.mkdir(join(root, n))),
    ),
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

const ctx = { getWindow: () => null, recent: {} as never, onRecentChanged: () => undefined };

describe('automatic backups', () => {
  it('names backups by time, safely for every file system, and reads the time back', () => {
    const at = new Date('2025-03-01T10:20:30.456Z');
    expect(backupFileName(at)).toBe('claimdesk-backup-2025-03-01T10-20-30-456Z.json');
    expect(backupFileName(at, 2)).toBe('claimdesk-backup-2025-03-01T10-20-30-456Z-2.json');
    expect(backupTime(backupFileName(at, 2))).toBe('2025-03-01T10:20:30.456Z');
    expect(backupTime('notes.json')).toBeNull();
  });

  it('keeps the newest ten, listed newest first', async () => {
    const dir = join(root, 'rolling');
    const start = Date.parse('2025-03-01T00:00:00Z');
    for (let i = 0; i < 12; i++) await storeBackupIn(dir, `{"n":${i}}`, new Date(start + i * 3_600_000));
    // Two in the same millisecond both survive, the later one first.
    const same = new Date(start + 12 * 3_600_000);
    await storeBackupIn(dir, '{"n":"a"}', same);
    const info = await storeBackupIn(dir, '{"n":"b"}', same);
    expect(info).toEqual({ name: backupFileName(same, 2), createdAt: same.toISOString(), size: 9 });
    await writeFile(join(dir, 'unrelated.json'), '{}');
    const list = await listBackupsIn(dir);
    expect(list).toHaveLength(10);
    expect(list.slice(0, 2).map((b) => b.name)).toEqual([backupFileName(same, 2), backupFileName(same)]);
    expect(list[9]?.createdAt).toBe(new Date(start + 4 * 3_600_000).toISOString());
    expect(await readBackupIn(dir, list[0]!.name)).toBe('{"n":"b"}');
    // Nothing but backups, and nothing half-written, is left in the folder.
    expect((await readdir(dir)).sort()).toEqual([...list.map((b) => b.name), 'unrelated.json'].sort());
  });

  it('reads only backups by bare name', async () => {
    const dir = join(root, 'rolling');
    for (const name of ['../secret.json', 'unrelated.json', '/etc/passwd', 'claimdesk-backup-x.json'])
      await expect(readBackupIn(dir, name)).rejects.toThrow(/not the name of an automatic backup/);
    expect(await listBackupsIn(join(root, 'no-such-folder'))).toEqual([]);
  });

  it('stores, lists and reads through the RPC calls in userData/backups', async () => {
    const rpc = createDesktopExportRpc(ctx);
    const stored = await rpc.storeBackup('{"library":1}', 'daily');
    expect(stored.ok).toBe(true);
    const name = stored.ok ? stored.value.name : '';
    expect(existsSync(join(root, 'userData', 'backups', name))).toBe(true);
    expect(await rpc.listBackups()).toEqual({ ok: true, value: [stored.ok && stored.value] });
    expect(await rpc.readBackup(name)).toEqual({ ok: true, value: '{"library":1}' });
    const gone = await rpc.readBackup('claimdesk-backup-2000-01-01T00-00-00-000Z.json');
    expect(gone).toEqual({
      ok: false,
      error: 'The backup “claimdesk-backup-2000-01-01T00-00-00-000Z.json” no longer exists',
    });
  });
});

describe('printing to PDF', () => {
  it('renders in a hidden sandboxed window with JavaScript off, from a temporary file, then saves', async () => {
    const target = join(root, 'documents', 'report.pdf');
    electron.saveChoice = { canceled: false, filePath: target };
    const rpc = createDesktopExportRpc(ctx);
    const html = '<!DOCTYPE html><title>r</title><p>قال الوزير</p>';
    const result = await rpc.printToPdf({ suggestedName: 'Report.html', html });
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(await readFile(target, 'utf8')).toBe(`%PDF-1.7 ${html.length}`);
    const win = electron.windows.at(-1)!;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(win.html).toBe(html);
    expect(win.destroyed).toBe(true);
    // The temporary copy is gone, and the print session refuses everything but that file.
    expect(existsSync(fileURLToPath(win.loaded!))).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      electron.blocked[0]!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.org/tracker.png')).toBe(true);
    expect(decide(win.loaded!)).toBe(true);
  });

  it('reports a cancelled save as no path', async () => {
    electron.saveChoice = { canceled: true, filePath: '' };
    const result = await createDesktopExportRpc(ctx).printToPdf({ suggestedName: 'r.pdf', html: '<p>x' });
    expect(result).toEqual({ ok: true, value: { path: null } });
  });
});

describe('the backup on quit', () => {
  const emit = (event: string, ...args: unknown[]) => {
    for (const l of electron.appListeners.get(event) ?? []) l(...args);
  };
  const fakeWindow = () => {
    const listeners = new Map<string, Listener>();
    const sent: unknown[] = [];
    return {
      sent,
      listeners,
      isDestroyed: () => false,
      close: vi.fn(),
      on: (event: string, l: Listener) => listeners.set(event, l),
      webContents: {
        isCrashed: () => false,
        isDestroyed: () => false,
        send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      },
    };
  };

  it('asks the renderer once, waits for its backup, then quits; or quits after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const win = fakeWindow();
      let current: ReturnType<typeof fakeWindow> | null = win;
      installQuitBackup(() => current as never, 5_000);
      emit('browser-window-created', {}, win);
      const quitting = { preventDefault: vi.fn() };
      emit('before-quit', quitting);
      emit('before-quit', { preventDefault: vi.fn() });
      expect(quitting.preventDefault).toHaveBeenCalled();
      expect(win.sent).toEqual([['claimdesk:event:backupRequested', 'quit']]);
      expect(electron.quit).not.toHaveBeenCalled();
      await createDesktopExportRpc(ctx).storeBackup('{}', 'quit');
      await vi.advanceTimersByTimeAsync(0);
      expect(electron.quit).toHaveBeenCalledTimes(1);
      // Quitting now goes through, and so does the window's close.
      const again = { preventDefault: vi.fn() };
      emit('before-quit', again);
      expect(again.preventDefault).not.toHaveBeenCalled();
      const closing = { preventDefault: vi.fn() };
      win.listeners.get('close')!(closing);
      expect(closing.preventDefault).not.toHaveBeenCalled();

      // A later window (macOS) whose renderer never answers: the close waits 5 s at most.
      win.listeners.get('closed')!();
      const second = fakeWindow();
      current = second;
      emit('browser-window-created', {}, second);
      const close = { preventDefault: vi.fn() };
      second.listeners.get('close')!(close);
      expect(close.preventDefault).toHaveBeenCalled();
      expect(second.sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(4_999);
      expect(second.close).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(second.close).toHaveBeenCalledTimes(1);

      // No window to ask: nothing is held.
      current = null;
      const bare = { preventDefault: vi.fn() };
      second.listeners.get('closed')!();
      emit('before-quit', bare);
      expect(bare.preventDefault).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
