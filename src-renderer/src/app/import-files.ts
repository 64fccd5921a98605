// Opening files: bytes from the chooser, a drop, the Recent files list or a re-read with another
// encoding go to the import service (off the UI thread, in the host or main process); each parsed
// file is stored in one transaction, with its bytes when the renderer has them. A failed or
// cancelled file changes nothing and yields a message naming it. Large files show their progress
// (a module-level store, read by ImportProgress) and can be cancelled.
import { useSyncExternalStore } from 'react';
import type { ImportFormat, ParsedFile } from '../../../src-shared/model';
import type { Result } from '../../../src-shared/result';
import { serialQueue } from '../../../src-shared/util/serial-queue';
import { getBridge } from '../bridge/bridge';
import { fileIdOf, storedFile, storedFileNamed } from '../db/files';
import { storeParsedFile, StoreError, type StepProgress } from '../db/store-file';
import type { FileRecord } from '../db/database';
import { describeFactChecks, storeFactChecks } from '../db/fact-checks';
import { attachQdpx } from '../db/qdpx-attach';
import { db } from '../db/instance';

export interface OpenOutcome {
  /** Document ids of every article opened, in file order. */
  documentIds: string[];
  errors: string[];
  /** Annotations of changed articles that could not be placed in the new text. */
  orphaned: number;
  /** The first article was opened while the rest was still being stored (see StoreOptions). */
  openedEarly?: true;
  /** What was added besides articles (a ClaimReview file's fact-checks), in words for the analyst. */
  info?: string[];
  /** The file the first document id came from. */
  file?: string;
  /** The analyst was asked before storing and said no: nothing was changed. */
  declined?: true;
}

/** Asked once a file is parsed, before anything is stored: false leaves the library as it was. */
export type BeforeStore = (file: ParsedFile) => Promise<boolean>;

export interface StoreOptions {
  /**
   * Opens an article as soon as it is stored: a large new file's first article, before the rest
   * of the file is in the library.
   */
  openEarly?: (documentId: string) => void;
}

/** Files larger than this show a progress bar with a Cancel button while they import. */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;

/** A web page this large takes seconds to read (a DOM, then Readability): it shows progress too. */
export const LARGE_HTML_BYTES = 200 * 1024;

export const showsProgress = (name: string, size: number): boolean =>
  size > (/\.x?html?$/i.test(name) ? LARGE_HTML_BYTES : LARGE_FILE_BYTES);
const POLL_MS = 250;

/** A running import of a large file, as the progress bar shows it. */
export interface ImportJobView {
  jobId: string;
  name: string;
  totalBytes: number;
  bytes: number;
  articles: number;
  /** Articles stored in the library so far (while storing a large new file in steps). */
  stored: number;
  /** Parsing (cancellable), being cancelled, or being stored in the library (no longer cancellable). */
  stage: 'parsing' | 'cancelling' | 'storing';
}

let jobs: readonly ImportJobView[] = [];
const listeners = new Set<() => void>();
function setJobs(next: readonly ImportJobView[]): void {
  jobs = next;
  for (const listener of listeners) listener();
}
function patchJob(jobId: string, patch: Partial<ImportJobView>): void {
  if (jobs.some((j) => j.jobId === jobId))
    setJobs(jobs.map((j) => (j.jobId === jobId ? { ...j, ...patch } : j)));
}
const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useImportJobs(): readonly ImportJobView[] {
  return useSyncExternalStore(subscribe, () => jobs);
}

/** Stops a running import; whatever it had found is not added to the library. */
export function cancelImportJob(jobId: string): void {
  if (!jobs.some((j) => j.jobId === jobId && j.stage === 'parsing')) return;
  patchJob(jobId, { stage: 'cancelling' });
  void getBridge().cancelImport(jobId);
}

const failed = (error: string): OpenOutcome => ({ documentIds: [], errors: [error], orphaned: 0 });
const cancelledMessage = (name: string): string => `${name}: import cancelled — nothing was added`;

