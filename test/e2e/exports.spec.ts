// Reports and interchange in the browser edition (real Chromium, real IndexedDB): the HTML report
// opened as a colleague would, CSV read back with its Arabic intact, W3C and backup round trips
// through a wiped library, the browser's print path for PDF, and settings that persist.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { serialiseBackup } from '../../src-shared/export/backup';
import { annotationsToCsv } from '../../src-shared/export/csv';
import { snapshot as fixtureLibrary } from '../unit/export/fixture-snapshot';
import { parseCsv } from '../unit/export/rfc4180';
import { fixture, highlightAs, openThroughChooser, wipe } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const ARABIC = fixture('corpus/arabic-economy-utf8.txt');
const CLAIM = 'Russia has not officially responded to allegations';
const QUOTE = 'Kremlin spokesman Dmitry Peskov';
const ARABIC_CLAIM = 'صادرات البلاد غير النفطية ارتفعت';

const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Annotations' });
const items = (page: Page): Locator => panel(page).getByRole('listitem');

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto('/');
});

/** Opens the annotation quoting `phrase` in the claim editor. */
async function edit(page: Page, phrase: string): Promise<Locator> {
  await items(page).filter({ hasText: phrase }).getByRole('button').first().click();
  return panel(page);
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
}

function toolbarDialog(page: Page, button: string, name: string): Promise<Locator> {
  return page
    .getByRole('button', { name: button })
    .click()
    .then(() => page.getByRole('dialog', { name }));
}

async function download(page: Page, start: () => Promise<void>): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await start();
  const file: Download = await pending;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function exportData(page: Page, format: RegExp, scope = /^Whole library/) {
  const dialog = await toolbarDialog(page, 'Export data…', 'Export data');
  await dialog.getByRole('radio', { name: format }).check();
  if (!/Backup/.test(String(format))) await dialog.getByRole('radio', { name: scope }).check();
  const file = await download(page, () => dialog.getByRole('button', { name: /^Export/ }).click());
  await expect(dialog).toBeHidden();
  return file;
}

async function importFile(page: Page, file: { name: string; text: string }): Promise<Locator> {
  const dialog = await toolbarDialog(page, 'Import…', 'Import');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (
    await chooser
  ).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  return dialog;
}

async function restore(page: Page, backup: { name: string; text: string }): Promise<Locator> {
  const dialog = await importFile(page, backup);
  const confirm = dialog.getByRole('alertdialog', { name: 'Replace the library?' });
  await expect(confirm).toContainText('Restoring replaces the whole library.');
  return confirm;
}

/** The library as IndexedDB holds it, store by store, sorted by key. */
function dumpLibrary(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimdesk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const stores = ['documents', 'annotations', 'labels', 'sources', 'settings'];
    const tx = db.transaction(stores, 'readonly');
    const result: Record<string, unknown[]> = {};
    for (const store of stores) {
      result[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    }
    db.close();
    // A backup holds the analyst's settings; the window's state (open document, recent files) is not the library.
    const kept = ['analystName', 'organisationName', 'organisationUrl'];
    result.settings = result.settings!.filter((s) => kept.includes((s as { key: string }).key));
    return result;
  });
}

