// Where the tests, benchmarks and screenshot script find Chromium: CHROMIUM_PATH, then Debian's
// package, then a browser Playwright downloaded itself (it cannot download one on every machine).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null;
}

export const NO_CHROMIUM =
  'No Chromium found: set CHROMIUM_PATH, or install Debian\'s "chromium" (apt-get install -y chromium).';

/** Launch flags that keep Chromium quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
