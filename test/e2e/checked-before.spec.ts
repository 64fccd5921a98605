// "Checked before" in the browser edition: a claim highlighted in one article shows up, with its
// verdict, under the same claim worded otherwise in another, and opens it; a ClaimReview file
// imported through Import… is matched too, and its page opens in the browser.
import { expect, test, type Page } from '@playwright/test';
import { annotationsPanel, fixture, highlightAs, openThroughChooser } from './helpers';

const FIRST = fixture('checked-before/city-hall.md');
const SECOND = fixture('checked-before/mayor-interview.md');
const REVIEWS = fixture('checked-before/crime-check.jsonld');
const CLAIM = 'crime in the city has doubled since the mayor took office';
const PARAPHRASE = 'since the mayor came into office, crime in the city has gone up twofold';
const REVIEW_URL = 'https://factcheck.example.org/2025/05/city-crime-doubled';

const checkedBefore = (page: Page) => annotationsPanel(page).getByRole('region', { name: 'Checked before' });

async function highlightAndEdit(page: Page, phrase: string): Promise<void> {
  await highlightAs(page, phrase);
  await page.keyboard.press('Enter');
  await expect(annotationsPanel(page).getByRole('form', { name: 'Claim' })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto('/');
});

test('the same claim in two articles: the second shows the first with its verdict and opens it', async ({
  page,
}) => {
  await openThroughChooser(page, FIRST);
  await highlightAndEdit(page, CLAIM);
  await annotationsPanel(page).getByLabel('Verdict').selectOption({ label: 'False' });
  await expect(checkedBefore(page)).toContainText('No similar claim');
  await expect(checkedBefore(page)).toContainText('seen in 1 article');

  await openThroughChooser(page, SECOND);
  await expect(page.locator('.cd-article-text')).toContainText('radio interview');
  await highlightAndEdit(page, PARAPHRASE);
  const section = checkedBefore(page);
  await expect(section).toContainText('seen in 2 articles');
  const match = section.getByRole('button', { name: /City hall under pressure/ });
  await expect(match).toContainText('False');
  await expect(match).toContainText(CLAIM);

  // Keyboard: the match is the stop before the evidence, and opens with Enter.
  await annotationsPanel(page).getByRole('button', { name: 'Add evidence' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(match).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cd-article-text')).toContainText('The council met on Tuesday');
  const editor = annotationsPanel(page).getByRole('form', { name: 'Claim' });
  await expect(editor.getByLabel('Verdict')).toHaveValue('false');
  // And from the first claim, the way back.
  await expect(
    checkedBefore(page).getByRole('button', { name: /The mayor answers her critics/ }),
  ).toContainText('Not rated');
});

test('an imported ClaimReview file is matched to the claim, once however often imported, and opens its page', async ({
  page,
  context,
}) => {
  await context.route('https://factcheck.example.org/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Fact-check</title>' }),
  );
  await openThroughChooser(page, SECOND);
  await highlightAndEdit(page, PARAPHRASE);
  await expect(checkedBefore(page)).toContainText('No similar claim');

  // Open file… takes it as Import… does; the second time adds nothing.
  await openThroughChooser(page, REVIEWS);
  await expect(page.locator('.cd-notices')).toContainText('crime-check.jsonld: imported 1 fact-check.');
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(REVIEWS);
  await expect(dialog.getByRole('status')).toHaveText(
    'crime-check.jsonld: imported 0 fact-checks; 1 was already in the library.',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();

  const match = checkedBefore(page).getByRole('button', { name: /Fact-check by Example Fact Check/ });
  await expect(match).toHaveCount(1);
  await expect(match).toContainText('False · “Pants on Fire”');
  await expect(match).toContainText('City Opposition Bloc');
  await expect(match).toContainText('Crime in the city doubled after the mayor took office.');
  const popup = page.waitForEvent('popup');
  await match.click();
  const opened = await popup;
  await opened.waitForLoadState();
  expect(opened.url()).toBe(REVIEW_URL);
});

test('a malformed ClaimReview file is refused with the file and the problem named, and nothing added', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  const bad = [
    { '@type': 'ClaimReview', claimReviewed: 'A', reviewRating: { alternateName: 'False' } },
    {
      '@type': 'ClaimReview',
      claimReviewed: 'B',
      url: 'javascript:alert(1)',
      reviewRating: { alternateName: 'True' },
    },
  ];
  await (
    await chooser
  ).setFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(dialog.getByRole('alert')).toContainText(
    'bad.json: review 2 of 2: url is not an http or https address; nothing was imported',
  );
  const count = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onsuccess = () => {
          const request = open.result.transaction('factChecks').objectStore('factChecks').count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(count).toBe(0);
});