test('the HTML report shows every annotation with its findings, and opened in Chromium runs nothing', async ({
  page,
}) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '1');
  await highlightAs(page, QUOTE, '3');
  const editor = await edit(page, CLAIM);
  await editor.getByLabel('Verdict').selectOption({ label: 'False' });
  await editor.getByLabel('Rationale').fill('<script>alert("report")</script> <img src=x onerror=alert(2)>');
  await editor.getByLabel('Status').selectOption({ label: 'Checked' });
  await saved(page);

  const dialog = await toolbarDialog(page, 'Export report…', 'Export report');
  await expect(dialog.getByRole('radio', { name: /^HTML/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^This document/ })).toBeChecked();
  const report = await download(page, () => dialog.getByRole('button', { name: 'Export' }).click());
  expect(report.name).toMatch(/^Putin-s-Message-to-Syria-s-Al-Sharaa.* - Claimdesk report\.html$/);
  expect(report.text).not.toMatch(/<script|<img/i);
  expect(report.text).toContain('&lt;script&gt;alert(&quot;report&quot;)&lt;/script&gt; &lt;img src=x');

  // A colleague opens the file: every annotation, the findings, and nothing runs.
  const file = join(tmpdir(), `claimdesk-report-${Date.now()}.html`);
  await writeFile(file, report.text);
  const viewer = await page.context().newPage();
  viewer.on('dialog', (d) => {
    throw new Error(`the report ran a dialog: ${d.message()}`);
  });
  await viewer.goto(pathToFileURL(file).href);
  await expect(viewer.locator('script')).toHaveCount(0);
  await expect(viewer.locator('article mark')).toHaveText([QUOTE, CLAIM]);
  const listed = viewer.locator('ol.annotations > li');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toContainText('Quote');
  await expect(listed.nth(1)).toContainText(CLAIM);
  await expect(listed.nth(1)).toContainText('False');
  await expect(listed.nth(1)).toContainText('Checked · Normal priority');
  await expect(listed.nth(1)).toContainText('<script>alert("report")</script>');
  await expect(viewer.locator('section.summary table').first()).toContainText('False');
  expect(await viewer.evaluate(() => document.querySelectorAll('img, [onerror], [onload]').length)).toBe(0);
  await viewer.close();

  // A report of the search's results holds only what was found.
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('label:quote');
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('button')).toHaveCount(1);
  const again = await toolbarDialog(page, 'Export report…', 'Export report');
  await again.getByRole('radio', { name: /^Current search results/ }).check();
  await again.getByRole('radio', { name: /^Markdown/ }).check();
  const md = await download(page, () => again.getByRole('button', { name: 'Export' }).click());
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toMatch(/#### \[1\] Quote — No verdict\n\n> Kremlin spokesman Dmitry Peskov\n/);
  expect(md.text).not.toContain('#### [2]');
});

