// The whole import path an analyst meets, in the browser edition in real Chromium: the 10,000-
// article dump chosen through "Open file…", timed until the first article is on screen and takes a
// highlight (while the rest is still being stored), until the library shows every article and
// until IndexedDB holds it all with the file's bytes — beside parsing alone plus
// a raw Dexie bulkPut of the same records. Then the library's filter keystrokes and scrolling
// with 10,000 entries, and a reload, each beside a raw baseline in the same page.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { parseFile } from '../../src-main/import/index';
import { documentsFromParsedFile } from '../../src-renderer/src/db/file-documents';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../chromium-path';
import { selectWithRange } from '../e2e/helpers';
import { median, startBenchBrowser } from './browser-harness';
import { medianMs, type BenchLine, type Benchmark } from './harness';
import { freePort, startHost } from './web-host';

const run$ = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = 10_000;

interface Watch {
  chosenAt?: number;
  libraryAt?: number;
  articleAt?: number;
}

/**
 * Installed before the app loads: notes when the file input's change fires, then, every frame,
 * whether the library counts `articles` entries with its first row drawn, and whether the article
 * view shows `firstText`. Times are the page's performance.now().
 */
function watchPage({ articles, firstText }: { articles: number; firstText: string }): void {
  const w: Watch = {};
  (window as unknown as { claimdeskWatch: Watch }).claimdeskWatch = w;
  document.addEventListener('change', () => (w.chosenAt ??= performance.now()), true);
  const tick = (): void => {
    const count = document.querySelector('[aria-label="Library"] [data-count]');
    if (
      w.libraryAt === undefined &&
      count?.getAttribute('data-count') === String(articles) &&
      document.querySelector('[aria-label="Library"] .cd-library-item')
    )
      w.libraryAt = performance.now();
    if (
      w.articleAt === undefined &&
      document.querySelector('.cd-article-text')?.textContent?.includes(firstText)
    )
      w.articleAt = performance.now();
    if (w.libraryAt === undefined || w.articleAt === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const watch = (page: Page): Promise<Watch> =>
  page.evaluate(() => (window as unknown as { claimdeskWatch: Watch }).claimdeskWatch);

/**
 * Keystrokes into the library filter: ms from the input event until the frame after it is drawn,
 * beside the same wait with no input (a bare frame), in turns.
 */
function typeIntoFilter(text: string): Promise<{ keys: number[]; frames: number[] }> {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter library"]');
  if (!input) throw new Error('no library filter');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  const keys: number[] = [];
  const frames: number[] = [];
  const frame = (): Promise<void> =>
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return (async () => {
    for (const typed of [...[...text].map((_, i) => text.slice(0, i + 1)), '']) {
      await frame();
      let t0 = performance.now();
      await frame();
      frames.push(performance.now() - t0);
      t0 = performance.now();
      setValue?.call(input, typed);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      keys.push(performance.now() - t0);
    }
    return { keys, frames };
  })();
}

/** Scrolling the library by 100 rows a step: ms from the scroll until the frame after it, and bare frames. */
function scrollLibrary(): Promise<{ steps: number[]; frames: number[] }> {
  const pane = document.querySelector('.cd-left-body');
  if (!pane) throw new Error('no left pane');
  const frame = (): Promise<void> =>
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const steps: number[] = [];
  const frames: number[] = [];
  return (async () => {
    pane.scrollTop = 0;
    for (let i = 0; i < 20; i++) {
      await frame();
      let t0 = performance.now();
      await frame();
      frames.push(performance.now() - t0);
      t0 = performance.now();
      pane.scrollTop += 5_000;
      await frame();
      steps.push(performance.now() - t0);
      if (!pane.querySelector('.cd-library-item')) throw new Error('scrolled to an empty list');
    }
    return { steps, frames };
  })();
}

/** Raw IndexedDB: every stored document read with one getAll, as a floor for showing the library. */
function rawGetAll(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('claimdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const t0 = performance.now();
      const req = open.result.transaction('documents').objectStore('documents').getAll();
      req.onsuccess = () => {
        resolve(performance.now() - t0);
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
  });
}

export const run: Benchmark = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-path-bench-'));
  const port = await freePort();
  const host = await startHost(port);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const lines: BenchLine[] = [];
  try {
    const dump = join(dir, 'news-dump-10000.txt');
    await run$(process.execPath, [
      join(root, 'test/bench/make-news-dump.mjs'),
      dump,
      '--articles',
      String(ARTICLES),
      '--arabic-every',
      '7',
    ]);
    const bytes = new Uint8Array(await readFile(dump));
    const parsed = await parseFile(dump, bytes);
    if (parsed.articles.length !== ARTICLES) throw new Error(`dump parsed into ${parsed.articles.length}`);
    const parseMs = await medianMs(() => parseFile(dump, bytes), 3);
    const records = documentsFromParsedFile(
      { ...parsed, file: 'news-dump-10000.txt' },
      new Date().toISOString(),
    );
    const first = records[0];
    const firstText = first?.blocks.find((b) => b.kind === 'paragraph')?.text.slice(0, 60) ?? '';
    const baseline = await startBenchBrowser();
    let bulkPutMs: number;
    try {
      const page = await baseline.open('bulkput.html');
      const json = JSON.stringify(records);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push(await page.evaluate((j) => claimdeskBench.bulkPut(j), json));
      bulkPutMs = median(times);
    } finally {
      await baseline.close();
    }
    const rawPath = parseMs + bulkPutMs;

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // tsx names this file's functions with an `__name` helper, which functions run in the page
    // then call: a pass-through stands in for it there.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(watchPage, { articles: ARTICLES, firstText });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(dump);
    // The first article takes a highlight as soon as it is on screen (the rest of the dump may
    // still be going into the library): select a phrase, press 1, see its mark.
    await page.waitForFunction(
      () => (window as unknown as { claimdeskWatch: Watch }).claimdeskWatch.articleAt !== undefined,
      undefined,
      { timeout: 120_000 },
    );
    const phrase = firstText.split(' ').slice(0, 4).join(' ');
    await selectWithRange(page, phrase);
    await page.keyboard.press('1');
    await page.locator('.cd-article-text mark').first().waitFor({ timeout: 120_000 });
    const markedAt = await page.evaluate(() => performance.now());
    await page
      .waitForFunction(
        () => {
          const w = (window as unknown as { claimdeskWatch: Watch }).claimdeskWatch;
          return w.libraryAt !== undefined && w.articleAt !== undefined;
        },
        undefined,
        { timeout: 120_000 },
      )
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(root, 'bench-output/import-path-timeout.png') });
        const state = await page.evaluate(
          (text) => ({
            count: document.querySelector('[aria-label="Library"] [data-count]')?.getAttribute('data-count'),
            item: !!document.querySelector('[aria-label="Library"] .cd-library-item'),
            article: document.querySelector('.cd-article-text')?.textContent?.includes(text),
          }),
          firstText,
        );
        throw new Error(
          `${String(error)}; seen ${JSON.stringify(await watch(page))}, ${JSON.stringify(state)}`,
        );
      });
    await page.waitForFunction(
      () => performance.getEntriesByName('claimdesk:file-stored').length > 0,
      undefined,
      {
        timeout: 120_000,
      },
    );
    const seen = await watch(page);
    const mark = (name: string): Promise<number> =>
      page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN, name);
    const parsedAt = await mark('claimdesk:file-parsed');
    const storedAt = await mark('claimdesk:file-stored');
    const chosen = seen.chosenAt as number;
    const path = (name: string, at: number): BenchLine => ({
      name: `open 10,000-article dump via Open file…: until ${name}`,
      value: at - chosen,
      unit: 'ms',
      baselineName: 'parseFile + raw Dexie bulkPut',
      baseline: rawPath,
      aim: 2,
    });
    lines.push({
      name: 'baseline parts: parseFile alone',
      value: parseMs,
      unit: 'ms',
      baselineName: 'raw Dexie bulkPut of the same 10,000 records',
      baseline: bulkPutMs,
    });
    lines.push({
      name: 'open 10,000-article dump via Open file…: until parsed by the host and received',
      value: parsedAt - chosen,
      unit: 'ms',
      baselineName: 'parseFile alone',
      baseline: parseMs,
    });
    lines.push(path('stored in IndexedDB', storedAt));
    lines.push(path('the library shows every article', seen.libraryAt as number));
    lines.push(path('the first article is on screen', seen.articleAt as number));
    lines.push(path('a first highlight is drawn (scripted select + key)', markedAt));
    // The highlight was made while the dump was being stored: it must still be there.
    const marks = await page.locator('.cd-article-text mark').count();
    if (marks !== 1) throw new Error(`the first article shows ${marks} highlights after the import, not 1`);

    const typing = await page.evaluate(typeIntoFilter, 'harbour');
    lines.push({
      name: `library filter with 10,000 entries: median keystroke until drawn (max ${Math.max(...typing.keys).toFixed(0)} ms)`,
      value: median(typing.keys),
      unit: 'ms',
      baselineName: 'a bare frame',
      baseline: median(typing.frames),
    });
    const scrolling = await page.evaluate(scrollLibrary);
    lines.push({
      name: `library scroll with 10,000 entries: median 100-row step until drawn (max ${Math.max(...scrolling.steps).toFixed(0)} ms)`,
      value: median(scrolling.steps),
      unit: 'ms',
      baselineName: 'a bare frame',
      baseline: median(scrolling.frames),
    });
    lines.push({
      name: 'library with 10,000 entries: elements drawn in the left pane',
      value: await page.evaluate(
        () => document.querySelector('.cd-left')?.getElementsByTagName('*').length ?? 0,
      ),
      unit: 'elements',
      baselineName: 'entries',
      baseline: ARTICLES,
    });
    await page.reload();
    await page.waitForFunction(
      () => (window as unknown as { claimdeskWatch: Watch }).claimdeskWatch.libraryAt !== undefined,
      undefined,
      { timeout: 60_000 },
    );
    const reloaded = await watch(page);
    const getAll = median([
      await page.evaluate(rawGetAll),
      await page.evaluate(rawGetAll),
      await page.evaluate(rawGetAll),
    ]);
    lines.push({
      name: 'reload with 10,000 articles: until the library shows them',
      value: reloaded.libraryAt as number,
      unit: 'ms',
      baselineName: 'raw IndexedDB getAll of the documents',
      baseline: getAll,
    });
    await context.close();
    return lines;
  } finally {
    await browser.close();
    host.kill();
    await rm(dir, { recursive: true, force: true });
  }
};

declare const claimdeskBench: { bulkPut(json: string): Promise<number> };
