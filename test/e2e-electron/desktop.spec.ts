// The desktop app end to end, driven through Playwright's Electron support. Where no Electron
// binary is installed (it cannot be downloaded on a closed network) every test is skipped and
// the reason printed, rather than failing or hanging on a download.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Looks for the binary the way node_modules/electron does, without its download fallback. */
function findElectron(): { path: string } | { reason: string } {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const notInstalled =
    'Electron binary not installed on this machine — node_modules/electron has no downloaded build ' +
    '(run "npx install-electron --no" where github.com is reachable); the desktop tests cannot run here';
  if (!existsSync(pathFile)) return { reason: notInstalled };
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: `${notInstalled} (missing ${binary})` };
}

const found = findElectron();
const available = 'path' in found;
const skipReason = 'reason' in found ? found.reason : '';
if (!available) console.log(`[electron] skipped: ${skipReason}`);

test.describe('desktop app', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!available, skipReason);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!('path' in found)) return;
    userData = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-'));
    const env = { ...process.env, CLAIMDESK_USER_DATA_DIR: userData } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE; // would start the binary as plain Node
    app = await electron.launch({
      executablePath: found.path,
      args: [join(root, 'out/main/index.js')],
      cwd: root,
      env,
      timeout: 30_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens the window on app://claimdesk/', () => {
    expect(page.url()).toMatch(/^app:\/\/claimdesk\//);
  });

  test('shows the open and export buttons', async () => {
    await expect(page.getByRole('button', { name: 'Open file…' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export report…' })).toBeVisible();
  });

  test('exposes the desktop bridge and no Node', async () => {
    expect(await page.evaluate(() => window.claimdesk?.edition)).toBe('desktop');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  test('refuses to navigate to another origin or open windows', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toMatch(/^app:\/\/claimdesk\//);
    expect(await page.evaluate(() => window.open('app://claimdesk/index.html') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
