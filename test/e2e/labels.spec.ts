// The label set is the analyst's: renamed, reordered and extended labels drive the number keys.
import { expect, test } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

test('reordering and renaming labels changes what the number keys apply; a new label gets the next key', async ({
  page,
}) => {
  await page.goto('/');
  await openThroughChooser(page, fixture('sample/asharq-two-articles.txt'));
  await page.getByRole('button', { name: 'Labels…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await dialog.getByRole('button', { name: 'Move Quote up' }).click();
  const name2 = dialog.getByLabel('Name of label 2');
  await expect(name2).toHaveValue('Quote');
  await name2.fill('Direct quote');
  await name2.press('Enter');
  const add = dialog.getByRole('form', { name: 'Add label' });
  await add.getByRole('textbox').first().fill('Rumour');
  await add.getByRole('button', { name: 'Add label' }).click();
  await expect(dialog.getByLabel('Name of label 6')).toHaveValue('Rumour');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await selectPhrase(page, 'Kremlin spokesman Dmitry Peskov said');
  await page.keyboard.press('2');
  await expect(panel.getByRole('listitem').first()).toContainText('Direct quote');
  await selectPhrase(page, 'dozens of former Syrian officers');
  await page.keyboard.press('6');
  await expect(panel.getByRole('listitem').nth(1)).toContainText('Rumour');
  await expect(page.locator('mark', { hasText: 'dozens of former Syrian officers' })).toHaveAttribute(
    'title',
    'Rumour',
  );
});
