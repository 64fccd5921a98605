// Check-worthiness benchmarks: splitting an article into sentences, scoring every sentence
// (src-shared/intel/checkworthy.ts with the shipped weights) and finding its claimant, for a
// 1,000-word article (beside splitting alone; aim: under 100 ms) and for every article of the
// 10,000-article news dump (beside parseFile of the dump; aim: within 3×), by the clock and, as
// other jobs share the machine, by CPU time.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseFile } from '../../src-main/import/index';
import { articleDocBlocks, canonicalText } from '../../src-shared/canonical';
import { attributeSentences } from '../../src-shared/intel/attribution';
import { scoreSentences, type CheckworthyModel } from '../../src-shared/intel/checkworthy';
import { defaultModel } from '../../src-shared/intel/checkworthy-model';
import { splitSentences } from '../../src-shared/intel/sentences';
import { pairedMedianMs, type BenchLine, type Benchmark } from './harness';

const run$ = promisify(execFile);
const makeNewsDump = fileURLToPath(new URL('./make-news-dump.mjs', import.meta.url));

/** Scores and claimants of every sentence of an article's text, as the suggestions need them. */
function rankAndAttribute(model: CheckworthyModel, text: string): number {
  const sentences = splitSentences(text);
  const scores = scoreSentences(
    model,
    sentences.map((s) => s.text),
  );
  return scores.length + attributeSentences(text, sentences).length;
}

/**
 * Medians of the CPU time (this process, all threads) of `measured` and `baseline`, run in
 * turns after one warm-up each: on a machine other jobs share, wall-clock time counts their
 * turns too, CPU time only this work.
 */
async function pairedMedianCpuMs(
  measured: () => unknown,
  baseline: () => unknown,
  pairs: number,
): Promise<{ value: number; baseline: number }> {
  const cpu = async (fn: () => unknown): Promise<number> => {
    const start = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  await cpu(measured);
  await cpu(baseline);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < pairs; i++) {
    a.push(await cpu(measured));
    b.push(await cpu(baseline));
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return { value: median(a), baseline: median(b) };
}

/** An article of at least `words` words, made of the dump's English articles one after another. */
function articleOfWords(texts: readonly string[], words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (const text of texts) {
    if (/[\u0600-\u06ff]/.test(text)) continue;
    parts.push(text);
    count += text.split(/\s+/).length;
    if (count >= words) break;
  }
  return parts.join('\n\n');
}

export const run: Benchmark = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-checkworthy-bench-'));
  try {
    const dump = join(dir, 'news-dump.txt');
    await run$(process.execPath, [makeNewsDump, dump, '--articles', '10000', '--arabic-every', '7']);
    const buffer = await readFile(dump);
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const parsed = await parseFile(dump, bytes);
    // Each article's text as the app stores it (title, caption and body blocks).
    const texts = parsed.articles.map((a) => canonicalText(articleDocBlocks(a)));
    const sentences = texts.reduce((n, t) => n + splitSentences(t).length, 0);
    const model = defaultModel();

    const article = articleOfWords(texts, 1000);
    const words = article.split(/\s+/).length;
    const small = await pairedMedianMs(
      () => rankAndAttribute(model, article),
      () => splitSentences(article),
      9,
    );
    // The dump's sentences split once, to time the scorer on its own.
    const split = texts.map((t) => splitSentences(t).map((s) => s.text));
    const parse = (): Promise<unknown> => parseFile(dump, bytes);
    // One measured pair each (after a warm-up): a pass over the dump takes seconds.
    const scoreOnly = await pairedMedianMs(() => split.map((doc) => scoreSentences(model, doc)), parse, 1);
    const all = await pairedMedianMs(() => texts.map((t) => rankAndAttribute(model, t)), parse, 1);
    const allCpu = await pairedMedianCpuMs(() => texts.map((t) => rankAndAttribute(model, t)), parse, 3);
    const lines: BenchLine[] = [
      {
        name: `article of ${words} words: split + score + claimants (aim < 100 ms)`,
        value: small.value,
        unit: 'ms',
        baselineName: 'split alone',
        baseline: small.baseline,
      },
      {
        name: `news dump (${texts.length} articles, ${sentences} sentences): score every sentence, split beforehand`,
        value: scoreOnly.value,
        unit: 'ms',
        baselineName: 'parseFile',
        baseline: scoreOnly.baseline,
      },
      {
        name: `news dump (${texts.length} articles): split + score + claimants`,
        value: all.value,
        unit: 'ms',
        baselineName: 'parseFile',
        baseline: all.baseline,
        aim: 3,
      },
      {
        name: `news dump (${texts.length} articles): split + score + claimants, CPU time`,
        value: allCpu.value,
        unit: 'ms',
        baselineName: 'parseFile, CPU time',
        baseline: allCpu.baseline,
        aim: 3,
      },
    ];
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
