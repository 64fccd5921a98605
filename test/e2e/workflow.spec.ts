// The fact-check workflow in the browser edition: a full claim record, overlapping highlights,
// undo, library-wide search, orphans after a changed file, and what survives a closed window.
import { expect, test, type Page } from '@playwright/test';
import { fixture, highlightAs, openThroughChooser } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const CLAIM = 'Russia has not officially responded to allegations';
const annotationsPanel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const items = (page: Page) => annotationsPanel(page).getByRole('listitem');

/** Opens the sample, highlights CLAIM as a Claim and opens its editor. */
async function openNewClaim(page: Page) {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '1');
  await page.keyboard.press('Enter');
  return annotationsPanel(page);
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto('/');
});

test('a full claim record — claimant, verdict, rationale, status, priority, evidence, note — is kept', async ({
  page,
}) => {
  const panel = await openNewClaim(page);
  await expect(panel.getByLabel('Label', { exact: true })).toBeFocused();

  await panel.getByLabel('Verdict').selectOption({ label: 'Misleading' });
  await panel.getByLabel('Rationale').fill('Moscow denied involvement through a diplomatic source.');
  await panel.getByLabel('Status').selectOption({ label: 'Checked' });
  await panel.getByLabel('Priority').selectOption({ label: 'High' });
  const claimant = panel.getByRole('combobox', { name: 'Claimant' });
  await claimant.fill('Dmitry Peskov');
  await panel.getByRole('option', { name: /Create/ }).click();
  await expect(claimant).toHaveValue('Dmitry Peskov');
  await panel.getByRole('button', { name: 'Add evidence' }).click();
  await panel.getByLabel('Evidence 1 URL').fill('https://www.example.org/kremlin-briefing');
  await panel.getByLabel('Evidence 1 title').fill('Kremlin briefing transcript');
  await panel.getByLabel('Evidence 1 stance').selectOption({ label: 'Refutes' });
  await panel.getByLabel('Notes').fill('Ask the ministry for the full statement.');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  await page.reload();
  await items(page).first().getByRole('button').click();
  const after = annotationsPanel(page);
  await expect(after.getByLabel('Verdict')).toHaveValue('misleading');
  await expect(after.getByLabel('Rationale')).toHaveValue(
    'Moscow denied involvement through a diplomatic source.',
  );
  await expect(after.getByLabel('Status')).toHaveValue('checked');
  await expect(after.getByLabel('Priority')).toHaveValue('high');
  await expect(after.getByRole('combobox', { name: 'Claimant' })).toHaveValue('Dmitry Peskov');
  await expect(after.getByLabel('Evidence 1 URL')).toHaveValue('https://www.example.org/kremlin-briefing');
  await expect(after.getByLabel('Evidence 1 stance')).toHaveValue('refutes');
  await expect(after.getByLabel('Notes')).toHaveValue('Ask the ministry for the full statement.');

  // The claimant's page in Sources lists the claim.
  await page.getByRole('tab', { name: 'Sources' }).click();
  const sources = page.getByRole('region', { name: 'Sources' });
  await sources
    .getByRole('button', { name: /Dmitry Peskov/ })
    .first()
    .click();
  await expect(sources).toContainText(CLAIM);
});

test('a claimant typed and confirmed with Enter, or left with Tab, is kept and found by source search', async ({
  page,
}) => {
  const panel = await openNewClaim(page);
  const claimant = panel.getByRole('combobox', { name: 'Claimant' });
  await claimant.click();
  await page.keyboard.type('Maria Zakharova');
  await page.keyboard.press('Enter');
  await expect(claimant).toHaveValue('Maria Zakharova');
  await expect(claimant).toHaveAttribute('aria-expanded', 'false');

  // An evidence item's source typed and left with Tab: a new outlet, not dropped.
  await panel.getByRole('button', { name: 'Add evidence' }).click();
  const evidenceSource = panel.getByRole('combobox', { name: 'Source of evidence 1' });
  await evidenceSource.click();
  await page.keyboard.type('Interfax');
  await page.keyboard.press('Tab');
  await expect(evidenceSource).toHaveValue('Interfax');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  await page.reload();
  await items(page).first().getByRole('button').click();
  await expect(panel.getByRole('combobox', { name: 'Claimant' })).toHaveValue('Maria Zakharova');
  await expect(panel.getByRole('combobox', { name: 'Source of evidence 1' })).toHaveValue('Interfax');

  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('source:"Maria Zakharova"');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results).toContainText(CLAIM);
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('source:"Nobody Here"');
  await expect(results).toContainText('No annotation matches.');
});

