// The shortcuts sheet lists the library's keys and the label keys once; the command palette sets
// verdicts, deletes, and opens an article by its title; Settings switches the theme at once,
// keeps it, and "System" follows the system's preference.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(27, 28, 30)';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('the shortcuts sheet lists the library keys and the label keys once', async ({ page }) => {
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const rows = sheet.getByRole('row');
  for (const [keys, what] of [
    ['↑ / ↓', 'Previous or next article in the library'],
    ['Home / End', 'First or last article in the library'],
    ['Enter', 'Open the article'],
  ] as const)
    await expect(rows.filter({ hasText: what })).toContainText(keys);
  // One row for the label keys, naming the labels; no row per label key.
  await expect(rows.filter({ hasText: 'Highlight the selection with a label' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Highlight the selection with a label' })).toContainText('1–5');
  await expect(rows.filter({ hasText: 'Label as' })).toHaveCount(0);
  // 1 and 5 each once (the range), 2–4 not at all.
  for (const key of ['1', '2', '3', '4', '5'])
    await expect(sheet.locator('kbd', { hasText: new RegExp(`^${key}$`) })).toHaveCount(
      key === '1' || key === '5' ? 1 : 0,
    );
});

test('the palette sets a verdict, deletes, and opens an article by its title', async ({ page }) => {
  await openThroughChooser(page, fixture('sample/asharq-two-articles.txt'));
  // Before anything is selected the commands are there, dimmed, saying why.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('delete');
  await expect(palette(page).getByRole('option', { name: /Delete selected annotation/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(palette(page)).toContainText('select an annotation first');
  await page.keyboard.press('Escape');

  await selectPhrase(page, 'Kremlin spokesman Dmitry Peskov said');
  await page.keyboard.press('1');
  const items = panel(page).getByRole('listitem');
  await items.first().getByRole('button').first().click();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('verdict misl');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByLabel('Verdict')).toHaveValue('misleading');

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('sadr boycott');
  await expect(
    palette(page).getByRole('option', { name: /Open “Iraq’s Sadr to Boycott Elections/ }),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cd-article-text h1')).toContainText('Iraq’s Sadr');

  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Putin’s Message/ })
    .click();
  await items.first().getByRole('button').first().click();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('delete');
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(0);
});

test('Settings switches the theme at once and keeps it; System follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe(LIGHT_BG);
  await page.getByRole('button', { name: 'Settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const theme = dialog.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  await theme.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.reload();
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.getByRole('button', { name: 'Settings…' }).click();
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await theme.getByRole('radio', { name: 'System' }).check();
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await theme.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
});
