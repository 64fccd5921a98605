// The import service both transports call: runs the parser in a worker thread with a memory
// cap and a time limit, so a hostile or huge file can neither block nor crash the host.
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedFile } from '../../src-shared/model';
import type { ImportOptions } from '../../src-shared/rpc-calls';
import { err, type Result } from '../../src-shared/result';

export interface ImportLimits {
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { timeoutMs: 120_000, maxOldGenerationSizeMb: 2048 };

/** The built worker sits beside the bundle that imports this module (out/main/). */
const workerFile = (): string => join(dirname(fileURLToPath(import.meta.url)), 'import-worker.js');

export function importFile(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<Result<ParsedFile>> {
  return new Promise((resolve) => {
    const worker = new Worker(workerFile(), {
      workerData: { name, bytes, encoding: options.encoding },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
    });
    let settled = false;
    const settle = (result: Result<ParsedFile>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle(err(`${name}: parsing took longer than ${limits.timeoutMs / 1000} s and was stopped`)),
      limits.timeoutMs,
    );
    worker.once('message', (result: Result<ParsedFile>) => settle(result));
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
  });
}
