// Notices as an analyst meets them: an error that a later success answers goes away (the
// organisation's address refused, then fixed and saved); notices never cover the claim editor's
// fields and only the latest few are stacked; deleting a claim says so, with Undo.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const notices = (page: Page) => page.locator('.cd-notice');

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
});

test('the refused web address notice goes once a valid address is saved', async ({ page }) => {
  await page.getByRole('button', { name: 'Settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Organisation web address').fill('factdesk.example/checks');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const refused = notices(page).filter({ hasText: 'must be a full http:// or https:// address' });
  await expect(refused).toHaveCount(1);

  await page.getByRole('button', { name: 'Settings…' }).click();
  await dialog.getByLabel('Organisation web address').fill('https://factdesk.example/checks');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(notices(page).filter({ hasText: 'Settings saved.' })).toHaveCount(1);
  await expect(refused).toHaveCount(0);
});

test('notices stay off the claim editor and the library, the latest three shown', async ({ page }) => {
  await openThroughChooser(page, fixture('sample/asharq-two-articles.txt'));
  await selectPhrase(page, 'Kremlin spokesman Dmitry Peskov said');
  await page.keyboard.press('1');
  await panel(page).getByRole('listitem').first().getByRole('button').first().click();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByLabel('Label', { exact: true })).toBeFocused();

  await openThroughChooser(
    page,
    fixture('corpus/edge/empty.txt'),
    fixture('corpus/edge/whitespace-only.txt'),
    fixture('corpus/edge/random-bytes.txt'),
    fixture('corpus/edge/truncated.pdf'),
    fixture('corpus/edge/not-really.docx'),
  );
  await expect(page.locator('.cd-notices-more')).toContainText(/\d+ earlier notices?/);
  await expect(notices(page)).toHaveCount(3);
  const editor = await page.locator('.cd-claim-editor').boundingBox();
  const left = await page.locator('.cd-left').boundingBox();
  if (!editor || !left) throw new Error('claim editor or library not on screen');
  for (const box of await page
    .locator('.cd-notices > *')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.right).toBeLessThanOrEqual(editor.x);
    expect(box.left).toBeGreaterThanOrEqual(left.x + left.width);
    expect(box.bottom).toBeLessThanOrEqual(720);
  }
  await page.locator('.cd-notices-more').getByRole('button', { name: 'Dismiss all' }).click();
  await expect(notices(page)).toHaveCount(0);
});

test('deleting a claim says so, and its Undo button brings the claim back', async ({ page }) => {
  await openThroughChooser(page, fixture('sample/asharq-two-articles.txt'));
  for (const [phrase, key] of [
    ['Kremlin spokesman Dmitry Peskov said', '1'],
    ['the Kremlin announced on Thursday', '2'],
  ] as const) {
    await selectPhrase(page, phrase);
    await page.keyboard.press(key);
  }
  const items = panel(page).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await items.filter({ hasText: 'Peskov' }).getByRole('button').first().click();
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(1);
  const deleted = notices(page).filter({ hasText: 'Deleted “Kremlin spokesman Dmitry Peskov said”.' });
  await expect(deleted).toBeVisible();
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Kremlin spokesman Dmitry Peskov said' })).toHaveCount(1);
  await expect(deleted).toHaveCount(0);
  await expect(page.locator('.cd-article-text mark', { hasText: 'Dmitry Peskov' })).toHaveCount(1);
});
