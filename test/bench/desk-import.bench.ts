// Importing while on a desk: the 10,000-article dump (make-news-dump.mjs --articles 10000
// --arabic-every 7) opened through "Open file…" in the browser edition in real Chromium, off a
// desk and on one (an embedded desk node started here, joined through Settings → Desk), in
// turns. Off a desk the import is done when IndexedDB holds it (the app's `claimdesk:file-stored`
// mark); on a desk, when IndexedDB holds it and the desk does too: every article's stub in the
// desk document (seen by another member's copy) and every body on the node. Each on-desk run
// gets a fresh desk, so it measures an import, not a merge with an earlier one.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { startLocalDesk } from '../../src-main/desk/local-desk';
import { parseFile } from '../../src-main/import/index';
import { documentsOf } from '../../src-shared/desk/desk-doc';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../chromium-path';
import { joinDesk } from '../e2e/helpers';
import { SimClient } from '../integration/sim-client';
import { median } from './browser-harness';
import type { BenchLine, Benchmark } from './harness';
import { freePort, startHost } from './web-host';

const run$ = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = 10_000;
/** Runs of each side; CLAIMDESK_DESK_IMPORT_RUNS=1 for a quick probe. */
const RUNS = Number(process.env['CLAIMDESK_DESK_IMPORT_RUNS'] ?? 3);
const LIMIT_MS = 600_000;

/** Installed before the app loads: the wall-clock time the file input's change fires. */
function noteChoice(): void {
  document.addEventListener(
    'change',
    () => ((window as unknown as { claimdeskChosenAt?: number }).claimdeskChosenAt ??= Date.now()),
    true,
  );
}

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  everyMs = 100,
): Promise<number> {
  const deadline = Date.now() + LIMIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return Date.now();
}

interface Run {
  /** ms from choosing the file until the import is stored here (and on the desk, if on one). */
  ms: number;
  /** On a desk: ms until this library had stored it, the stubs were on the desk, the bodies on the node. */
  storedMs?: number;
  stubsMs?: number;
  bodiesMs?: number;
}

async function importOnce(
  browser: Browser,
  port: number,
  dump: string,
  ids: string[],
  onDesk: boolean,
): Promise<Run> {
  const dir = onDesk ? await mkdtemp(join(tmpdir(), 'claimdesk-desk-import-')) : null;
  const desk = dir ? await startLocalDesk({ dir, fast: true, log: () => undefined }) : null;
  const watcher: SimClient[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(noteChoice);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    if (desk) {
      const token = await desk.store.addMember('bench', 'editor');
      await joinDesk(page, 'Bench', desk.nodes[0]!.url, token);
      const other = new SimClient({
        url: desk.nodes[0]!.url,
        token: await desk.store.addMember('other', 'reader'),
      });
      watcher.push(other);
      await other.synced();
    }
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(dump);
    await page.waitForFunction(
      () => performance.getEntriesByName('claimdesk:file-stored').length > 0,
      undefined,
      {
        timeout: LIMIT_MS,
      },
    );
    const { chosenAt, storedAt } = await page.evaluate(() => ({
      chosenAt: (window as unknown as { claimdeskChosenAt: number }).claimdeskChosenAt,
      storedAt:
        performance.timeOrigin + (performance.getEntriesByName('claimdesk:file-stored')[0]?.startTime ?? NaN),
    }));
    if (!desk) return { ms: storedAt - chosenAt };
    const other = watcher[0]!;
    const stubsAt = await until(() => documentsOf(other.doc).size >= ARTICLES, 'the stubs on the desk', 50);
    // Polled by a sample first (each poll is a synchronous look-up in the node's own process),
    // then confirmed for every id.
    const sample = ids.filter((_, i) => i % 200 === 0 || i === ids.length - 1);
    let bodiesAt = 0;
    while ((await desk.store.heldArticles(ids)).size < ids.length)
      bodiesAt = await until(
        async () => (await desk.store.heldArticles(sample)).size === sample.length,
        'the bodies on the node',
        100,
      );
    bodiesAt ||= Date.now();
    return {
      ms: Math.max(storedAt, stubsAt, bodiesAt) - chosenAt,
      storedMs: storedAt - chosenAt,
      stubsMs: stubsAt - chosenAt,
      bodiesMs: bodiesAt - chosenAt,
    };
  } finally {
    await context.close();
    for (const c of watcher) c.destroy();
    await desk?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

export const run: Benchmark = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-desk-import-bench-'));
  const port = await freePort();
  const host = await startHost(port);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
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
    const parsed = await parseFile(dump, new Uint8Array(await readFile(dump)));
    const ids = [...new Set(parsed.articles.map((a) => a.contentHash))];
    await importOnce(browser, port, dump, ids, false); // warm-up: the host's and Chromium's first import
    const off: number[] = [];
    const on: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      // In turns (on, off, off, on, …) so a slow spell of the shared machine falls on both.
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const onDesk of order) {
        const result = await importOnce(browser, port, dump, ids, onDesk);
        if (onDesk) on.push(result);
        else off.push(result.ms);
      }
    }
    const offMs = median(off);
    const baselineName = 'the same import off a desk, until stored in IndexedDB';
    return [
      {
        name: `open the ${ARTICLES.toLocaleString('en')}-article dump on a desk: until stored here and the desk holds every stub and body (median of ${RUNS})`,
        value: median(on.map((r) => r.ms)),
        unit: 'ms',
        baselineName,
        baseline: offMs,
        aim: 1.5,
      },
      {
        name: `the same on a desk: until stored in IndexedDB here (median of ${RUNS})`,
        value: median(on.map((r) => r.storedMs ?? NaN)),
        unit: 'ms',
        baselineName,
        baseline: offMs,
      },
    ] satisfies BenchLine[];
  } finally {
    await browser.close();
    host.kill();
    await rm(dir, { recursive: true, force: true });
  }
};
