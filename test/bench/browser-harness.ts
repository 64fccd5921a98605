// Runs benchmark pages in real Chromium: builds test/bench/browser/*.html with Vite (the app's
// own modules, bundled as the app is), serves them on 127.0.0.1 and hands back a page.
import { createServer, type Server } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../chromium-path';

const here = fileURLToPath(new URL('.', import.meta.url));
const pagesDir = join(here, 'browser');
const outDir = join(here, '../../bench-output/browser');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface BenchBrowser {
  open(page: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startBenchBrowser(): Promise<BenchBrowser> {
  const pages = (await readdir(pagesDir)).filter((f) => f.endsWith('.html'));
  await build({
    root: pagesDir,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: Object.fromEntries(pages.map((p) => [p, join(pagesDir, p)])) },
    },
  });
  const server: Server = createServer((req, res) => {
    const path = join(outDir, (req.url ?? '/').split('?')[0]?.replace(/^\/+/, '') ?? '');
    if (!path.startsWith(outDir)) return void res.writeHead(404).end();
    readFile(path).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    async open(name) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/${name}`);
      await page.waitForFunction(() => 'claimdeskBench' in window);
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
