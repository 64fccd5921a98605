// Changing the encoding of an annotated article asks first, saying how many annotations would no
// longer be found and would move to Orphans (a dry run of the re-read), and re-reads only on yes.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectWithRange } from './helpers';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const PHRASE = 'ارتفعت بنسبة 12 في المائة';

test('re-reading an annotated article with another encoding asks first, with the count', async ({ page }) => {
  await page.goto('/');
  await openThroughChooser(page, fixture('corpus/arabic-economy-windows1256.txt'));
  await expect(page.locator('.cd-article-text')).toContainText(PHRASE);
  await selectWithRange(page, PHRASE);
  await page.keyboard.press('2');
  await expect(panel(page).getByRole('listitem')).toHaveCount(1);
  const encoding = page.getByLabel('Encoding', { exact: true });
  await expect(encoding).toHaveValue('windows-1256');

  await encoding.selectOption('windows-1252');
  const ask = page.getByRole('dialog', { name: 'Read the file again?' });
  await expect(ask).toContainText('Reading it as Western (Windows-1252)');
  await expect(ask).toContainText(
    '1 of 1 annotation on it would no longer be found and would move to Orphans',
  );
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  // Nothing changed.
  await expect(encoding).toHaveValue('windows-1256');
  await expect(page.locator('.cd-article-text')).toContainText(PHRASE);
  await expect(panel(page).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Orphans' }).click();
  await expect(page.locator('.cd-orphan')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Library' }).click();

  await encoding.selectOption('windows-1252');
  await ask.getByRole('button', { name: 'Read again' }).click();
  await expect(encoding).toHaveValue('windows-1252');
  await expect(page.locator('.cd-article-text')).not.toContainText(PHRASE);
  await page.getByRole('tab', { name: 'Orphans' }).click();
  await expect(page.locator('.cd-orphan')).toHaveCount(1);
});

test('an article without annotations is re-read at once', async ({ page }) => {
  await page.goto('/');
  await openThroughChooser(page, fixture('corpus/arabic-economy-windows1256.txt'));
  const encoding = page.getByLabel('Encoding', { exact: true });
  await encoding.selectOption('windows-1252');
  await expect(encoding).toHaveValue('windows-1252');
  await expect(page.getByRole('dialog', { name: 'Read the file again?' })).toBeHidden();
});
