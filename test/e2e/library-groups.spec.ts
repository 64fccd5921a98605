// The library as a new analyst meets it: another article opens at its headline; each opened file
// has its own group with every article it holds (an article in two files is listed under both)
// and the header names the file it was opened from; Ctrl/Shift+click picks articles for the
// report, whose dialog counts their annotations, remembers its choice and offers the whole library.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const meta = (page: Page) => page.locator('.cd-article-meta');
const headline = (page: Page) => page.locator('.cd-article-text').getByRole('heading', { level: 1 });
const ARABIC_TITLE = 'وزير الاقتصاد: نمو الصادرات بنسبة 12 في المائة خلال العام الماضي';
const BUDGET = 'Velmora City Council Approves Budget With Cuts to Library Hours';

/** The library's file groups as [file, [titles…]], read from the rows drawn. */
async function groups(page: Page): Promise<[string, string[]][]> {
  return library(page)
    .locator('.cd-library-rows')
    .evaluate((rows) => {
      const found: [string, string[]][] = [];
      const drawn = [...rows.children].sort(
        (a, b) => parseFloat((a as HTMLElement).style.top) - parseFloat((b as HTMLElement).style.top),
      );
      for (const el of drawn) {
        if (el.classList.contains('cd-library-file')) found.push([el.textContent ?? '', []]);
        else found[found.length - 1]?.[1].push(el.getAttribute('title') ?? '');
      }
      return found;
    });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
});

test('another article opens at its headline, not where the last one was scrolled to', async ({ page }) => {
  await openThroughChooser(page, fixture('sample/asharq-two-articles.txt'));
  const column = page.getByRole('region', { name: 'Article' });
  await expect(headline(page)).toContainText('Putin’s Message');
  await column.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => column.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  await expect(headline(page)).not.toBeInViewport();

  await library(page)
    .getByRole('button', { name: /Iraq’s Sadr/ })
    .click();
  await expect(headline(page)).toContainText('Iraq’s Sadr');
  await expect(headline(page)).toBeInViewport();
  expect(await column.evaluate((el) => el.scrollTop)).toBe(0);
});

test('the same article in a second file gets that file’s group, and the header names the file opened', async ({
  page,
}) => {
  await openThroughChooser(page, fixture('corpus/arabic-economy-windows1256.txt'));
  await expect(meta(page)).toContainText('arabic-economy-windows1256.txt');
  await openThroughChooser(page, fixture('corpus/arabic-economy-utf8.txt'));
  await expect(page.getByRole('status').getByText('Opened 1 article.')).toBeVisible();
  await expect
    .poll(() => groups(page))
    .toEqual([
      ['arabic-economy-windows1256.txt', [ARABIC_TITLE]],
      ['arabic-economy-utf8.txt', [ARABIC_TITLE]],
    ]);
  await expect(meta(page)).toContainText('arabic-economy-utf8.txt');
  await expect(meta(page)).toContainText('also in arabic-economy-windows1256.txt');
  // One article, counted once.
  await expect(library(page).locator('.cd-count')).toHaveAttribute('data-count', '1');
  // From the other group, the header names that file.
  await library(page).getByRole('button', { name: ARABIC_TITLE }).first().click();
  await expect(meta(page)).toContainText('arabic-economy-windows1256.txt');
  await expect(meta(page)).not.toContainText('utf8');
});

test('the three-article file opened after the one-article file lists all three in its group', async ({
  page,
}) => {
  await openThroughChooser(page, fixture('corpus/velmora-utf16le-bom.txt'));
  await expect(headline(page)).toHaveText(BUDGET);
  await openThroughChooser(page, fixture('corpus/velmora-three-articles-crlf.txt'));
  await expect(page.getByRole('status').getByText('Opened 3 articles.')).toBeVisible();
  await expect
    .poll(() => groups(page))
    .toEqual([
      ['velmora-utf16le-bom.txt', [BUDGET]],
      [
        'velmora-three-articles-crlf.txt',
        [
          'Port of Velmora Reports Record Grain Shipments Despite Strike Warnings',
          BUDGET,
          'Drought Forces Farmers in the Northern Valley to Switch Crops',
        ],
      ],
    ]);
  await expect(library(page).locator('.cd-count')).toHaveAttribute('data-count', '3');
});

test('Ctrl/Shift+click picks articles; Export report counts their annotations, offers the whole library and remembers', async ({
  page,
}) => {
  await openThroughChooser(page, fixture('corpus/velmora-three-articles-crlf.txt'));
  await selectPhrase(page, 'handled 4.2 million tonnes of grain');
  await page.keyboard.press('2');
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(1);
  const row = (title: RegExp) => library(page).getByRole('button', { name: title });
  await row(/Port of Velmora/).click();
  await row(/Drought Forces/).click({ modifiers: ['Shift'] });
  await expect(library(page).locator('[aria-pressed="true"]')).toHaveCount(3);
  await row(/City Council/).click({ modifiers: ['ControlOrMeta'] });
  await expect(library(page).locator('[aria-pressed="true"]')).toHaveCount(2);
  await expect(library(page).getByRole('status')).toContainText('2 selected');

  await library(page).getByRole('button', { name: 'Export report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(dialog.getByRole('radio', { name: /Selected documents/ })).toBeChecked();
  const docs = dialog.getByRole('group', { name: 'Documents' });
  await expect(docs.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(docs.locator('label', { hasText: 'Port of Velmora' })).toContainText('1 annotation');
  await expect(docs.locator('label', { hasText: 'Drought Forces' })).toContainText('no annotations');
  await expect(dialog.getByRole('radio', { name: /Whole library/ })).toBeEnabled();
  await expect(dialog.locator('label', { hasText: 'Whole library' })).toContainText('3 documents');

  // The choice is kept: unticking one, closing, and opening again shows it as left.
  await docs.locator('label', { hasText: 'Drought Forces' }).getByRole('checkbox').uncheck();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await library(page).getByRole('button', { name: 'Clear' }).click();
  await expect(library(page).locator('[aria-pressed]')).toHaveCount(0);
  await page.keyboard.press('Control+e');
  await expect(dialog.getByRole('radio', { name: /Selected documents/ })).toBeChecked();
  await expect(docs.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await dialog.getByRole('radio', { name: /Whole library/ }).check();
  await dialog.getByRole('radio', { name: 'Markdown' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const saved = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const report = readFileSync(saved, 'utf8');
  for (const title of ['Port of Velmora', 'Velmora City Council', 'Drought Forces'])
    expect(report).toContain(title);
});
