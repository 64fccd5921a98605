// A 2 MB paste into a claim's Notes in the browser edition: refused at once with a message that
// says so (nothing silently cut, nothing stored), and the page keeps answering keystrokes.
import { expect, test } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const CLAIM = 'Russia has not officially responded to allegations';

test('a 2 MB paste into Notes is refused with a message; typing goes on as before', async ({ page }) => {
  await page.goto('/');
  await openThroughChooser(page, SAMPLE);
  await selectPhrase(page, CLAIM);
  await page.keyboard.press('1');
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const notes = panel.getByLabel('Notes');
  await notes.fill('Call the ministry.');

  // A real paste event carrying 2.15 MB of text, as the clipboard would deliver it.
  await notes.focus();
  await notes.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'x'.repeat(2_150_000));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(panel.getByRole('alert')).toHaveText(
    'Not pasted: Notes holds at most 100,000 characters, and this would make it 2,150,018.',
  );
  await expect(notes).toHaveValue('Call the ministry.');

  await notes.press('End');
  await page.keyboard.type(' Then the embassy.');
  await expect(notes).toHaveValue('Call the ministry. Then the embassy.');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.reload();
  await panel.getByRole('listitem').first().getByRole('button').click();
  await expect(panel.getByLabel('Notes')).toHaveValue('Call the ministry. Then the embassy.');
});
