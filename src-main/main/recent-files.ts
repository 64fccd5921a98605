// The in-app "Open Recent" list, persisted as JSON in userData. The OS list
// (app.addRecentDocument) is kept separately by the caller; this one drives the menu on
// Windows and Linux. No Electron imports, so it can be unit-tested.
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { writeFileAtomic } from '../services/write-file-atomic';
import { serialQueue } from '../../src-shared/util/serial-queue';

export const MAX_RECENT_FILES = 10;

/** Most recent first, no duplicates, absolute paths only, at most `max`. */
export function withRecent(list: readonly string[], path: string, max = MAX_RECENT_FILES): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, max);
}

export function parseRecentList(value: unknown, max = MAX_RECENT_FILES): string[] {
  if (!Array.isArray(value)) return [];
  const paths = value.filter((p): p is string => typeof p === 'string' && p.length < 4096 && isAbsolute(p));
  return [...new Set(paths)].slice(0, max);
}

export class RecentFiles {
  private paths: string[] = [];
  // Writes are chained: two quick saves must not race on the temporary file or reorder.
  private readonly writes = serialQueue();

  constructor(private readonly file: string) {}

  list(): readonly string[] {
    return this.paths;
  }

  async load(): Promise<void> {
    try {
      this.paths = parseRecentList(JSON.parse(await readFile(this.file, 'utf8')));
    } catch {
      this.paths = []; // missing or corrupt: start afresh rather than fail to start
    }
  }

  add(path: string): Promise<void> {
    if (!isAbsolute(path)) return this.writes(() => Promise.resolve());
    this.paths = withRecent(this.paths, path);
    return this.save();
  }

  clear(): Promise<void> {
    this.paths = [];
    return this.save();
  }

  private save(): Promise<void> {
    const content = JSON.stringify(this.paths, null, 2);
    return this.writes(() => writeFileAtomic(this.file, content)).catch((error: unknown) =>
      console.error('claimdesk: could not save the recent-files list:', error),
    );
  }
}
