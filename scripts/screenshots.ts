// `npm run screenshots`: drives the browser edition in Chromium and writes the README's
// screenshots (two screen sizes in light and dark, and an Arabic article) to docs/.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../test/chromium-path';
import { selectWithRange } from '../test/e2e/helpers';

const root = fileURLToPath(new URL('..', import.meta.url));
// CLAIMDESK_SCREENSHOT_PORT lets two runs share a machine.
const PORT = Number(process.env.CLAIMDESK_SCREENSHOT_PORT ?? 41_799);
const fixture = (name: string): string => `${root}test/fixtures/${name}`;

async function select(page: Page, phrase: string, key: string): Promise<void> {
  await page.locator('.cd-article-text').getByText(phrase, { exact: false }).first().waitFor();
  await selectWithRange(page, phrase);
  await page.keyboard.press(key);
  await page.waitForTimeout(150);
}

async function open(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(file);
  await page.waitForTimeout(600);
}

const host = spawn(process.execPath, [`${root}out/main/web-host.js`, '--port', String(PORT)], {
  stdio: 'inherit',
});
await new Promise((r) => setTimeout(r, 800));
const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
// The sizes analysts work at: a 1280×720 laptop and a 1920×1080 desk screen, each in both themes,
// with the claim editor open beside the list (the layout the panel must fit).
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
try {
  for (const viewport of VIEWPORTS)
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await open(page, fixture('sample/asharq-two-articles.txt'));
      await select(page, 'Russian President Vladimir Putin has sent a message', '1');
      await select(page, 'Kremlin spokesman Dmitry Peskov said', '3');
      await select(page, 'the Kremlin announced on Thursday', '4');
      await select(page, 'dozens of former Syrian officers', '2');
      await select(page, 'Putin reaffirmed Russia’s readiness', '5');
      const panel = page.getByRole('complementary', { name: 'Annotations' });
      await panel.getByRole('button').first().click();
      await page.keyboard.press('Enter');
      await panel.getByLabel('Verdict').selectOption({ label: 'Mostly true' });
      await panel.getByLabel('Status').selectOption({ label: 'In progress' });
      await panel.getByLabel('Rationale').fill('Kremlin readout confirms the message; timing unverified.');
      await panel.getByRole('combobox', { name: 'Claimant' }).fill('Kremlin press service');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1600);
      const name = `screenshot-${viewport.width}x${viewport.height}-${scheme}`;
      await page.screenshot({ path: `${root}docs/${name}.png` });
      if (scheme === 'light' && viewport.width === 1280) {
        await open(page, fixture('corpus/arabic-economy-windows1256.txt'));
        await select(page, 'ارتفعت بنسبة 12 في المائة', '2');
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${root}docs/screenshot-arabic.png` });
      }
      await page.close();
    }
} finally {
  await browser.close();
  host.kill();
}
