// Running imports by job id, one registry per host process, shared by both transports (desktop
// IPC and the browser edition's HTTP host): importFile registers the job, importStatus reads its
// latest progress, cancelImport terminates its worker.
import type { ImportStatus, RpcArgs } from '../../src-shared/rpc-calls';
import { err, ok } from '../../src-shared/result';
import type { RpcImplementation } from './rpc-dispatch';
import {
  cancelledMessage,
  importReply,
  startImport,
  type ImportReply,
  type ReplyKind,
  type StartImport,
} from './import-service';

export type ImportJobCalls = Pick<RpcImplementation, 'importFile' | 'importStatus' | 'cancelImport'> & {
  /** importFile whose reply is the result's JSON, as bytes (the browser edition's host sends them on). */
  importFileAsJson(...args: RpcArgs<'importFile'>): Promise<Uint8Array>;
};

interface Job {
  status: ImportStatus;
  cancel(): void;
}

/**
 * How many cancellations of not-yet-started jobs are remembered. In the browser edition the
 * analyst can cancel while the file is still being uploaded, before the host knows the job.
 */
const EARLY_CANCELS_KEPT = 64;

export function createImportJobs(start: StartImport = startImport): ImportJobCalls {
  const jobs = new Map<string, Job>();
  const cancelledEarly = new Set<string>();

  async function run<R extends ReplyKind>(
    reply: R,
    ...[name, bytes, { encoding, jobId }]: RpcArgs<'importFile'>
  ): Promise<ImportReply<R>> {
    const options = encoding === undefined ? {} : { encoding };
    if (jobId === undefined) return start(name, bytes, options, reply).result;
    if (cancelledEarly.delete(jobId)) return importReply(reply, err(cancelledMessage(name)));
    if (jobs.has(jobId))
      return importReply(reply, err(`${name}: another import is already running under the same id`));
    const job: Job = {
      status: { jobId, bytes: 0, totalBytes: bytes.byteLength, articles: 0 },
      cancel: () => undefined,
    };
    const running = start(
      name,
      bytes,
      {
        ...options,
        onProgress: ({ bytes: done, articles }) => {
          job.status = { ...job.status, bytes: done, articles };
        },
      },
      reply,
    );
    job.cancel = running.cancel;
    jobs.set(jobId, job);
    try {
      return await running.result;
    } finally {
      jobs.delete(jobId);
    }
  }

  return {
    importFile: (...args) => run('value', ...args),
    importFileAsJson: (...args) => run('json', ...args),

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
