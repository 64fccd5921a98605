// Worker-thread entry: parses one untrusted file off the main thread, posting its progress
// while it runs and then the Result. The job is the first message (the worker may have been
// started before there was one); the parent caps its memory (resourceLimits) and time, and
// terminates it on either, when the analyst cancels, and once the result is in.
import { parentPort } from 'node:worker_threads';
import { importFailure, parseFile, type ParseOptions } from '../import/index';
import type { ParseProgress } from '../import/progress';
import type { ParsedFile } from '../../src-shared/model';
import type { Result } from '../../src-shared/result';

export interface ImportJobData {
  name: string;
  bytes: Uint8Array;
  encoding?: string;
  /** Post progress messages (only when someone will ask for them). */
  progress: boolean;
  /** Post the result as UTF-8 JSON bytes, moved rather than copied (the browser edition's host). */
  json?: boolean;
}

export type WorkerMessage =
  | ({ type: 'progress' } & ParseProgress)
  | { type: 'result'; result: Result<ParsedFile> }
  | { type: 'result-json'; json: Uint8Array };

async function run(job: ImportJobData, post: (message: WorkerMessage) => void): Promise<Result<ParsedFile>> {
  const options: ParseOptions = {};
  if (job.encoding) options.encoding = job.encoding;
  if (job.progress) options.onProgress = (p) => post({ type: 'progress', ...p });
  try {
    return { ok: true, value: await parseFile(job.name, job.bytes, options) };
  } catch (error) {
    return { ok: false, error: importFailure(job.name, error) };
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (message: WorkerMessage): void => port.postMessage(message);
  port.once(
    'message',
    (job: ImportJobData) =>
      void run(job, post).then((result) => {
        if (!job.json) return post({ type: 'result', result });
        // Serialised here, the result is neither cloned into the host nor stringified on its one
        // thread: the host sends these bytes as they are.
        const json = new TextEncoder().encode(JSON.stringify(result));
        port.postMessage({ type: 'result-json', json } satisfies WorkerMessage, [json.buffer]);
      }),
  );
}
