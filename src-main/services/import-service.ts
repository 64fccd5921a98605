// The import service both transports call: runs the parser in a worker thread with a memory
// cap and a time limit, so a hostile or huge file can neither block nor crash the host, and so
// a running import can report progress and be cancelled (the worker is simply terminated).
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseProgress } from '../import/progress';
import type { ParsedFile } from '../../src-shared/model';
import { err, type Result } from '../../src-shared/result';
import type { ImportJobData, WorkerMessage } from './import-worker';

export interface ImportLimits {
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { timeoutMs: 120_000, maxOldGenerationSizeMb: 2048 };

/** The built worker sits beside the bundle that imports this module (out/main/). */
const workerFile = (): string => join(dirname(fileURLToPath(import.meta.url)), 'import-worker.js');

export const cancelledMessage = (name: string): string => `${name}: import cancelled`;

/** How an import replies: the parsed file, or (for the browser edition's host) its JSON bytes. */
export type ReplyKind = 'value' | 'json';
export type ImportReply<R extends ReplyKind> = R extends 'json' ? Uint8Array : Result<ParsedFile>;

/** A result in the form asked for. */
export const importReply = <R extends ReplyKind>(kind: R, result: Result<ParsedFile>): ImportReply<R> =>
  (kind === 'json' ? new TextEncoder().encode(JSON.stringify(result)) : result) as ImportReply<R>;

export interface RunningImport<R extends ReplyKind = 'value'> {
  result: Promise<ImportReply<R>>;
  /** Stops the parse; `result` then resolves to the "import cancelled" error. */
  cancel(): void;
}

export interface StartOptions {
  encoding?: string;
  onProgress?: (progress: ParseProgress) => void;
  limits?: ImportLimits;
}

export type StartImport = <R extends ReplyKind>(
  name: string,
  bytes: Uint8Array,
  options: StartOptions,
  reply: R,
) => RunningImport<R>;

const spawnWorker = (limits: ImportLimits): Worker =>
  new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb } });

/**
 * A worker started before it is needed, its modules loaded, waiting for a job: each import still
 * gets a worker of its own, but does not wait for one to start (about 90 ms). Only in hosts that
 * asked for it (keepImportWorkerReady), which then always have one, with the default limits.
 */
let spare: Worker | null = null;
let keepSpare = false;

function readySpare(): void {
  if (!keepSpare || spare) return;
  const worker = spawnWorker(DEFAULT_IMPORT_LIMITS);
  // An idle spare keeps no process alive; one that dies is simply not used.
  worker.unref();
  worker.once('exit', () => {
    if (spare === worker) spare = null;
  });
  worker.once('error', () => undefined);
  spare = worker;
}

/** Long-lived hosts (the desktop app, the browser edition's host) keep a worker ready. */
export function keepImportWorkerReady(): void {
  keepSpare = true;
  readySpare();
}

function takeWorker(limits: ImportLimits): Worker {
  const ready = spare;
  // The spare has the default memory cap; an import asking for another gets a worker with it.
  if (!ready || limits.maxOldGenerationSizeMb !== DEFAULT_IMPORT_LIMITS.maxOldGenerationSizeMb)
    return spawnWorker(limits);
  spare = null;
  ready.ref();
  return ready;
}

export function startImport<R extends ReplyKind = 'value'>(
  name: string,
  bytes: Uint8Array,
  options: StartOptions = {},
  reply: R = 'value' as R,
): RunningImport<R> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const { onProgress } = options;
  const data: ImportJobData = { name, bytes, progress: onProgress !== undefined, json: reply === 'json' };
  if (options.encoding !== undefined) data.encoding = options.encoding;
  const worker = takeWorker(limits);
  worker.postMessage(data);
  let resolve: (result: ImportReply<R>) => void = () => undefined;
  const result = new Promise<ImportReply<R>>((r) => (resolve = r));
  let settled = false;
  const finish = (value: ImportReply<R>): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    void worker.terminate();
    resolve(value);
    // The next one starts once this import no longer needs the CPU.
    readySpare();
  };
  const settle = (value: Result<ParsedFile>): void => {
    if (!settled) finish(importReply(reply, value));
  };
  const timer = setTimeout(
    () => settle(err(`${name}: parsing took longer than ${limits.timeoutMs / 1000} s and was stopped`)),
    limits.timeoutMs,
  );
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'result') settle(message.result);
    else if (message.type === 'result-json') finish(message.json as ImportReply<R>);
    else onProgress?.({ bytes: message.bytes, articles: message.articles });
  });
  worker.once('error', (error: Error & { code?: string }) =>
    settle(
      err(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${name}: the file needs more memory than the importer allows`
          : `${name}: the importer failed (${error.message})`,
      ),
    ),
  );
  worker.once('exit', (code) => settle(err(`${name}: the importer stopped unexpectedly (exit ${code})`)));
  return { result, cancel: () => settle(err(cancelledMessage(name))) };
}

/** Parses one file in a worker and waits for it (no progress, no cancellation). */
export function importFile(
  name: string,
  bytes: Uint8Array,
  options: { encoding?: string } = {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<Result<ParsedFile>> {
  return startImport(name, bytes, { ...options, limits }).result;
}
