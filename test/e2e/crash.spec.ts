// Keystrokes survive a crash: an analyst types into a claim's Notes, the page's renderer process
// is killed mid-typing (SIGKILL; the browser and its storage process live on, as they do when a
// tab crashes), and the reopened app holds every keystroke the page had taken, but at most the
// one in flight. Real Chromium, real IndexedDB.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const CLAIM = 'Russia has not officially responded to allegations';
const annotationsPanel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const items = (page: Page) => annotationsPanel(page).getByRole('listitem');

/** Typed one key at a time; the crash is sent right after the last key, while it is in flight. */
const TYPED = 'verified with the ministry';

test('a renderer killed while typing loses at most the keystroke in flight', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await openThroughChooser(page, SAMPLE);
  await selectPhrase(page, CLAIM);
  await page.keyboard.press('1');
  await expect(items(page)).toHaveCount(1);
  await items(page).first().getByRole('button').first().click();
  const notes = annotationsPanel(page).getByLabel('Notes');
  await notes.click();

  // Every key but the last is taken by the page (press resolves once the renderer has handled
  // it); the last is sent without waiting, and the renderer is killed at once.
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  for (const key of TYPED.slice(0, -1)) await page.keyboard.press(key);
  const inFlight = page.keyboard.press(TYPED.slice(-1)).catch(() => undefined);
  for (const pid of renderers) process.kill(pid, 'SIGKILL');
  await Promise.all([crashed, inFlight]);

  const again = await context.newPage();
  await again.goto('/');
  await expect(items(again)).toHaveCount(1);
  await items(again).first().getByRole('button').first().click();
  const kept = await annotationsPanel(again).getByLabel('Notes').inputValue();
  const taken = TYPED.length - 1;
  console.log(
    `crash while typing: ${taken} keystrokes taken, ${kept.length} kept, ${Math.max(0, taken - kept.length)} lost`,
  );
  expect(TYPED.startsWith(kept)).toBe(true);
  expect(kept.length).toBeGreaterThanOrEqual(taken);
  await context.close();
});
