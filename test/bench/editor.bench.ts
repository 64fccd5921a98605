// Opening a 200,000-word article with 5,000 highlights, and adding one more highlight, in the
// app's own editor in real Chromium — each beside the same article with no highlights.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import type { BenchLine, Benchmark } from './harness';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '../../bench-output/editor');
const WORDS = 200_000;
const HIGHLIGHTS = 5_000;
const RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export const run: Benchmark = async () => {
  await build({ root: join(here, 'browser'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((req, res) => {
    const path = join(outDir, req.url === '/' ? 'index.html' : (req.url ?? '').replace(/^\/+/, ''));
    if (!path.startsWith(outDir)) return void res.writeHead(404).end();
    readFile(path).then(
      (body) =>
        res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'claimdeskBench' in window);
    type Bench = { open(w: number, c: number): number; addOne(): number; marks(): number };
    const call = <T>(fn: (b: Bench, ...a: number[]) => T, ...args: number[]) =>
      page.evaluate(
        ([src, a]) =>
          new Function('b', 'a', `return (${src})(b, ...a)`)((window as never)['claimdeskBench'], a),
        [fn.toString(), args] as const,
      ) as Promise<T>;
    const openTimes = { none: [] as number[], many: [] as number[] };
    const addTimes = { none: [] as number[], many: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      openTimes.none.push(await call((b, w) => b.open(w as number, 0), WORDS));
      addTimes.none.push(await call((b) => b.addOne()));
      openTimes.many.push(await call((b, w, c) => b.open(w as number, c as number), WORDS, HIGHLIGHTS));
      addTimes.many.push(await call((b) => b.addOne()));
    }
    const marks = await call((b) => b.marks());
    if (marks < HIGHLIGHTS) throw new Error(`only ${marks} marks drawn`);
    const lines: BenchLine[] = [
      {
        name: `open and render ${WORDS.toLocaleString()} words with ${HIGHLIGHTS.toLocaleString()} highlights`,
        value: median(openTimes.many),
        unit: 'ms',
        baselineName: 'same article, no highlights',
        baseline: median(openTimes.none),
        aim: 3,
      },
      {
        name: `add one highlight to it`,
        value: median(addTimes.many),
        unit: 'ms',
        baselineName: 'add one to the article with none',
        baseline: median(addTimes.none),
        aim: 1.5,
      },
    ];
    return lines;
  } finally {
    await browser.close();
    server.close();
  }
};
