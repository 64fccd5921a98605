// Opening a 200,000-word article with 5,000 highlights, and adding one more highlight, in the
// app's own editor in real Chromium — each beside the same article with no highlights.
import { median, startBenchBrowser } from './browser-harness';
import type { BenchLine, Benchmark } from './harness';

const WORDS = 200_000;
const HIGHLIGHTS = 5_000;
// Nine runs: on a shared 2-core machine a median of five still swings by a third.
const RUNS = 9;

interface EditorBench {
  open(words: number, count: number): number;
  addOne(): number;
  marks(): number;
}
declare const claimdeskBench: EditorBench;

export const run: Benchmark = async () => {
  const browser = await startBenchBrowser();
  try {
    const page = await browser.open('editor.html');
    const open = (count: number) =>
      page.evaluate(([w, c]) => claimdeskBench.open(w, c), [WORDS, count] as const);
    const addOne = () => page.evaluate(() => claimdeskBench.addOne());
    const times = {
      openNone: [] as number[],
      openMany: [] as number[],
      addNone: [] as number[],
      addMany: [] as number[],
    };
    for (let i = 0; i < RUNS; i++) {
      times.openNone.push(await open(0));
      times.addNone.push(await addOne());
      times.openMany.push(await open(HIGHLIGHTS));
      times.addMany.push(await addOne());
    }
    const marks = await page.evaluate(() => claimdeskBench.marks());
    if (marks < HIGHLIGHTS) throw new Error(`only ${marks} marks drawn`);
    const lines: BenchLine[] = [
      {
        name: `open and render ${WORDS.toLocaleString()} words with ${HIGHLIGHTS.toLocaleString()} highlights`,
        value: median(times.openMany),
        unit: 'ms',
        baselineName: 'same article, no highlights',
        baseline: median(times.openNone),
        aim: 3,
      },
      {
        name: 'add one highlight to it',
        value: median(times.addMany),
        unit: 'ms',
        baselineName: 'add one to the article with none',
        baseline: median(times.addNone),
        aim: 1.5,
      },
    ];
    return lines;
  } finally {
    await browser.close();
  }
};
