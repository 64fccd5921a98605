// End-to-end tests. "web" drives the browser edition in real Chromium (real IndexedDB) through
// the Node host; "electron" drives the desktop app where an Electron binary exists and reports
// itself skipped, with the reason, where it does not.
import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

// CLAIMDESK_E2E_PORT lets two runs share a machine.
export const E2E_PORT = Number(process.env.CLAIMDESK_E2E_PORT ?? 41_731);

function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here; the candidates above must do.
  }
  const found = candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found for the end-to-end tests: set CHROMIUM_PATH, or install Debian\'s "chromium" (apt-get install -y chromium).',
    );
  return found;
}

export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
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
          executablePath: findChromium(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
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
