// End-to-end tests. "web" drives the browser edition in real Chromium (real IndexedDB) through
// the Node host; "electron" drives the desktop app where an Electron binary exists and reports
// itself skipped, with the reason, where it does not.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from './test/chromium-path';

// CLAIMDESK_E2E_PORT lets two runs share a machine.
export const E2E_PORT = Number(process.env.CLAIMDESK_E2E_PORT ?? 41_731);

function chromiumOrFail(): string {
  const found = findChromium();
  if (!found) throw new Error(`End-to-end tests: ${NO_CHROMIUM}`);
  return found;
}

export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  // Generous waits: the tests must pass on a loaded machine, where a page's import can take
  // several times longer than on an idle one. A wait ends as soon as its condition holds.
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumOrFail(),
          args: CHROMIUM_ARGS,
        },
      },
    },
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
  webServer: {
    command: `node out/main/web-host.js --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
