// Import progress and cancellation: the parser reports how far it has got (throttled), the job
// registry answers importStatus from those reports, and cancelImport stops the job — also when
// the cancel arrives before the file does.
import { describe, expect, it, vi } from 'vitest';
import { createImportJobs } from '../../../src-main/services/import-jobs';
import {
  importReply,
  type ReplyKind,
  type StartImport,
  type StartOptions,
} from '../../../src-main/services/import-service';
import { parseFile } from '../../../src-main/import/index';
import { ProgressMeter, type ParseProgress } from '../../../src-main/import/progress';
import type { ParsedFile } from '../../../src-shared/model';
import { err, ok, type Result } from '../../../src-shared/result';

const parsed: ParsedFile = { file: 'a.txt', format: 'text', encoding: 'utf-8', articles: [] };

/** A stand-in for the worker: the test decides when it reports and finishes. */
function stubStart() {
  const runs: {
    name: string;
    options: StartOptions;
    reply: ReplyKind;
    finish: (result: Result<ParsedFile>) => void;
    cancel: ReturnType<typeof vi.fn>;
  }[] = [];
  const start: StartImport = (name, _bytes, options, reply) => {
    let finish: (result: Result<ParsedFile>) => void = () => undefined;
    const result = new Promise<Result<ParsedFile>>((resolve) => (finish = resolve));
    const cancel = vi.fn(() => finish(err(`${name}: import cancelled`)));
    runs.push({ name, options, reply, finish, cancel });
    return { result: result.then((r) => importReply(reply, r)), cancel };
  };
  return { start, runs };
}

const fromJson = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

describe('import jobs', () => {
  it('replies with the result as JSON bytes when asked, progress and errors alike', async () => {
    const { start, runs } = stubStart();
    const jobs = createImportJobs(start);
    const pending = jobs.importFileAsJson('dump.txt', new Uint8Array(1000), { jobId: 'job-j' });
    expect(runs[0]?.reply).toBe('json');
    runs[0]?.options.onProgress?.({ bytes: 400, articles: 12 });
    expect(await jobs.importStatus('job-j')).toEqual(
      ok({ jobId: 'job-j', bytes: 400, totalBytes: 1000, articles: 12 }),
    );
    runs[0]?.finish(ok(parsed));
    expect(fromJson(await pending)).toEqual(ok(parsed));

    await jobs.cancelImport('early-j');
    const early = await jobs.importFileAsJson('b.txt', new Uint8Array(1), { jobId: 'early-j' });
    expect(fromJson(early)).toEqual(err('b.txt: import cancelled'));
    expect(runs).toHaveLength(1);
  });

  it('reports the latest progress while running, and null once finished', async () => {
    const { start, runs } = stubStart();
    const jobs = createImportJobs(start);
    const pending = jobs.importFile('dump.txt', new Uint8Array(1000), { jobId: 'job-1' });
    expect(await jobs.importStatus('job-1')).toEqual(
      ok({ jobId: 'job-1', bytes: 0, totalBytes: 1000, articles: 0 }),
    );
    runs[0]?.options.onProgress?.({ bytes: 400, articles: 12 });
    expect(await jobs.importStatus('job-1')).toEqual(
      ok({ jobId: 'job-1', bytes: 400, totalBytes: 1000, articles: 12 }),
    );
    runs[0]?.finish(ok(parsed));
    expect(await pending).toEqual(ok(parsed));
    expect(await jobs.importStatus('job-1')).toEqual(ok(null));
    expect(await jobs.importStatus('never-started')).toEqual(ok(null));
  });

  it('passes the encoding on, and runs without a job id untracked', async () => {
    const { start, runs } = stubStart();
    const jobs = createImportJobs(start);
    const pending = jobs.importFile('a.txt', new Uint8Array(1), { encoding: 'windows-1256' });
    expect(runs[0]?.options).toEqual({ encoding: 'windows-1256' });
    runs[0]?.finish(ok(parsed));
    expect(await pending).toEqual(ok(parsed));
  });

  it('cancels a running job: its import resolves to "import cancelled"', async () => {
    const { start, runs } = stubStart();
    const jobs = createImportJobs(start);
    const pending = jobs.importFile('big.txt', new Uint8Array(10), { jobId: 'job-2' });
    expect(await jobs.cancelImport('job-2')).toEqual(ok(null));
    expect(runs[0]?.cancel).toHaveBeenCalledOnce();
    expect(await pending).toEqual(err('big.txt: import cancelled'));
    expect(await jobs.importStatus('job-2')).toEqual(ok(null));
  });

  it('refuses to start a job cancelled before its file arrived', async () => {
    const { start, runs } = stubStart();
    const jobs = createImportJobs(start);
    await jobs.cancelImport('job-3');
    expect(await jobs.importFile('big.txt', new Uint8Array(10), { jobId: 'job-3' })).toEqual(
      err('big.txt: import cancelled'),
    );
    expect(runs).toHaveLength(0);
  });

  it('refuses a second job under a running job id', async () => {
    const { start, runs } = stubStart();
    const jobs = createImportJobs(start);
    const first = jobs.importFile('a.txt', new Uint8Array(1), { jobId: 'same' });
    const second = await jobs.importFile('b.txt', new Uint8Array(1), { jobId: 'same' });
    expect(second.ok).toBe(false);
    expect(!second.ok && second.error).toMatch(/^b\.txt: /);
    runs[0]?.finish(ok(parsed));
    expect(await first).toEqual(ok(parsed));
  });

  it('forgets old early cancellations rather than growing without bound', async () => {
    const { start } = stubStart();
    const jobs = createImportJobs(start);
    for (let i = 0; i < 200; i++) await jobs.cancelImport(`early-${i}`);
    // The oldest was dropped: its import starts normally.
    const pending = jobs.importFile('a.txt', new Uint8Array(1), { jobId: 'early-0' });
    expect(await jobs.importStatus('early-0')).toEqual(
      ok({ jobId: 'early-0', bytes: 0, totalBytes: 1, articles: 0 }),
    );
    await jobs.cancelImport('early-0');
    expect(await pending).toEqual(err('a.txt: import cancelled'));
  });
});

