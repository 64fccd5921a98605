// Opens files the desktop app is given by path (open dialog, Open Recent, command line, the
// OS): checks the size before reading anything, then hands the bytes to the import worker.
// No Electron imports, so it can be unit-tested with a stub importer.
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import type { ParsedFile } from '../../src-shared/model';
import type { OpenedFile } from '../../src-shared/rpc-calls';
import { err, type Result } from '../../src-shared/result';
import { MAX_IMPORT_BYTES } from '../../src-shared/validate';
import { importFile } from '../services/import-service';
import { errorMessage } from '../../src-shared/util/error-message';

export type Importer = (name: string, bytes: Uint8Array) => Promise<Result<ParsedFile>>;

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
export const tooLargeMessage = (name: string, size: number): string =>
  `${name}: the file is ${mb(size)}, larger than the ${mb(MAX_IMPORT_BYTES)} the importer accepts`;

/** Reads and parses one file; every failure is a Result naming the file. */
export async function importPath(
  path: string,
  importer: Importer = importFile,
  maxBytes: number = MAX_IMPORT_BYTES,
): Promise<Result<ParsedFile>> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return err(`${name}: not a file`);
    if (info.size > maxBytes) return err(tooLargeMessage(name, info.size));
    const bytes = await readFile(path);
    // The file may have grown between stat and read.
    if (bytes.byteLength > maxBytes) return err(tooLargeMessage(name, bytes.byteLength));
    return await importer(name, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT') return err(`${name}: the file does not exist`);
    if (code === 'EACCES' || code === 'EPERM') return err(`${name}: permission to read the file was denied`);
    return err(`${name}: the file could not be read (${errorMessage(error)})`);
  }
}

/**
 * One at a time: each import runs a worker with a large memory cap, so they are not stacked.
 * The bytes of each file that imported come back too, for the renderer to keep.
 */
export async function importPaths(
  paths: readonly string[],
  importer: Importer = importFile,
): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  for (const path of paths) {
    let read: Uint8Array | null = null;
    const result = await importPath(path, (name, bytes) => {
      read = bytes;
      return importer(name, bytes);
    });
    opened.push({ result, bytes: result.ok ? read : null });
  }
  return opened;
}

/**
 * File paths in a command line: drops the executable, switches (Chromium and Playwright add
 * their own, and may reorder them) and, in unpackaged runs, the app entry script.
 */
export function filePathsFromArgv(argv: readonly string[], cwd: string, isPackaged: boolean): string[] {
  const positional = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  const files = isPackaged ? positional : positional.slice(1);
  return files.map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}
