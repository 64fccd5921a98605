// Shared steps for the browser-edition end-to-end tests.
import { expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Opens files through the "Open file…" button and the browser's file chooser. */
export async function openThroughChooser(page: Page, ...files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(files);
}

/** Selects the exact text `phrase` inside the article with a real mouse drag across it. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await expect(page.locator('.cd-article-text')).toContainText(phrase);
  // The page may move under the pointer mid-drag (a status line that grows, a panel that opens,
  // a paragraph laid out late): then the drag lands beside the phrase and is made again.
  for (let attempt = 1; attempt < 3; attempt++) {
    await dragAcross(page, phrase);
    if ((await selectedText(page)) === phrase) return;
  }
  await dragAcross(page, phrase);
  await expect.poll(() => selectedText(page)).toBe(phrase);
}

const selectedText = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => window.getSelection()?.toString().trim());

async function dragAcross(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate(async (text) => {
    const root = document.querySelector('.cd-article-text');
    if (!root) throw new Error('no article');
    // A press inside a selection would drag the selected text away instead of selecting anew.
    window.getSelection()?.removeAllRanges();
    // The phrase may run across several text nodes (highlights split the text).
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(text);
    if (at < 0) throw new Error(`phrase not found: ${text}`);
    const locate = (offset: number, isEnd: boolean): [Text, number] => {
      let seen = 0;
      for (const n of nodes) {
        if (offset < seen + n.data.length || (isEnd && offset === seen + n.data.length))
          return [n, offset - seen];
        seen += n.data.length;
      }
      throw new Error('offset outside the article');
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + text.length, true));
    // Paragraphs off screen are laid out only as they come near (content-visibility): bring the
    // phrase into view and wait until its box stops moving, or the drag lands beside it.
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const frame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));
    let before = '';
    for (let tries = 0; tries < 20; tries++) {
      await frame();
      const now = JSON.stringify([...range.getClientRects()].map((r) => [r.left, r.top, r.right]));
      if (now === before) break;
      before = now;
    }
    const rects = range.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) throw new Error('phrase has no box');
    return {
      x1: first.left + 1,
      y1: first.top + first.height / 2,
      x2: last.right - 1,
      y2: last.top + last.height / 2,
    };
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

export const annotationsPanel = (page: Page): Locator =>
  page.getByRole('complementary', { name: 'Annotations' });

/** The annotation list's own items (the claim editor below it holds lists of its own). */
export const annotationItems = (page: Page): Locator =>
  annotationsPanel(page).locator('.cd-annotation-list > li');

/**
 * Highlights `phrase` with a label's number key, as an analyst does, and waits until the new
 * claim is listed and is the current one (so a following Enter opens it, not the one before).
 */
export async function highlightAs(page: Page, phrase: string, key = '1'): Promise<void> {
  await expect(page.locator('.cd-article-text')).toContainText(phrase);
  const before = await annotationItems(page).count();
  if (/[\u0600-\u06ff]/.test(phrase)) await selectWithRange(page, phrase);
  else await selectPhrase(page, phrase);
  await page.keyboard.press(key);
  await expect(annotationItems(page)).toHaveCount(before + 1);
  await expect(annotationItems(page).locator('[aria-current="true"]')).toContainText(phrase);
}

/**
 * Selects `phrase` (within one text node) with the Selection API rather than the mouse: a drag
 * across right-to-left text starts and ends where the bidi layout puts the phrase's ends.
 */
export async function selectWithRange(page: Page, phrase: string): Promise<void> {
  await page.evaluate((text) => {
    const root = document.querySelector('.cd-article-text');
    const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`phrase not in one text node: ${text}`);
  }, phrase);
}

/** Deletes the app's database (the app closes its connection when asked) and reloads. */
export async function wipe(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('claimdesk');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('delete failed'));
      }),
  );
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button')).toHaveCount(0);
}

/** Sets the analyst's name, then joins the desk at `url` through Settings → Desk. */
export async function joinDesk(page: Page, analyst: string, url: string, token: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Analyst name').fill(analyst);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Settings…' }).click();
  await dialog.getByLabel('Server address').fill(url);
  await dialog.getByLabel('Token').fill(token);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('status', { name: 'Desk connection' })).toHaveText('Desk: online');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status', { name: 'Desk status' })).toHaveText('Desk: online');
}

/** The annotations as the page's IndexedDB holds them, by id (what a reopened app would show). */
export function storedAnnotations(page: Page): Promise<Record<string, Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const all = open.result.transaction('annotations').objectStore('annotations').getAll();
          all.onerror = () => reject(all.error ?? new Error('read failed'));
          all.onsuccess = () => {
            open.result.close();
            const rows = all.result as Record<string, unknown>[];
            resolve(Object.fromEntries(rows.map((r) => [String(r['id']), r])));
          };
        };
      }),
  );
}