describe('parse progress', () => {
  it('reports at most once per interval, scaled to the file size', () => {
    let clock = 0;
    const seen: ParseProgress[] = [];
    const meter = new ProgressMeter(
      1000,
      (p) => seen.push(p),
      () => clock,
    );
    const split = meter.pass('split');
    split(0.5, 3);
    clock = 50;
    split(0.6, 4);
    expect(seen).toEqual([]);
    clock = 100;
    split(0.5, 5);
    clock = 150;
    meter.pass('finalize')(1, 5);
    clock = 200;
    meter.pass('finalize')(1, 9);
    expect(seen).toEqual([
      { bytes: 300, articles: 5 },
      { bytes: 1000, articles: 9 },
    ]);
  });

  it('reports a large news dump as it goes, never beyond its size or going back', async () => {
    const article = (i: number): string =>
      `Headline number ${i}\n\nCaption ${i} (AFP)\nCaption ${i} (AFP)\n\nTT\n\n20\n\nHeadline number ${i}\n\n` +
      `${'The minister said exports rose by twelve percent last year. '.repeat(20)}\n\n`.repeat(6);
    const text = Array.from({ length: 2000 }, (_, i) => article(i)).join('\n\n\n');
    const bytes = new TextEncoder().encode(text);
    const seen: ParseProgress[] = [];
    const started = performance.now();
    const file = await parseFile('dump.txt', bytes, { onProgress: (p) => seen.push(p) });
    expect(file.articles).toHaveLength(2000);
    // Reports come every 100 ms: a parse that took a few intervals must have sent some.
    if (performance.now() - started > 300) expect(seen.length).toBeGreaterThan(0);
    for (const [i, p] of seen.entries()) {
      expect(p.bytes).toBeLessThanOrEqual(bytes.byteLength);
      expect(p.bytes).toBeGreaterThanOrEqual(seen[i - 1]?.bytes ?? 0);
      expect(p.articles).toBeLessThanOrEqual(2000);
    }
  });

  it('costs nothing when nobody listens', async () => {
    const listener = vi.fn();
    const meter = new ProgressMeter(10, undefined, () => {
      listener();
      return 0;
    });
    meter.pass('split')(0.5, 1);
    expect(listener).toHaveBeenCalledTimes(1); // only the constructor's reading of the clock
  });
});
