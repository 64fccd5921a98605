// The desktop edition's export services: printing a report to PDF in a hidden window that can
// run nothing and load nothing, and the rolling automatic backups in the user-data folder.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, session, type SaveDialogOptions, type Session } from 'electron';
import type { BackupInfo } from '../../src-shared/rpc-calls';
import { err, ok } from '../../src-shared/result';
import type { RpcImplementation } from '../services/rpc-dispatch';
import { writeFileAtomic } from '../services/write-file-atomic';
import type { DesktopContext } from './desktop-rpc';
import { quitBackupStored } from './quit-backup';
import { errorMessage as reason } from '../../src-shared/util/error-message';
import { serialQueue } from '../../src-shared/util/serial-queue';

type ExportCalls = Pick<RpcImplementation, 'printToPdf' | 'storeBackup' | 'listBackups' | 'readBackup'>;

/** Automatic backups kept; the oldest beyond this are deleted after each new one. */
export const BACKUPS_KEPT = 10;

// claimdesk-backup-2025-03-01T10-00-00-000Z.json: the ISO time with ':' and '.' made safe for
// every file system; `-2`, `-3` only if two backups fall in the same millisecond.
const BACKUP_NAME = /^claimdesk-backup-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z(?:-(\d{1,4}))?\.json$/;

export function backupFileName(at: Date, n = 1): string {
  const time = at.toISOString().replace(/:/g, '-').replace('.', '-');
  return `claimdesk-backup-${time}${n > 1 ? `-${n}` : ''}.json`;
}

/** The backup's creation time (ISO) from its name; null when the name is not a backup's. */
export function backupTime(name: string): string | null {
  const m = BACKUP_NAME.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** Newest first: by time, then by the same-millisecond counter. */
function newestFirst(a: string, b: string): number {
  const counter = (name: string): number => Number(BACKUP_NAME.exec(name)?.[6] ?? 1);
  const [ta, tb] = [backupTime(a) ?? '', backupTime(b) ?? ''];
  return ta === tb ? counter(b) - counter(a) : ta < tb ? 1 : -1;
}

async function backupNames(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => BACKUP_NAME.test(n)).sort(newestFirst);
}

async function infoOf(dir: string, name: string): Promise<BackupInfo> {
  return { name, createdAt: backupTime(name) as string, size: (await stat(join(dir, name))).size };
}

export async function listBackupsIn(dir: string): Promise<BackupInfo[]> {
  const names = await backupNames(dir);
  return Promise.all(names.map((n) => infoOf(dir, n)));
}

/** Writes a new backup atomically, then deletes all but the newest `keep`. */
export async function storeBackupIn(
  dir: string,
  content: string,
  now = new Date(),
  keep = BACKUPS_KEPT,
): Promise<BackupInfo> {
  await mkdir(dir, { recursive: true });
  const existing = new Set(await backupNames(dir));
  let n = 1;
  while (existing.has(backupFileName(now, n))) n++;
  const name = backupFileName(now, n);
  await writeFileAtomic(join(dir, name), content);
  const names = await backupNames(dir);
  await Promise.all(names.slice(keep).map((old) => rm(join(dir, old), { force: true })));
  return infoOf(dir, name);
}

/** A backup's text by its bare name; only names of backups, so nothing outside `dir` is read. */
export async function readBackupIn(dir: string, name: string): Promise<string> {
  if (!BACKUP_NAME.test(name)) throw new Error(`“${name}” is not the name of an automatic backup`);
  return readFile(join(dir, name), 'utf8');
}

const backupDir = (): string => join(app.getPath('userData'), 'backups');

// An in-memory session of its own: the print window shares no storage with the app, and every
// request but the report file itself is cancelled (the report's own CSP forbids them too).
const PRINT_PARTITION = 'claimdesk-print';
const printable = new Set<string>();
let printSession: Session | null = null;

function preparePrintSession(): void {
  if (printSession) return;
  printSession = session.fromPartition(PRINT_PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !printable.has(details.url) }),
  );
}

/** Renders a self-contained HTML report to PDF in a hidden window with JavaScript off. */
export async function renderPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(app.getPath('temp'), 'claimdesk-print-'));
  const file = join(dir, 'report.html');
  const fileUrl = pathToFileURL(file).href;
  let win: BrowserWindow | null = null;
  try {
    // A file rather than a data: URL: Chromium refuses URLs over 2 MB, and reports can be larger.
    await writeFile(file, html, { mode: 0o600 });
    preparePrintSession();
    printable.add(fileUrl);
    win = new BrowserWindow({
      show: false,
      width: 1000,
      height: 1400,
      webPreferences: {
        partition: PRINT_PARTITION,
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    });
    await win.loadURL(fileUrl);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    printable.delete(fileUrl);
    win?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

const pdfName = (name: string): string =>
  /\.pdf$/i.test(name) ? name : `${name.replace(/\.html?$/i, '')}.pdf`;

export function createDesktopExportRpc(ctx: DesktopContext): ExportCalls {
  // Backups are written one after another, so pruning never races a write.
  const backups = serialQueue();

  return {
    async printToPdf({ suggestedName, html }) {
      let pdf: Buffer;
      try {
        pdf = await renderPdf(html);
      } catch (error) {
        return err(`The report could not be printed to PDF: ${reason(error)}`);
      }
      const options: SaveDialogOptions = {
        title: 'Save PDF',
        defaultPath: join(app.getPath('documents'), pdfName(suggestedName)),
        filters: [
          { name: 'PDF document', extensions: ['pdf'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = ctx.getWindow();
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return ok({ path: null });
      try {
        await writeFileAtomic(choice.filePath, pdf);
      } catch (error) {
        return err(`The PDF could not be saved: ${reason(error)}`);
      }
      return ok({ path: choice.filePath });
    },

    async storeBackup(content, why) {
      try {
        const info = await backups(() => storeBackupIn(backupDir(), content));
        return ok(info);
      } catch (error) {
        return err(`The automatic backup could not be written: ${reason(error)}`);
      } finally {
        if (why === 'quit') quitBackupStored();
      }
    },

    async listBackups() {
      try {
        return ok(await listBackupsIn(backupDir()));
      } catch (error) {
        return err(`The automatic backups could not be listed: ${reason(error)}`);
      }
    },

    async readBackup(name) {
      try {
        return ok(await readBackupIn(backupDir(), name));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return err(code === 'ENOENT' ? `The backup “${name}” no longer exists` : reason(error));
      }
    },
  };
}
