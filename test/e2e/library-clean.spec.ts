// Keeping the library clean in the browser edition (real Chromium, real IndexedDB): deleting
// articles with a confirmation and undo, surviving a reload; a surname typed in the claimant
// picker taking the existing source; merging two sources, undoably, with search following.
import { expect, test, type Page } from '@playwright/test';
import { fixture, highlightAs, openThroughChooser } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const TITLE_1 = 'Putin’s Message to Syria’s Al-Sharaa: A Step Toward Restoring Ties?';
const TITLE_2 = 'Iraq’s Sadr to Boycott Elections, Says Doesn’t Want to Work with ‘Corrupt’ Figures';
const CLAIM = 'Russia has not officially responded to allegations';
const CLAIM_2 = 'Kremlin spokesman Dmitry Peskov';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const saved = (page: Page) =>
  expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto('/');
  await openThroughChooser(page, SAMPLE);
  await expect(library(page).getByRole('button')).toHaveText([TITLE_1, TITLE_2]);
});

test('Delete on a library row asks, says how many annotations go, and undo brings all back', async ({
  page,
}) => {
  await highlightAs(page, CLAIM);
  await highlightAs(page, CLAIM_2);
  await saved(page);

  await library(page).getByRole('button', { name: TITLE_1 }).focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete from the library' });
  await expect(dialog.getByRole('status')).toContainText('1 article and 2 annotations will be deleted');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(library(page).getByRole('button')).toHaveText([TITLE_2]);
  await expect(page.getByText(/Deleted 1 article and 2 annotations/)).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(library(page).getByRole('button')).toHaveText([TITLE_1, TITLE_2]);
  await library(page).getByRole('button', { name: TITLE_1 }).click();
  await expect(panel(page).getByRole('listitem')).toHaveCount(2);

  // Deleted for good (redo), it stays deleted after a reload, with its annotations.
  await page.keyboard.press('Control+Shift+z');
  await expect(library(page).getByRole('button')).toHaveText([TITLE_2]);
  await saved(page);
  await page.reload();
  await expect(library(page).getByRole('button')).toHaveText([TITLE_2]);
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('Peskov');
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText('No annotation matches.');
});

test('the context menu deletes every article of a file, and its stored copy leaves Recent files', async ({
  page,
}) => {
  const recent = page.getByRole('region', { name: 'Recent files' });
  await expect(recent.getByRole('button')).toHaveCount(1);
  await library(page).getByRole('button', { name: TITLE_2 }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Library actions' });
  await menu.getByRole('menuitem', { name: /Delete all of asharq-two-articles\.txt/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete from the library' });
  await expect(dialog.getByRole('status')).toContainText(
    '2 articles and 0 annotations will be deleted, with the stored copy of asharq-two-articles.txt',
  );
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(library(page)).toContainText('No articles yet');
  await expect(recent).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(library(page).getByRole('button')).toHaveText([TITLE_1, TITLE_2]);
  await expect(recent.getByRole('button')).toHaveCount(1);
});

test('chosen rows (Ctrl+click) are deleted together from the command palette’s Delete', async ({ page }) => {
  await library(page)
    .getByRole('button', { name: TITLE_1 })
    .click({ modifiers: ['Control'] });
  await library(page)
    .getByRole('button', { name: TITLE_2 })
    .click({ modifiers: ['Control'] });
  await expect(library(page).getByRole('status')).toHaveText('2 selected · Delete removes them');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete from the library' });
  await expect(dialog).toContainText('Delete the 2 articles selected?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(library(page).locator('.cd-library-item')).toHaveCount(2);
});

test('a surname takes the existing claimant; merging two sources is undoable and search follows', async ({
  page,
}) => {
  await highlightAs(page, CLAIM);
  await page.keyboard.press('Enter');
  const claimant = panel(page).getByRole('combobox', { name: 'Claimant' });
  await claimant.fill('Dmitry Peskov');
  await page.keyboard.press('Enter');
  await expect(claimant).toHaveValue('Dmitry Peskov');

  await highlightAs(page, CLAIM_2);
  await page.keyboard.press('Enter');
  const second = panel(page).getByRole('combobox', { name: 'Claimant' });
  // The sentence's cue already named him (attribution fills the claimant in): type afresh.
  await second.fill('');
  await page.keyboard.type('Peskov');
  const active = panel(page)
    .getByRole('listbox', { name: 'Claimant' })
    .getByRole('option', { selected: true });
  await expect(active).toHaveText(/^Dmitry Peskov/);
  await expect(panel(page).getByRole('option', { name: /Create “Peskov”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(second).toHaveValue('Dmitry Peskov');

  // A twin made on purpose (Create), then merged back from the Sources view's offer.
  await second.fill('The Kremlin spokesman Peskov');
  await panel(page)
    .getByRole('option', { name: /Create/ })
    .click();
  await expect(second).toHaveValue('The Kremlin spokesman Peskov');
  await saved(page);
  await page.getByRole('tab', { name: 'Sources' }).click();
  const sources = page.getByRole('region', { name: 'Sources' });
  const offers = sources.getByRole('region', { name: 'Likely the same' });
  await expect(offers).toContainText('same surname');
  await offers.getByRole('button', { name: 'Merge into Dmitry Peskov' }).click();
  await expect(
    page.getByText(/Merged “The Kremlin spokesman Peskov” into “Dmitry Peskov” \(1 claim moved\)/),
  ).toBeVisible();
  await expect(offers).toHaveCount(0);

  const search = page.getByRole('searchbox', { name: 'Search annotations' });
  await search.fill('source:"Dmitry Peskov"');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(2);
  // The merged name is kept as an alias: searching by it finds the claims too.
  await search.fill('source:"The Kremlin spokesman Peskov"');
  await expect(results.getByRole('button')).toHaveCount(2);

  await search.fill('');
  await page.locator('body').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/Undone: Merged/)).toBeVisible();
  await search.fill('source:"Dmitry Peskov"');
  await expect(results.getByRole('button')).toHaveCount(1);
});