test('a report of selected documents lays the Arabic article out right to left', async ({ page }) => {
  const confirm = await restore(page, {
    name: 'library.json',
    text: serialiseBackup(fixtureLibrary, { app: 'test', createdAt: '2025-03-03T00:00:00Z' }),
  });
  await confirm.page().getByRole('button', { name: 'Replace library' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(3);
  const dialog = await toolbarDialog(page, 'Export report…', 'Export report');
  await dialog.getByRole('radio', { name: /^Selected documents/ }).check();
  await dialog.getByRole('button', { name: 'Select all' }).click();
  await dialog.getByRole('checkbox', { name: 'Untitled notes' }).uncheck();
  const report = await download(page, () => dialog.getByRole('button', { name: 'Export' }).click());
  const viewer = await page.context().newPage();
  await viewer.setContent(report.text);
  await expect(viewer.locator('section.document')).toHaveCount(2);
  const arabic = viewer.locator('section.document:has(article[dir="rtl"])');
  await expect(arabic.locator('article')).toHaveAttribute('dir', 'rtl');
  await expect(arabic.locator('q.quote')).toHaveText([
    'معدل البطالة انخفض إلى ٣٪',
    'انخفض إلى ٣٪ في العام الماضي',
  ]);
  // Right to left: the heading starts at the right edge of its column.
  const box = await arabic.locator('h1').evaluate((h) => {
    const range = document.createRange();
    range.selectNodeContents(h);
    const text = range.getBoundingClientRect();
    return { textRight: text.right, boxRight: h.getBoundingClientRect().right };
  });
  expect(Math.abs(box.boxRight - box.textRight)).toBeLessThan(2);
  await expect(viewer.locator('ol.annotations > li')).toHaveCount(5);
});

test('the CSV download parses back to the same rows, Arabic intact', async ({ page }) => {
  const confirm = await restore(page, {
    name: 'library.json',
    text: serialiseBackup(fixtureLibrary, { app: 'test', createdAt: '2025-03-03T00:00:00Z' }),
  });
  await confirm.page().getByRole('button', { name: 'Replace library' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(3);
  const csv = await exportData(page, /^CSV table/);
  expect(csv.name).toMatch(/^Claimdesk annotations \d{4}-\d\d-\d\d\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(csv.text.slice(1));
  const expected = parseCsv(annotationsToCsv(fixtureLibrary).slice(1));
  expect(rows[0]).toEqual(expected[0]);
  const sorted = (r: string[][]) =>
    r
      .slice(1)
      .map((row) => JSON.stringify(row))
      .sort();
  expect(sorted(rows)).toEqual(sorted(expected));
  const arabicRow = rows.find((r) => r[2] === 'معدل البطالة انخفض إلى ٣٪');
  expect(arabicRow?.[0]).toBe('الوزير: البطالة انخفضت إلى ٣٪');
  expect(arabicRow?.[10]).toBe('وكالة الأنباء الرسمية');
  expect(arabicRow?.[7]).toBe('الرقم الرسمي ٣٫٢٪.');
});

test('W3C export, then import into a wiped library, restores the annotations', async ({ page }) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '2');
  const editor = await edit(page, CLAIM);
  await editor.getByLabel('Verdict').selectOption({ label: 'Misleading' });
  await editor.getByLabel('Notes').fill('Ask the ministry — «urgent»');
  await openThroughChooser(page, ARABIC);
  await highlightAs(page, ARABIC_CLAIM, '1');
  await (await edit(page, ARABIC_CLAIM)).getByLabel('Notes').fill('راجع الأرقام الرسمية');
  await saved(page);
  const before = await dumpLibrary(page);

  const w3c = await exportData(page, /^W3C Web Annotation/);
  expect(w3c.name).toMatch(/\.jsonld$/);
  expect(JSON.parse(w3c.text)).toMatchObject({ type: 'AnnotationCollection', total: 2 });

  await wipe(page);
  await openThroughChooser(page, SAMPLE, ARABIC);
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(3);
  const dialog = await importFile(page, w3c);
  await expect(dialog.getByRole('status')).toHaveText('Imported 2 annotations.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const after = await dumpLibrary(page);
  type Stored = { id: string; target: unknown; labelId: string; verdict: string | null; notes: string };
  const fields = (list: unknown[]) =>
    (list as Stored[])
      .map(({ id, target, labelId, verdict, notes }) => ({ id, target, labelId, verdict, notes }))
      .sort((a, b) => a.id.localeCompare(b.id));
  expect(fields(after.annotations!)).toEqual(fields(before.annotations!));
  // The open article shows its annotation again, as soon as it is imported.
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).first()).toContainText(CLAIM);
  await expect(items(page).first()).toContainText('Misleading');

  // Importing the same file again adds nothing.
  const twice = await importFile(page, w3c);
  await expect(twice.getByRole('status')).toHaveText(
    'Imported 0 annotations; 2 were already in the library.',
  );
});

test('Backup → wipe → Import gives back the same library', async ({ page }) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '1');
  const editor = await edit(page, CLAIM);
  await editor.getByLabel('Verdict').selectOption({ label: 'Mostly false' });
  await editor.getByLabel('Priority').selectOption({ label: 'High' });
  await editor.getByRole('button', { name: 'Add evidence' }).click();
  await editor.getByLabel('Evidence 1 URL').fill('https://www.example.org/briefing');
  await openThroughChooser(page, ARABIC);
  await highlightAs(page, ARABIC_CLAIM, '2');
  await saved(page);
  const settings = await toolbarDialog(page, 'Settings…', 'Settings');
  await settings.getByLabel('Analyst name').fill('سارة حداد');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  const before = await dumpLibrary(page);
  expect(before.documents).toHaveLength(3);

  const backup = await exportData(page, /^Backup/);
  expect(backup.name).toMatch(/^claimdesk-backup-\d{4}-\d\d-\d\d\.json$/);
  await wipe(page);
  const confirm = await restore(page, backup);
  await expect(confirm).toContainText('Your 0 documents, 0 annotations, 5 labels and 0 sources');
  await expect(confirm).toContainText(
    // The Arabic claim's cue ("قال وزير الاقتصاد") names its claimant, which highlighting fills in.
    'by the 3 documents, 2 annotations, 5 labels and 1 source of claimdesk-backup-',
  );
  await page.getByRole('button', { name: 'Replace library' }).click();
  await expect(page.getByRole('dialog', { name: 'Import' })).toBeHidden();
  await expect(page.getByText(/^Library restored from claimdesk-backup-/)).toBeVisible();
  expect(await dumpLibrary(page)).toEqual(before);

  // A damaged backup is refused and changes nothing.
  const damaged = JSON.parse(backup.text) as { library: { annotations: { status: string }[] } };
  damaged.library.annotations[0]!.status = 'finished';
  const refused = await importFile(page, { name: 'damaged.json', text: JSON.stringify(damaged) });
  await expect(refused.getByRole('alert')).toContainText('This backup is damaged and was not restored');
  expect(await dumpLibrary(page)).toEqual(before);
});

