// The foundation's promise, as an analyst lives it in the browser edition (real Chromium, real
// IndexedDB): open the sample dump, highlight a claim with one key, reload, export the report.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const TITLE_1 = 'Putin’s Message to Syria’s Al-Sharaa: A Step Toward Restoring Ties?';
const TITLE_2 = 'Iraq’s Sadr to Boycott Elections, Says Doesn’t Want to Work with ‘Corrupt’ Figures';
const CLAIM = 'Russia has not officially responded to allegations that it played a role in recent unrest';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto('/');
});

test('the sample dump opens as two documents, a claim is highlighted with "1" and survives a reload', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button')).toHaveText([TITLE_1, TITLE_2]);

  const article = page.getByRole('region', { name: 'Article', exact: true });
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(TITLE_1);
  await expect(article).not.toContainText(/^TT$/m);

  await selectPhrase(page, CLAIM);
  await page.keyboard.press('1');

  const mark = article.locator('mark', { hasText: CLAIM });
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('title', /Claim/);
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem').first()).toContainText('Claim');
  await expect(panel.getByRole('listitem').first()).toContainText(CLAIM);

  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Article', exact: true }).locator('mark', { hasText: CLAIM }),
  ).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(1);

  // Opening the same file again finds the same documents: nothing is duplicated.
  await openThroughChooser(page, SAMPLE);
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(2);
  await expect(
    page.getByRole('region', { name: 'Article', exact: true }).locator('mark', { hasText: CLAIM }),
  ).toHaveCount(1);
});

test('the exported report is one self-contained HTML file showing the numbered highlight', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  await selectPhrase(page, CLAIM);
  await page.keyboard.press('2');
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('Statistic');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report…' }).click();
  await page.getByRole('dialog', { name: 'Export report' }).getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  const html = await readFile(file, 'utf8');

  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).not.toMatch(/<script|<link|src=|javascript:/i);
  expect(html).toContain(`<title>${TITLE_1.replace(/’/g, '’')} — Claimdesk report</title>`);
  expect(html).toMatch(new RegExp(`<sup class="n">1</sup><mark[^>]*>${CLAIM}</mark>`));
  expect(html).toContain('Statistic');

  // What a colleague sees when opening the report: the article, the highlight, the list.
  const viewer = await page.context().newPage();
  await viewer.setContent(html);
  await expect(viewer.locator('article mark')).toHaveText([CLAIM]);
  await expect(viewer.locator('ol.annotations li')).toHaveCount(1);
  await expect(viewer.locator('ol.annotations li')).toContainText('Statistic');
});

test('clicking an annotation reveals its highlight, Delete removes only it', async ({ page }) => {
  await openThroughChooser(page, SAMPLE);
  await selectPhrase(page, 'Kremlin spokesman Dmitry Peskov');
  await page.keyboard.press('3');
  await selectPhrase(page, CLAIM);
  await page.keyboard.press('1');
  const items = page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Quote');
  await expect(items.nth(1)).toContainText('Claim');

  await items.nth(1).getByRole('button').click();
  await expect(page.locator('mark.cd-flash')).toHaveText(CLAIM);
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(1);
  await expect(page.locator('mark', { hasText: CLAIM })).toHaveCount(0);
  await expect(page.locator('mark', { hasText: 'Kremlin spokesman Dmitry Peskov' })).toHaveCount(1);
});

test('a file that cannot be imported is named in a clear message and adds nothing', async ({ page }) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert')).toContainText('empty.txt: the file is empty');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(0);
});

test('the article text cannot be changed by typing', async ({ page }) => {
  await openThroughChooser(page, SAMPLE);
  const text = page.locator('.cd-article-text');
  await expect(text).toContainText('Against this backdrop');
  const before = await text.innerText();
  await text.click();
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  expect(await text.innerText()).toBe(before);
});
