// In-browser half of the whole-path import benchmark's baseline: the same document records the
// app stores, written with one raw Dexie bulkPut into a fresh database of the app's schema.
import { openDatabase } from '../../../src-renderer/src/db/database';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';
import type { DocumentRecord, ParsedFile } from '../../../src-shared/model';

let runs = 0;

const bench = {
  /** Parses `json` (untimed), then times one bulkPut of its records; returns ms. */
  async bulkPut(json: string): Promise<number> {
    const records = JSON.parse(json) as DocumentRecord[];
    const db = openDatabase(`bulkput-${++runs}`);
    await db.open();
    const t0 = performance.now();
    await db.documents.bulkPut(records);
    const ms = performance.now() - t0;
    await db.delete();
    return ms;
  },
  /** The app's own store step on the same file: parses `json` (untimed), times storeParsedFile. */
  async addFile(json: string, size: number): Promise<number> {
    const file = JSON.parse(json) as ParsedFile;
    const bytes = new Uint8Array(size).fill(32);
    const db = openDatabase(`addfile-${++runs}`);
    await db.open();
    const t0 = performance.now();
    await storeParsedFile(db, file, { bytes });
    const ms = performance.now() - t0;
    await db.delete();
    return ms;
  },
};

(window as unknown as { claimdeskBench: typeof bench }).claimdeskBench = bench;
