// Suggestions in the browser edition: an opened article's check-worthy sentences are listed with
// their claimants; A accepts the focused one as a Claim with its claimant (matched or created in
// Sources), X dismisses one, and after a reload the dismissal, the claim and the setting remain.
// Highlighting a sentence by hand fills its claimant too. Screenshots of the panel (light, dark,
// Arabic) go to the test's output folder for a look.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const ARABIC = fixture('corpus/arabic-economy-utf8.txt');
const PESKOV = 'Kremlin spokesman Dmitry Peskov said the message';
const NARRATION = 'The message comes as Damascus navigates';

const annotationsPanel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const suggestions = (page: Page) => page.getByRole('listbox', { name: 'Suggested claims' });
const suggestion = (page: Page, text: string) =>
  suggestions(page).getByRole('option').filter({ hasText: text });

async function showAll(page: Page): Promise<void> {
  await page.getByLabel('Suggestions per article').selectOption('20');
  await expect(suggestions(page).getByRole('option').first()).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto('/');
});

test('a suggestion is accepted with A (claim + claimant), another dismissed with X; both survive a reload', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  // Five by default, each with a margin mark in the article.
  await expect(suggestions(page).getByRole('option')).toHaveCount(5);
  await expect(page.locator('.cd-suggestion-mark')).toHaveCount(5);
  await showAll(page);

  await suggestion(page, PESKOV).focus();
  await expect(suggestion(page, PESKOV)).toContainText('Dmitry Peskov');
  await page.keyboard.press('a');
  const items = annotationsPanel(page).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Claim');
  await expect(items.first()).toContainText(PESKOV);
  await expect(annotationsPanel(page).getByRole('combobox', { name: 'Claimant' })).toHaveValue(
    'Dmitry Peskov',
  );
  await expect(suggestion(page, PESKOV)).toHaveCount(0);
  // Focus stays in the list, on the suggestion that took the accepted one's place.
  await expect(page.locator('.cd-suggestion:focus')).toHaveCount(1);

  await suggestion(page, NARRATION).focus();
  await page.keyboard.press('x');
  await expect(suggestion(page, NARRATION)).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  await page.reload();
  await expect(suggestions(page).getByRole('option').first()).toBeVisible();
  await expect(page.getByLabel('Suggestions per article')).toHaveValue('20');
  await expect(suggestion(page, NARRATION)).toHaveCount(0);
  await expect(suggestion(page, PESKOV)).toHaveCount(0);
  await expect(suggestion(page, 'According to the Kremlin')).toHaveCount(1);
  await annotationsPanel(page).getByRole('listitem').first().getByRole('button').click();
  await expect(annotationsPanel(page).getByRole('combobox', { name: 'Claimant' })).toHaveValue(
    'Dmitry Peskov',
  );

  // The claimant became a source of its own, once.
  await page.getByRole('tab', { name: 'Sources' }).click();
  await expect(page.getByText('Dmitry Peskov', { exact: true }).first()).toBeVisible();
});

test('highlighting a sentence by hand fills its claimant from the cue, matched to an existing source', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  await showAll(page);
  // The Kremlin is first made a source by accepting one suggestion…
  await suggestion(page, 'the Kremlin announced on Thursday').focus();
  await page.keyboard.press('a');
  const items = annotationsPanel(page).getByRole('listitem');
  await expect(items).toHaveCount(1);
  const claimant = annotationsPanel(page).getByRole('combobox', { name: 'Claimant' });
  await expect(claimant).toHaveValue('Kremlin');
  // …then a sentence highlighted by hand whose cue names it gets that source, not a second one.
  await selectPhrase(page, 'According to the Kremlin, Putin reaffirmed Russia’s readiness');
  await page.keyboard.press('1');
  await expect(items).toHaveCount(2);
  await expect(claimant).toHaveValue('Kremlin');
  await page.getByRole('tab', { name: 'Sources' }).click();
  await expect(page.getByText('Kremlin', { exact: true })).toHaveCount(1);
});

test('the panel in light, dark and Arabic', async ({ page }, testInfo) => {
  await openThroughChooser(page, SAMPLE);
  await expect(suggestions(page).getByRole('option')).toHaveCount(5);
  const panel = page.locator('.cd-suggestions');
  await panel.screenshot({ path: testInfo.outputPath('suggestions-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: testInfo.outputPath('suggestions-dark.png') });
  await page.screenshot({ path: testInfo.outputPath('suggestions-dark-window.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await openThroughChooser(page, ARABIC);
  await expect(suggestion(page, 'وزير الاقتصاد')).not.toHaveCount(0);
  await expect(suggestion(page, 'خبير اقتصادي مستقل')).toHaveCount(1);
  await panel.screenshot({ path: testInfo.outputPath('suggestions-arabic.png') });
  await page.screenshot({ path: testInfo.outputPath('suggestions-arabic-window.png') });
});
