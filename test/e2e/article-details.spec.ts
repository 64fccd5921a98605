// An article's details and links in the browser edition: a real BBC page's address, outlet and
// date captured on import and shown above the article, an analyst's correction kept when the
// file is opened again, and the page's own links shown as links that open outside the app.
import { expect, test } from '@playwright/test';
import { fixture, openThroughChooser } from './helpers';

const BBC = fixture('html/bbc-obama/source.html');
const TITLE = "Obama admits US gun laws are his 'biggest frustration'";

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto('/');
  await openThroughChooser(page, BBC);
  await expect(
    page.getByRole('region', { name: 'Article', exact: true }).getByRole('heading', { level: 1 }),
    // A web page is parsed off the UI thread with jsdom: slower than text on a loaded machine.
  ).toHaveText(TITLE, { timeout: 30_000 });
});

test('the page’s address, outlet and date are shown, and an analyst’s correction survives re-opening', async ({
  page,
}) => {
  const details = page.getByRole('group', { name: 'Article details' });
  await expect(details).toContainText('BBC News');
  await expect(details.locator('time')).toHaveAttribute('datetime', '2015-07-24T04:36:09Z');
  const address = details.getByRole('link', { name: 'http://www.bbc.com/news/world-us-canada-33646704' });
  await expect(address).toHaveAttribute('title', 'http://www.bbc.com/news/world-us-canada-33646704');

  await details.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  await expect(form.getByLabel('Published')).toHaveValue('2015-07-24');
  await form.getByLabel('Author').fill('Jon Sopel');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toContainText('by Jon Sopel');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  await page.reload();
  await openThroughChooser(page, BBC);
  await expect(page.getByRole('group', { name: 'Article details' })).toContainText('by Jon Sopel', {
    timeout: 30_000,
  });
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(1);
});

test('the article’s own links are links, show their address, and open outside the app', async ({
  page,
  context,
}) => {
  await context.route('http://www.bbc.co.uk/**', (route) =>
    route.fulfill({ body: 'elsewhere', contentType: 'text/plain' }),
  );
  const article = page.getByRole('region', { name: 'Article', exact: true });
  const links = article.locator('.cd-article-text a.cd-article-link');
  await expect(links).toHaveCount(6);
  const first = article.getByRole('link', { name: 'The UK must stay in the EU' });
  await expect(first).toHaveAttribute('title', 'http://www.bbc.co.uk/news/uk-politics-33647154');
  const appUrl = page.url();
  const opened = context.waitForEvent('page');
  await first.click();
  const tab = await opened;
  await expect.poll(() => tab.url()).toBe('http://www.bbc.co.uk/news/uk-politics-33647154');
  // Opened with noopener: the new tab cannot reach the app's window.
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  expect(page.url()).toBe(appUrl);
  await tab.close();

  // From the keyboard too: Enter on a focused link.
  const again = context.waitForEvent('page');
  await article.getByRole('link', { name: 'Read the full transcript of his interview' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await again).url())
    .toBe('http://www.bbc.co.uk/news/world-us-canada-33646542');
  expect(page.url()).toBe(appUrl);
});