/**
 * Stores are run one file at a time: a file stored in steps must not meet another import adding
 * the same articles between its steps (IndexedDB would run them one after another anyway).
 */
const oneAtATime = serialQueue();

/** Stores parsed files; `bytes[i]`, when given, is kept with file i so it can be read again. */
export async function storeResults(
  results: readonly Result<ParsedFile>[],
  bytes: readonly (Uint8Array | undefined)[] = [],
  { openEarly }: StoreOptions = {},
  onStored?: StepProgress['onStored'],
): Promise<OpenOutcome> {
  const outcome: OpenOutcome = { documentIds: [], errors: [], orphaned: 0 };
  for (const [i, result] of results.entries()) {
    if (!result.ok) {
      outcome.errors.push(result.error);
      continue;
    }
    const file = result.value;
    if (file.factChecks) {
      const stored = await oneAtATime(() => storeFactChecks(db, file.file, file.factChecks ?? []));
      if (stored.ok) (outcome.info ??= []).push(describeFactChecks(file.file, stored.value));
      else outcome.errors.push(stored.error);
      continue;
    }
    if (file.qda) {
      // A REFI-QDA project: its documents and highlights together, in one transaction.
      const attached = await oneAtATime(() => attachQdpx(db, file));
      if (attached.ok) outcome.documentIds.push(...attached.value.documentIds);
      else outcome.errors.push(attached.error);
      continue;
    }
    try {
      // Only the first file stored may open early: the analyst is not moved between files.
      const early = outcome.documentIds.length === 0 && !outcome.openedEarly ? openEarly : undefined;
      // A large new file goes in steps, its first article first, opened at once.
      const steps: StepProgress | undefined = early && {
        onFirst: (id) => {
          performance.mark('claimdesk:first-article-stored', { detail: { file: file.file } });
          early(id);
        },
        onStored,
      };
      const added = await oneAtATime(() => storeParsedFile(db, file, { bytes: bytes[i], steps }));
      if (outcome.documentIds.length === 0 && added.documentIds.length > 0) outcome.file = file.file;
      outcome.documentIds.push(...added.documentIds);
      outcome.orphaned += added.orphaned;
      if (added.inSteps) outcome.openedEarly = true;
      // A User Timing mark (DevTools' Performance panel; the import benchmark reads it).
      performance.mark('claimdesk:file-stored', { detail: { file: file.file } });
    } catch (error) {
      const reason =
        error instanceof StoreError ? error.message : `could not be saved to the library (${String(error)})`;
      outcome.errors.push(`${file.file}: ${reason}`);
    }
  }
  return outcome;
}

/**
 * One file through the import service and into the library. A large one is watched by the
 * progress bar until its documents are stored, and can be cancelled until they are being stored.
 */
