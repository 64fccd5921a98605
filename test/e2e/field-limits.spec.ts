// Field size limits and dump details in the browser edition: a news dump's detail lines show
// above its article; a paste beyond a field's limit — on the Sources page, in an article's
// details, in the search box — is refused with a message, and the field keeps its value.
import { expect, test, type Locator } from '@playwright/test';
import { fixture, openThroughChooser } from './helpers';

const DUMP = fixture('sample/asharq-two-articles-with-details.txt');
const FIRST = 'Putin’s Message to Syria’s Al-Sharaa: A Step Toward Restoring Ties?';
const SECOND = 'Iraq’s Sadr to Boycott Elections, Says Doesn’t Want to Work with ‘Corrupt’ Figures';

/** A real paste event carrying `length` characters, as the clipboard would deliver it. */
async function paste(field: Locator, length: number): Promise<void> {
  await field.focus();
  await field.evaluate((el, n) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'y'.repeat(n));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, length);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openThroughChooser(page, DUMP);
  await expect(
    page.getByRole('region', { name: 'Article', exact: true }).getByRole('heading', { level: 1 }),
  ).toHaveText(FIRST, { timeout: 30_000 });
});

test('a news dump’s detail lines are shown above each article', async ({ page }) => {
  const details = page.getByRole('group', { name: 'Article details' });
  await expect(details).toContainText('Asharq Al-Awsat');
  await expect(details).toContainText('by Raed Jaber');
  await expect(details.locator('time')).toHaveAttribute('datetime', '2025-03-13');
  await expect(
    details.getByRole('link', {
      name: 'https://english.aawsat.com/arab-world/putins-message-to-syrias-al-sharaa',
    }),
  ).toBeVisible();

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: SECOND }).click();
  await expect(details).toContainText('by Fadhel al-Nashmi');
  await expect(details.locator('time')).toHaveAttribute('datetime', '2025-03-28');
  await expect(details.getByRole('link')).toHaveCount(0);
});

test('a paste beyond a field’s limit is refused with a message; the field keeps its value', async ({
  page,
}) => {
  // An article's details: the author field.
  await page
    .getByRole('group', { name: 'Article details' })
    .getByRole('button', { name: 'Edit details' })
    .click();
  const form = page.getByRole('form', { name: 'Article details' });
  const author = form.getByLabel('Author');
  await expect(author).toHaveValue('Raed Jaber');
  await paste(author, 2_000_000);
  await expect(form.getByRole('alert')).toHaveText(
    'Not pasted: Author holds at most 300 characters, and this would make it 2,000,010.',
  );
  await expect(author).toHaveValue('Raed Jaber');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // The Sources page: a new source's aliases, then the stored source's name.
  await page.getByRole('tab', { name: 'Sources' }).click();
  const sources = page.getByRole('region', { name: 'Sources' });
  const add = sources.getByRole('form', { name: 'Add source' });
  await add.getByLabel('Name').fill('Dmitry Peskov');
  const aliases = add.getByLabel('Aliases');
  await aliases.fill('Peskov');
  await paste(aliases, 2_150_000);
  await expect(add.getByRole('alert')).toHaveText(
    'Not pasted: Aliases holds at most 2,000 characters, and this would make it 2,150,006.',
  );
  await expect(aliases).toHaveValue('Peskov');
  await add.getByRole('button', { name: 'Add source' }).click();
  await sources.getByRole('button', { name: /Dmitry Peskov/ }).click();
  const page$ = sources.getByRole('form', { name: 'Source details' });
  const name = page$.getByLabel('Name');
  await expect(name).toHaveValue('Dmitry Peskov');
  await paste(name, 400);
  await expect(page$.getByRole('alert')).toHaveText(
    'Not pasted: Name holds at most 300 characters, and this would make it 413.',
  );
  await expect(name).toHaveValue('Dmitry Peskov');
  // Typing goes on as before, and the message goes once a change is taken.
  await name.press('End');
  await page.keyboard.type(' Sr');
  await expect(name).toHaveValue('Dmitry Peskov Sr');
  await expect(page$.getByRole('alert')).toHaveCount(0);

  // The search box keeps its query.
  const search = page.getByRole('searchbox', { name: 'Search annotations' });
  await search.fill('Peskov');
  await paste(search, 1_000_000);
  await expect(page.getByRole('banner').getByRole('alert')).toHaveText(
    'Not pasted: Search holds at most 1,000 characters, and this would make it 1,000,006.',
  );
  await expect(search).toHaveValue('Peskov');
});