test('overlapping highlights are all kept; words under several offer a choice; deleting one keeps the rest', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, 'Russia has not officially responded', '1');
  await highlightAs(page, 'not officially responded to allegations that it played a role', '3');
  await highlightAs(page, 'officially', '2');
  const article = page.getByRole('region', { name: 'Article', exact: true });
  await expect(article.locator('mark.cd-mark-overlap', { hasText: 'officially' })).toHaveCount(1);

  await article.locator('mark', { hasText: /^officially$/ }).click();
  const picker = page.getByRole('menu', { name: 'Choose annotation' });
  await expect(picker.getByRole('menuitem')).toHaveCount(3);
  await picker.getByRole('menuitem', { name: /Quote/ }).click();
  await expect(items(page).nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true');

  await items(page).nth(1).getByRole('button').focus();
  await page.keyboard.press('Delete');
  await expect(items(page)).toHaveCount(2);
  await expect(article.locator('mark', { hasText: 'Russia has not' })).toHaveCount(1);
  await expect(article.locator('mark', { hasText: /^officially$/ })).toHaveCount(1);
  await expect(article.locator('mark', { hasText: 'that it played a role' })).toHaveCount(0);
});

test('undo and redo cover creating, relabelling, editing and deleting', async ({ page }) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '1');
  await page.keyboard.press('4'); // relabel the selected annotation as Opinion
  await expect(items(page).first()).toContainText('Opinion');
  await page.keyboard.press('Control+z');
  await expect(items(page).first()).toContainText('Claim');

  await annotationsPanel(page).getByLabel('Notes').fill('first thought');
  await page.locator('.cd-article-text').click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(annotationsPanel(page).getByLabel('Notes')).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(annotationsPanel(page).getByLabel('Notes')).toHaveValue('first thought');

  await items(page).first().getByRole('button').focus();
  await page.keyboard.press('Delete');
  await expect(items(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(items(page)).toHaveCount(1);
  await page.keyboard.press('Control+z'); // notes
  await page.keyboard.press('Control+z'); // creation
  await expect(items(page)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(items(page)).toHaveCount(1);
});

test('search finds annotations across the library by text and fields and opens the one chosen', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '1');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Sadr/ }).click();
  await expect(items(page)).toHaveCount(0);
  await highlightAs(page, 'boycotting the upcoming parliamentary', '2');

  const search = page.getByRole('searchbox', { name: 'Search annotations' });
  await search.fill('label:claim');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results).toContainText(CLAIM);
  await search.fill('"upcoming parliamentary"');
  await expect(results.getByRole('button')).toHaveText([/boycotting the upcoming parliamentary/]);
  await search.fill('kremlin');
  await expect(results.getByRole('button')).toHaveCount(0);
  // Negation and OR; each hit says its verdict (and claimant, when it has one).
  await search.fill('allegations -russia');
  await expect(results).toContainText('No annotation matches.');
  await search.fill('allegations -iraq');
  await expect(results.getByRole('button')).toHaveText([new RegExp(`${CLAIM}.*Not rated`)]);
  await search.fill('label:claim OR label:statistic');
  await expect(results.getByRole('button')).toHaveCount(2);
  await results.getByText('Search syntax').click();
  await expect(results.getByRole('definition').filter({ hasText: 'leave out what has it' })).toBeVisible();
  await search.fill('allegations');
  await results.getByRole('button').first().click();
  await expect(
    page.getByRole('region', { name: 'Article', exact: true }).getByRole('heading', { level: 1 }),
  ).toContainText('Putin');
  await expect(page.locator('mark.cd-flash')).toHaveText(CLAIM);
});