async function openOne(
  name: string,
  size: number,
  read: () => Promise<Uint8Array>,
  encoding?: string,
  options: StoreOptions = {},
  beforeStore?: BeforeStore,
): Promise<OpenOutcome> {
  const bridge = getBridge();
  const jobId = crypto.randomUUID();
  const isCancelled = (): boolean => jobs.some((j) => j.jobId === jobId && j.stage === 'cancelling');
  let polling = false;
  const poll = async (): Promise<void> => {
    if (polling) return;
    polling = true;
    try {
      const status = await bridge.importStatus(jobId);
      // null until the host has the job (the browser edition is still sending the file).
      if (status.ok && status.value)
        patchJob(jobId, { bytes: status.value.bytes, articles: status.value.articles });
    } finally {
      polling = false;
    }
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  if (showsProgress(name, size)) {
    setJobs([...jobs, { jobId, name, totalBytes: size, bytes: 0, articles: 0, stored: 0, stage: 'parsing' }]);
    timer = setInterval(() => void poll(), POLL_MS);
  }
  try {
    const bytes = await read();
    if (isCancelled()) return failed(cancelledMessage(name));
    // Taken while the file is parsed; failures surface where the id is awaited.
    fileIdOf(bytes).catch(() => undefined);
    const result = await bridge.importFile(
      name,
      bytes,
      encoding === undefined ? { jobId } : { jobId, encoding },
    );
    clearInterval(timer);
    performance.mark('claimdesk:file-parsed', { detail: { file: name } });
    // Also when the host had already finished: the analyst asked for nothing to be added.
    if (isCancelled()) return failed(cancelledMessage(name));
    if (result.ok && beforeStore && !(await beforeStore(result.value)))
      return { documentIds: [], errors: [], orphaned: 0, declined: true };
    if (result.ok) patchJob(jobId, { stage: 'storing', bytes: size, articles: result.value.articles.length });
    return await storeResults([result], [bytes], options, (stored) => patchJob(jobId, { stored }));
  } catch (error) {
    return failed(`${name}: the file could not be read (${String(error)})`);
  } finally {
    clearInterval(timer);
    setJobs(jobs.filter((j) => j.jobId !== jobId));
  }
}

/** Several files' outcomes as one, in file order. */
function merged(outcomes: readonly OpenOutcome[]): OpenOutcome {
  return {
    documentIds: outcomes.flatMap((o) => o.documentIds),
    errors: outcomes.flatMap((o) => o.errors),
    orphaned: outcomes.reduce((sum, o) => sum + o.orphaned, 0),
    ...(outcomes.some((o) => o.info) ? { info: outcomes.flatMap((o) => o.info ?? []) } : {}),
    ...(outcomes.some((o) => o.openedEarly) ? { openedEarly: true as const } : {}),
    file: outcomes.find((o) => o.documentIds.length > 0)?.file,
  };
}

/** Of several files opened together, only the first to be stored opens early. */
function openingOnce({ openEarly }: StoreOptions): StoreOptions {
  if (!openEarly) return {};
  let opened = false;
  return {
    openEarly: (id) => {
      if (opened) return;
      opened = true;
      openEarly(id);
    },
  };
}

export async function importBrowserFiles(
  files: readonly File[],
  options: StoreOptions = {},
): Promise<OpenOutcome> {
  const once = openingOnce(options);
  return merged(
    await Promise.all(
      files.map((file) =>
        openOne(file.name, file.size, async () => new Uint8Array(await file.arrayBuffer()), undefined, once),
      ),
    ),
  );
}

/** PDF and Word files carry their own text encodings: only text formats can be read with another. */
export const readsWithEncoding = (format: ImportFormat): boolean => format !== 'pdf' && format !== 'docx';

async function openStored(
  record: FileRecord,
  encoding: string | undefined,
  beforeStore?: BeforeStore,
): Promise<OpenOutcome> {
  const { bytes } = record;
  return openOne(record.name, bytes.byteLength, () => Promise.resolve(bytes), encoding, {}, beforeStore);
}

/**
 * Reads a file's stored bytes again with the encoding the analyst chose. Articles whose text
 * changes become new versions of the old ones, their annotations re-anchored — once
 * `beforeStore` (the analyst, told what would happen to the annotations) agrees.
 */
export async function readAgainWithEncoding(
  fileName: string,
  encoding: string,
  beforeStore?: BeforeStore,
): Promise<OpenOutcome> {
  const record = await storedFileNamed(db, fileName);
  if (!record)
    return failed(
      `${fileName}: the original file is no longer stored, so it cannot be read with another encoding — open it again first.`,
    );
  return openStored(record, encoding, beforeStore);
}

/** Opens a file from the in-app Recent files list, read as it was last time. */
export async function reopenRecentFile(id: string, name: string): Promise<OpenOutcome> {
  const record = await storedFile(db, id);
  if (!record) return failed(`${name}: the file is no longer stored — open it from disk instead.`);
  return openStored(record, readsWithEncoding(record.format) ? record.encoding : undefined);
}
