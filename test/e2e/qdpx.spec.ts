// REFI-QDA in the browser edition (real Chromium, real IndexedDB, the host's import worker): a
// highlighted library exported through "Export data…" as a .qdpx and imported into a fresh
// library gives back every highlight's quote and label, in English and in Arabic.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase, selectWithRange, wipe } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const ARABIC = fixture('corpus/arabic-economy-utf8.txt');
const CLAIM = 'Russia has not officially responded to allegations';
const ARABIC_CLAIM = 'صادرات البلاد غير النفطية ارتفعت';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

/** Each stored highlight as quote → label id, read straight from IndexedDB. */
function storedHighlights(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('claimdesk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const all = await new Promise<{ target: { quote: { exact: string } }; labelId: string }[]>(
      (resolve, reject) => {
        const request = db.transaction('annotations').objectStore('annotations').getAll();
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      },
    );
    db.close();
    return all.map((a) => `${a.target.quote.exact} → ${a.labelId}`).sort();
  });
}

async function mark(page: Page, phrase: string, key: string): Promise<void> {
  await expect(page.locator('.cd-article-text')).toContainText(phrase);
  if (/[\u0600-\u06ff]/.test(phrase)) await selectWithRange(page, phrase);
  else await selectPhrase(page, phrase);
  await page.keyboard.press(key);
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText(phrase);
}

test('a .qdpx exported through Export data… imports into a fresh library with every highlight', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  await mark(page, CLAIM, '1');
  await openThroughChooser(page, ARABIC);
  await mark(page, ARABIC_CLAIM, '2');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  const before = await storedHighlights(page);
  expect(before).toHaveLength(2);

  await page.getByRole('button', { name: 'Export data…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export data' });
  await exporting.getByRole('radio', { name: /^REFI-QDA project/ }).check();
  await exporting.getByRole('radio', { name: /^Whole library/ }).check();
  const pending = page.waitForEvent('download');
  await exporting.getByRole('button', { name: /^Export/ }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);

  await wipe(page); // a fresh library

  await page.getByRole('button', { name: 'Import…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import' });
  const chooser = page.waitForEvent('filechooser');
  await importing.getByRole('button', { name: 'Choose a file…' }).click();
  await (
    await chooser
  ).setFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: bytes });
  await expect(importing.getByRole('status')).toContainText('Imported 3 documents and 2 highlights.');
  await importing.getByRole('button', { name: 'Done' }).click();

  expect(await storedHighlights(page)).toEqual(before);
});
