// The desktop edition's implementation of the RPC calls: native open/save dialogs, reading
// files by path, atomic writes, and vetted links handed to the system browser.
import { basename, join } from 'node:path';
import {
  app,
  dialog,
  shell,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { OpenedFile } from '../../src-shared/rpc-calls';
import { err, ok } from '../../src-shared/result';
import { vetExternalUrl } from '../../src-shared/url-trust';
import type { RpcImplementation } from '../services/rpc-dispatch';
import { writeFileAtomic } from '../services/write-file-atomic';
import { OPEN_FILTERS, saveFiltersFor } from './dialog-filters';
import { createDesktopExportRpc } from './desktop-export-rpc';
import { importJobRpc } from '../services/import-jobs';
import { importPaths } from './open-paths';
import type { RecentFiles } from './recent-files';
import { errorMessage } from '../../src-shared/util/error-message';

export interface DesktopContext {
  getWindow(): BrowserWindow | null;
  recent: RecentFiles;
  /** Called after the recent list changed (the menu is rebuilt). */
  onRecentChanged(): void;
}

/** Imports files by path and remembers the ones that opened, in the OS and in-app lists. */
export async function openPaths(ctx: DesktopContext, paths: readonly string[]): Promise<OpenedFile[]> {
  const results = await importPaths(paths);
  const opened = paths.filter((_path, i) => results[i]?.result.ok === true);
  for (const path of opened) {
    app.addRecentDocument(path);
    await ctx.recent.add(path);
  }
  if (opened.length > 0) ctx.onRecentChanged();
  return results;
}

/** The native open dialog, then openPaths; [] when cancelled. */
export async function openWithDialog(ctx: DesktopContext): Promise<OpenedFile[]> {
  const options: OpenDialogOptions = {
    title: 'Open articles',
    properties: ['openFile', 'multiSelections'],
    filters: OPEN_FILTERS,
  };
  const win = ctx.getWindow();
  const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (choice.canceled || choice.filePaths.length === 0) return [];
  return openPaths(ctx, choice.filePaths);
}

export function createDesktopRpc(ctx: DesktopContext): RpcImplementation {
  return {
    ...importJobRpc,
    ...createDesktopExportRpc(ctx),

    openFiles: async () => ok(await openWithDialog(ctx)),

    async saveFile({ suggestedName, mime, content }) {
      const options: SaveDialogOptions = {
        title: 'Save',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: saveFiltersFor(mime),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = ctx.getWindow();
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return ok({ path: null });
      try {
        await writeFileAtomic(choice.filePath, content);
      } catch (error) {
        const reason = errorMessage(error);
        return err(`${basename(choice.filePath)} could not be saved: ${reason}`);
      }
      return ok({ path: choice.filePath });
    },

    async openExternal(url) {
      const vetted = vetExternalUrl(url);
      if (vetted === null)
        return err('This link cannot be opened: only http and https addresses are allowed.');
      await shell.openExternal(vetted);
      return ok(null);
    },
  };
}
