// Opening files: bytes from the chooser or a drop go to the import service (off the UI thread,
// in the host or main process); each parsed file is stored in one transaction. A failed file
// changes nothing and yields a message naming it.
import type { ParsedFile } from '../../../src-shared/model';
import type { Result } from '../../../src-shared/result';
import { getBridge } from '../bridge/bridge';
import { addParsedFile } from '../db/library';
import { db } from '../db/instance';

export interface OpenOutcome {
  /** Document ids of every article opened, in file order. */
  documentIds: string[];
  errors: string[];
  /** Annotations of changed articles that could not be placed in the new text. */
  orphaned: number;
}

export async function storeResults(results: readonly Result<ParsedFile>[]): Promise<OpenOutcome> {
  const outcome: OpenOutcome = { documentIds: [], errors: [], orphaned: 0 };
  for (const result of results) {
    if (!result.ok) {
      outcome.errors.push(result.error);
      continue;
    }
    try {
      const added = await addParsedFile(db, result.value);
      outcome.documentIds.push(...added.documentIds);
      outcome.orphaned += added.orphaned;
    } catch (error) {
      outcome.errors.push(`${result.value.file}: could not be saved to the library (${String(error)})`);
    }
  }
  return outcome;
}

export async function importBrowserFiles(files: readonly File[]): Promise<OpenOutcome> {
  const bridge = getBridge();
  const results = await Promise.all(
    files.map(async (file) => bridge.importFile(file.name, new Uint8Array(await file.arrayBuffer()), {})),
  );
  return storeResults(results);
}