test('PDF in the browser opens the report in the print flow', async ({ page, context }) => {
  // Records print() calls in every document of the context: headless Chromium has no dialog.
  await context.addInitScript(() => {
    window.print = () => {
      const html = document.documentElement;
      html.dataset.printCalls = String(Number(html.dataset.printCalls ?? '0') + 1);
    };
  });
  await page.reload();
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '2');
  const dialog = await toolbarDialog(page, 'Export report…', 'Export report');
  await dialog.getByRole('radio', { name: /^PDF/ }).check();
  await expect(dialog).toContainText('choose “Save as PDF”');
  const popupEvent = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const popup = await popupEvent;
  await expect(popup.locator('html')).toHaveAttribute('data-print-calls', '1');
  expect(popup.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await expect(popup.locator('ol.annotations > li')).toContainText([CLAIM]);
  await expect(popup.locator('script')).toHaveCount(0);
  // The report's styles reach the printed page despite the app's CSP (no inline styles there).
  const mark = popup.locator('article mark');
  await expect(mark).toHaveText(CLAIM);
  expect(await mark.evaluate((m) => getComputedStyle(m).backgroundColor)).toBe('rgba(86, 204, 242, 0.333)');
  expect(await popup.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
  await expect(page.getByText('The report is open for printing')).toBeVisible();
  await expect(dialog).toBeHidden();
});

test('settings persist, and ClaimReview lists what each claim still needs', async ({ page }) => {
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, CLAIM, '1');
  await (await edit(page, CLAIM)).getByLabel('Status').selectOption({ label: 'Checked' });
  await saved(page);

  let data = await toolbarDialog(page, 'Export data…', 'Export data');
  await data.getByRole('radio', { name: /^ClaimReview/ }).check();
  const problems = data.getByRole('region', { name: 'Claims left out' });
  await expect(problems).toContainText(CLAIM);
  await expect(problems).toContainText(
    'missing organisation name (Settings), organisation web address, http or https (Settings), verdict',
  );
  await expect(data.getByRole('button', { name: 'Export 0 ClaimReviews' })).toBeDisabled();
  await problems.getByRole('button', { name: 'Open Settings…' }).click();

  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Analyst name').fill('Sara Haddad');
  await settings.getByLabel('Organisation name').fill('Fact Desk');
  await settings.getByLabel('Organisation web address').fill('javascript:alert(1)');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toContainText('must be a full http:// or https:// address');
  await expect(settings.getByLabel('Organisation web address')).toHaveAttribute('aria-invalid', 'true');
  await settings.getByLabel('Organisation web address').fill('https://factdesk.example/checks');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  await page.reload();
  const reopened = await toolbarDialog(page, 'Settings…', 'Settings');
  await expect(reopened.getByLabel('Analyst name')).toHaveValue('Sara Haddad');
  await expect(reopened.getByLabel('Organisation name')).toHaveValue('Fact Desk');
  await expect(reopened.getByLabel('Organisation web address')).toHaveValue(
    'https://factdesk.example/checks',
  );
  await reopened.getByRole('button', { name: 'Cancel' }).click();

  // New annotations carry the analyst's name; with a verdict the claim is ready.
  await highlightAs(page, QUOTE, '3');
  await (await edit(page, CLAIM)).getByLabel('Verdict').selectOption({ label: 'False' });
  await saved(page);
  data = await toolbarDialog(page, 'Export data…', 'Export data');
  await data.getByRole('radio', { name: /^ClaimReview/ }).check();
  await expect(data.getByRole('region', { name: 'Claims left out' })).toHaveCount(0);
  const file = await download(page, () => data.getByRole('button', { name: 'Export 1 ClaimReview' }).click());
  const [review] = JSON.parse(file.text) as {
    claimReviewed: string;
    author: { name: string; url: string };
  }[];
  expect(review).toMatchObject({
    claimReviewed: CLAIM,
    author: { name: 'Fact Desk', url: 'https://factdesk.example/checks' },
  });
  const csv = await exportData(page, /^CSV table/);
  const [header, ...rows] = parseCsv(csv.text.slice(1));
  const quoteRow = rows.find((r) => r[2] === QUOTE);
  expect(quoteRow?.[header!.indexOf('Analyst')]).toBe('Sara Haddad');
});