test('annotations whose text disappeared from a changed file are listed as orphans, the rest re-anchor', async ({
  page,
}) => {
  const v1 =
    'Port report\n\nThe port handled 4.2 million tonnes of grain.\n\nThe union threatened a strike in April.\n';
  const v2 = 'Port report\n\nNew figures: the port handled 4.2 million tonnes of grain this quarter.\n';
  const open = async (text: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles({ name: 'port.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  };
  await open(v1);
  await highlightAs(page, '4.2 million tonnes', '2');
  await highlightAs(page, 'threatened a strike', '1');
  await open(v2);
  await expect(page.getByRole('alert')).toContainText('1 annotation could not be placed');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(1);
  await expect(page.locator('mark', { hasText: '4.2 million tonnes' })).toHaveCount(1);

  await page.getByRole('tab', { name: 'Orphans' }).click();
  const orphans = page.getByRole('region', { name: 'Orphans' });
  await expect(orphans.getByRole('listitem')).toHaveCount(1);
  await expect(orphans).toContainText('threatened a strike');
  await page.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.locator('.cd-article-text')).toContainText('The union threatened a strike in April.');
});

test('closing the window during a burst of edits loses at most the edit in flight', async ({
  page,
  context,
}) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '1');
  const notes = annotationsPanel(page).getByLabel('Notes');
  await notes.click();
  const typed = 'The ministry statement of 14 March contradicts this claim directly';
  // Brisk typing (40 ms a key); the window closes straight after the last key.
  await page.keyboard.type(typed, { delay: 40 });
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto('/');
  await items(again).first().getByRole('button').click();
  const saved = await annotationsPanel(again).getByLabel('Notes').inputValue();
  expect(typed.startsWith(saved)).toBe(true);
  // Lost at most what was typed while the last write was on its way: a few keys, not a backlog.
  expect(typed.length - saved.length).toBeLessThanOrEqual(3);
});

test('the command palette runs any action and the shortcuts sheet lists the keys', async ({ page }) => {
  await openThroughChooser(page, SAMPLE);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command' }).fill('show orph');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Orphans' })).toBeVisible();

  await page.locator('.cd-article-text').click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Command palette');
  await expect(sheet).toContainText('Next annotation');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('an evidence or fact-check URL typed without its scheme is kept as https://, one that is no web address is not kept', async ({
  page,
}) => {
  const panel = await openNewClaim(page);
  await panel.getByRole('button', { name: 'Add evidence' }).click();
  const first = panel.getByLabel('Evidence 1 URL');
  await first.fill('kremlin.ru/events/president/news/73585');
  await first.press('Tab');
  await expect(first).toHaveValue('https://kremlin.ru/events/president/news/73585');
  await expect(panel.getByRole('button', { name: 'Open link' })).toHaveCount(1);

  await panel.getByRole('button', { name: 'Add evidence' }).click();
  const second = panel.getByLabel('Evidence 2 URL');
  await second.fill('see the Kremlin site');
  await second.press('Tab');
  await expect(panel.getByRole('alert')).toHaveText(
    '“see the Kremlin site” is not a web address, so it is not kept. Type it as https://…',
  );
  await expect(second).toHaveAttribute('aria-invalid', 'true');
  // The claim's published fact-check (ClaimReview's url) is a web address field of its own.
  const review = panel.getByLabel('Published fact-check URL');
  await review.fill('factdesk.example.org/checks/kremlin-denial');
  await review.press('Tab');
  await expect(review).toHaveValue('https://factdesk.example.org/checks/kremlin-denial');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  // What was stored is what the field promised: the completed address, and no second link.
  await page.reload();
  await items(page).first().getByRole('button').click();
  const after = annotationsPanel(page);
  await expect(after.getByLabel('Evidence 1 URL')).toHaveValue(
    'https://kremlin.ru/events/president/news/73585',
  );
  await expect(after.getByLabel('Evidence 2 URL')).toHaveValue('');
  await expect(after.getByLabel('Published fact-check URL')).toHaveValue(
    'https://factdesk.example.org/checks/kremlin-denial',
  );
  await expect(after.getByRole('alert')).toHaveCount(0);
});
