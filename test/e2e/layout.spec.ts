// The screen sizes analysts work at: at 1280×720 and 1920×1080 the toolbar stays one line and the
// annotation list and the open claim editor are both on screen, neither covering the other.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openThroughChooser, selectPhrase } from './helpers';

const PHRASES = [
  'Russian President Vladimir Putin has sent a message',
  'Kremlin spokesman Dmitry Peskov said',
  'the Kremlin announced on Thursday',
  'dozens of former Syrian officers',
  'Putin reaffirmed Russia’s readiness',
];

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height} the toolbar is one line and list and editor share the panel`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const tops = await page
      .locator('.cd-toolbar > *')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
    const toolbar = await box(page, '.cd-toolbar');
    expect(toolbar.height).toBeLessThan(56);
    for (const [top, bottom] of tops) {
      expect(top).toBeGreaterThanOrEqual(toolbar.y);
      expect(bottom).toBeLessThanOrEqual(toolbar.y + toolbar.height);
    }

    await openThroughChooser(page, fixture('sample/asharq-two-articles.txt'));
    const panel = page.getByRole('complementary', { name: 'Annotations' });
    for (const phrase of PHRASES) {
      const before = await panel.getByRole('listitem').count();
      await selectPhrase(page, phrase);
      await page.keyboard.press('1');
      await expect(panel.getByRole('listitem')).toHaveCount(before + 1);
    }
    await panel.getByRole('listitem').first().getByRole('button').click();
    await page.keyboard.press('Enter');
    await expect(panel.getByLabel('Label', { exact: true })).toBeFocused();

    const list = await box(page, '.cd-annotation-list');
    const editor = await box(page, '.cd-claim-editor');
    // Both keep a usable share of the panel, the editor below the list, all inside the window.
    expect(list.height).toBeGreaterThan(150);
    expect(editor.height).toBeGreaterThan(250);
    expect(list.y + list.height).toBeLessThanOrEqual(editor.y + 1);
    expect(editor.y + editor.height).toBeLessThanOrEqual(viewport.height + 1);
    // The editor's last field is reachable by scrolling the editor, not the list away.
    await panel.getByLabel('Notes').scrollIntoViewIfNeeded();
    await expect(panel.getByLabel('Notes')).toBeInViewport();
    expect((await box(page, '.cd-annotation-list')).y).toBeCloseTo(list.y, 0);
  });
}
