// Restoring a backup of 1,000 documents and 10,000 annotations into real IndexedDB (Chromium),
// beside raw IndexedDB writes of the same records in one transaction.
import { median, startBenchBrowser } from './browser-harness';
import { benchSnapshot } from './export.bench';
import type { Benchmark } from './harness';

const RUNS = 5;
declare const claimdeskBench: { run(json: string): Promise<{ restore: number; raw: number }> };

export const run: Benchmark = async () => {
  const json = JSON.stringify(benchSnapshot());
  const browser = await startBenchBrowser();
  try {
    const page = await browser.open('restore.html');
    const restore: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await page.evaluate((snapshot) => claimdeskBench.run(snapshot), json);
      restore.push(t.restore);
      raw.push(t.raw);
    }
    return [
      {
        name: 'restore 1,000 documents and 10,000 annotations (Dexie, one transaction)',
        value: median(restore),
        unit: 'ms',
        baselineName: 'raw IndexedDB puts of the same records',
        baseline: median(raw),
      },
    ];
  } finally {
    await browser.close();
  }
};
