// Layout details a new analyst tripped over, checked as they see them: the search placeholder and
// "Unverifiable" shown whole; no line of the article's metadata ends in "·"; the overlap chooser
// cuts quotes between words; nested highlights show both labels; Recent files in reach below
// 5,000 library rows; the article centred at 1920 px; Arabic captions upright; dates in the
// analyst's locale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { fixture, highlightAs, openThroughChooser } from './helpers';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const SAMPLE = fixture('sample/asharq-two-articles.txt');
const OUTER =
  'Russian President Vladimir Putin has sent a message to his Syrian counterpart, Ahmad al-Sharaa, the Kremlin announced on Thursday';
const INNER = 'Vladimir Putin has sent';

/** Whether `text`, in the element's font, fits the element's content box. */
function fitsText(page: Page, selector: string, text: string): Promise<{ text: number; room: number }> {
  return page.locator(selector).evaluate((el, t) => {
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: context.measureText(t).width, room };
  }, text);
}

test.use({ locale: 'en-GB' });

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])
  test(`at ${viewport.width}px the placeholder, the verdict and the metadata line show whole`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const placeholder = await page
      .getByRole('searchbox', { name: 'Search annotations' })
      .getAttribute('placeholder');
    const search = await fitsText(page, '.cd-search', placeholder ?? '');
    expect(search.text).toBeLessThanOrEqual(search.room);

    await openThroughChooser(page, fixture('corpus/velmora-water-report.html'));
    // Separators are never the last thing on a line: each "·" shares its line with what follows.
    const dangling = await page.locator('.cd-article-meta').evaluate((meta) => {
      const bad: string[] = [];
      const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
        for (let at = node.data.indexOf('·'); at >= 0; at = node.data.indexOf('·', at + 1)) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const dot = range.getBoundingClientRect();
          range.setStart(node, Math.min(node.data.length - 1, at + 2));
          range.setEnd(node, Math.min(node.data.length, at + 3));
          const next = range.getBoundingClientRect();
          if (at + 2 >= node.data.length || Math.abs(next.top - dot.top) > 2) bad.push(node.data);
        }
      return bad;
    });
    expect(dangling).toEqual([]);
    await expect(page.locator('.cd-article-details')).toContainText('14 Mar 2026');

    await highlightAs(page, 'general manager Owen Pratt', '1');
    await panel(page).getByRole('listitem').first().getByRole('button').first().click();
    await page.keyboard.press('Enter');
    await panel(page).getByLabel('Verdict').selectOption({ label: 'Unverifiable' });
    const verdict = await fitsText(page, '.cd-claim-editor select[aria-label="Verdict"]', 'Unverifiable');
    // The select's arrow takes about 20 px of its content box.
    expect(verdict.text).toBeLessThanOrEqual(verdict.room - 16);
    // Dates in the analyst's locale (en-GB here: day, month name, year).
    await expect(page.locator('.cd-claim-meta')).toContainText(/created \d{1,2} [A-Z][a-z]{2} \d{4}/);
  });

test('nested highlights show both labels, and the chooser cuts quotes between words', async ({ page }) => {
  await page.goto('/');
  await openThroughChooser(page, SAMPLE);
  await highlightAs(page, OUTER, '1');
  await highlightAs(page, INNER, '3');
  const marks = page.locator('.cd-article-text mark');
  const look = (text: string) =>
    marks.filter({ hasText: new RegExp(`^${text}$`) }).evaluate((el) => {
      const s = getComputedStyle(el);
      return { fill: s.backgroundColor, underline: s.borderBottomColor };
    });
  const outerOnly = await look('Russian President ');
  const both = await look(INNER);
  // The inner label fills; the outer label's underline runs on beneath it.
  expect(both.underline).toBe(outerOnly.underline);
  expect(both.fill).not.toBe(outerOnly.fill);

  await marks.filter({ hasText: new RegExp(`^${INNER}$`) }).click();
  const chooser = page.getByRole('menu', { name: 'Choose annotation' });
  const shown = await chooser.getByRole('menuitem').first().locator('span[dir="auto"]').textContent();
  expect(shown).toMatch(/…$/);
  const head = (shown ?? '').slice(0, -1);
  expect(OUTER.startsWith(head)).toBe(true);
  expect(OUTER[head.length]).toMatch(/[\s,]/);
});

test('Recent files stays in reach below 5,000 library rows', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-rows-'));
  const dump = join(dir, 'five-thousand.txt');
  const maker = fileURLToPath(new URL('../bench/make-news-dump.mjs', import.meta.url));
  execFileSync(process.execPath, [maker, dump, '--articles', '5000', '--paragraphs', '2']);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await openThroughChooser(page, dump);
  const recent = page.getByRole('region', { name: 'Recent files' });
  await expect(recent.getByRole('button', { name: 'five-thousand.txt' })).toBeInViewport({
    timeout: 120_000,
  });
  await expect(page.getByRole('navigation', { name: 'Library' }).locator('.cd-count')).toHaveAttribute(
    'data-count',
    '5000',
    { timeout: 120_000 },
  );
  await expect(recent.getByRole('button', { name: 'five-thousand.txt' })).toBeInViewport();
  // Still there with the list scrolled half way.
  await page.locator('.cd-left-body').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(recent.getByRole('button', { name: 'five-thousand.txt' })).toBeInViewport();
});

test('at 1920 px the article sits centred in its column without wide margins', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await openThroughChooser(page, SAMPLE);
  const column = await page.locator('.cd-article').boundingBox();
  const body = await page.locator('.cd-article-body').boundingBox();
  if (!column || !body) throw new Error('article not on screen');
  const before = body.x - column.x;
  const after = column.x + column.width - (body.x + body.width);
  expect(Math.abs(before - after)).toBeLessThan(20);
  expect(before).toBeLessThan(0.12 * 1920);
});

test('Arabic captions are upright (Arabic has no italic)', async ({ page }) => {
  await page.goto('/');
  await openThroughChooser(page, fixture('corpus/arabic-economy-utf8.txt'));
  const caption = page.locator('.cd-block-caption').first();
  await expect(caption).toContainText('ميناء تجاري');
  expect(await caption.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('normal');
});
