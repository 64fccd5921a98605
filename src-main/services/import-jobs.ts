// Running imports by job id, one registry per host process, shared by both transports (desktop
// IPC and the browser edition's HTTP host): importFile registers the job, importStatus reads its
// latest progress, cancelImport terminates its worker.
import type { ImportStatus } from '../../src-shared/rpc-calls';
import { err, ok } from '../../src-shared/result';
import type { RpcImplementation } from './rpc-dispatch';
import { cancelledMessage, startImport } from './import-service';

export type ImportJobCalls = Pick<RpcImplementation, 'importFile' | 'importStatus' | 'cancelImport'>;

interface Job {
  status: ImportStatus;
  cancel(): void;
}

/**
 * How many cancellations of not-yet-started jobs are remembered. In the browser edition the
 * analyst can cancel while the file is still being uploaded, before the host knows the job.
 */
const EARLY_CANCELS_KEPT = 64;

export function createImportJobs(start: typeof startImport = startImport): ImportJobCalls {
  const jobs = new Map<string, Job>();
  const cancelledEarly = new Set<string>();

  return {
    async importFile(name, bytes, { encoding, jobId }) {
      const options = encoding === undefined ? {} : { encoding };
      if (jobId === undefined) return start(name, bytes, options).result;
      if (cancelledEarly.delete(jobId)) return err(cancelledMessage(name));
      if (jobs.has(jobId)) return err(`${name}: another import is already running under the same id`);
      const job: Job = {
        status: { jobId, bytes: 0, totalBytes: bytes.byteLength, articles: 0 },
        cancel: () => undefined,
      };
      const running = start(name, bytes, {
        ...options,
        onProgress: ({ bytes: done, articles }) => {
          job.status = { ...job.status, bytes: done, articles };
        },
      });
      job.cancel = running.cancel;
      jobs.set(jobId, job);
      try {
        return await running.result;
      } finally {
        jobs.delete(jobId);
      }
    },

    importStatus: (jobId) => Promise.resolve(ok(jobs.get(jobId)?.status ?? null)),

    cancelImport(jobId) {
      const job = jobs.get(jobId);
      if (job) {
        job.cancel();
      } else {
        cancelledEarly.add(jobId);
        // Sets iterate in insertion order: the oldest is dropped first.
        if (cancelledEarly.size > EARLY_CANCELS_KEPT)
          cancelledEarly.delete(cancelledEarly.values().next().value as string);
      }
      return Promise.resolve(ok(null));
    },
  };
}

/** This process's imports: both transports spread it into their RPC implementation. */
export const importJobRpc: ImportJobCalls = createImportJobs();
