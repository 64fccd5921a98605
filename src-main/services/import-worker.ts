// Worker-thread entry: parses one untrusted file off the main thread and posts back a Result.
// The parent caps its memory (resourceLimits) and time, and terminates it on either.
import { parentPort, workerData } from 'node:worker_threads';
import { importFailure, parseFile } from '../import/index';
import type { ParsedFile } from '../../src-shared/model';
import type { Result } from '../../src-shared/result';

interface Job {
  name: string;
  bytes: Uint8Array;
  encoding?: string;
}

async function run(job: Job): Promise<Result<ParsedFile>> {
  try {
    return {
      ok: true,
      value: await parseFile(job.name, job.bytes, job.encoding ? { encoding: job.encoding } : {}),
    };
  } catch (error) {
    return { ok: false, error: importFailure(job.name, error) };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as Job).then((result) => port.postMessage(result));
}
