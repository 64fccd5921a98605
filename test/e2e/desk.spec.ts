// Teams in the browser edition: two analysts — two browser contexts, each with its own IndexedDB
// — join one desk (Redis, PostgreSQL and two Hocuspocus nodes on loopback, from Debian's
// packages) through Settings → Desk, one on each node, and see each other's work: the article,
// the highlight, a verdict, and who changed the claim last. Both then edit different fields of
// one claim at the same moment, 20 times, through the claim editor; and a member whose token is
// revoked sees the desk refuse them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startLocalDesk, type LocalDesk } from '../../src-main/desk/local-desk';
import { SimClient } from '../integration/sim-client';
import { fixture, highlightAs, joinDesk, openThroughChooser, storedAnnotations } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const CLAIM = 'Russia has not officially responded to allegations';
const PHRASE = 'Putin reaffirmed Russia’s readiness to strengthen cooperation';
const annotationsPanel = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const items = (page: Page) => annotationsPanel(page).getByRole('listitem');
const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });

let dir: string;
let desk: LocalDesk;
let token: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-desk-'));
  desk = await startLocalDesk({ dir, nodes: 2, fast: true });
  token = await desk.store.addMember('e2e analysts', 'editor');
});

test.afterAll(async () => {
  await desk?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('two analysts on two desk nodes see each other\u2019s highlight and verdict, offline edits too', async ({
  browser,
}) => {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [huda, omar] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!huda || !omar) throw new Error('no pages');
  await Promise.all([huda.goto('/'), omar.goto('/')]);
  await joinDesk(huda, 'Huda', desk.nodes[0]!.url, token);
  await joinDesk(omar, 'Omar', desk.nodes[1]!.url, token);

  await openThroughChooser(huda, SAMPLE);
  await highlightAs(huda, CLAIM);

  // Omar's library gets the articles, and the open article Huda's highlight.
  await expect(library(omar).getByRole('button')).toHaveCount(2);
  await library(omar).getByRole('button').first().click();
  await expect(items(omar)).toHaveCount(1);
  await expect(items(omar).first()).toContainText(CLAIM);
  await expect(omar.locator('mark', { hasText: 'Russia' }).first()).toBeVisible();

  // Omar rates it; Huda sees the verdict and who changed the claim.
  await items(omar).first().getByRole('button').first().click();
  await annotationsPanel(omar).getByLabel('Verdict').selectOption({ label: 'Misleading' });
  await items(huda).first().getByRole('button').first().click();
  await expect(annotationsPanel(huda).getByLabel('Verdict')).toHaveValue('misleading');
  await expect(annotationsPanel(huda).locator('.cd-claim-meta')).toContainText('by Omar');

  // Offline first: the desk node Omar is on goes down; he keeps working, and his change reaches
  // Huda (on the other node) once a node is back on that address.
  const omarsNode = desk.nodes[1]!;
  await omarsNode.stop();
  await expect(omar.getByRole('status', { name: 'Desk status' })).toContainText('offline');
  await annotationsPanel(omar).getByLabel('Rationale').fill('The ministry denied it the same day.');
  await annotationsPanel(omar).getByLabel('Notes').focus();
  await expect(omar.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await expect(annotationsPanel(huda).getByLabel('Rationale')).toHaveValue('');
  await desk.startNode('node-2-again', omarsNode.port);
  await expect(omar.getByRole('status', { name: 'Desk status' })).toHaveText('Desk: online', {
    timeout: 20_000,
  });
  await expect(annotationsPanel(huda).getByLabel('Rationale')).toHaveValue(
    'The ministry denied it the same day.',
  );

  // And it is on the desk, not only in the two browsers: a third analyst joining later gets it.
  const late = await browser.newContext();
  const third = await late.newPage();
  await third.goto('/');
  await joinDesk(third, 'Lina', desk.nodes[1]!.url, token);
  await expect(library(third).getByRole('button')).toHaveCount(2);
  for (const c of [...contexts, late]) await c.close();
});

/** Two analysts on two nodes with one (new) claim over `phrase` open in both claim editors. */
async function twoOnOneClaim(browser: Browser, phrase: string, names: [string, string]) {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [a, b] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!a || !b) throw new Error('no pages');
  await Promise.all([a.goto('/'), b.goto('/')]);
  await joinDesk(a, names[0], desk.nodes[0]!.url, token);
  await joinDesk(b, names[1], desk.nodes[1]!.url, token);
  // The desk holds the articles already (the test above): open the first in both.
  for (const page of [a, b]) {
    await expect(library(page).getByRole('button')).toHaveCount(2);
    await library(page).getByRole('button').first().click();
  }
  await highlightAs(a, phrase);
  const claim = (page: Page) => items(page).filter({ hasText: phrase });
  await expect(claim(a)).toHaveCount(1);
  await claim(a).getByRole('button').first().click();
  await expect(claim(b)).toHaveCount(1);
  await claim(b).getByRole('button').first().click();
  const id = Object.values(await storedAnnotations(a)).find(
    (r) => (r['target'] as { quote: { exact: string } }).quote.exact === phrase,
  )?.['id'] as string;
  return { a, b, id, close: () => Promise.all(contexts.map((c) => c.close())) };
}

/** A record as JSON with its keys in order (stores may hold the same fields in another order). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** Types `text` into a claim field key by key, as an analyst does, replacing what was there. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = annotationsPanel(page).getByLabel(label, { exact: true });
  await field.fill('');
  await field.pressSequentially(text);
}

const PRIORITIES = ['high', 'low', 'normal'];
const STATUSES = ['in-progress', 'checked', 'published', 'to-check'];

test('20 rounds of two analysts editing different fields of one claim at once: none lost', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const { a: huda, b: omar, id, close } = await twoOnOneClaim(browser, PHRASE, ['Huda', 'Omar']);
  const rounds = 20;
  let lost = 0;
  for (let round = 0; round < rounds; round++) {
    const want = {
      rationale: `Huda checked source ${round}`,
      priority: PRIORITIES[round % PRIORITIES.length]!,
      notes: `Omar called the ministry ${round}`,
      status: STATUSES[round % STATUSES.length]!,
    };
    await Promise.all([
      (async () => {
        await typeInto(huda, 'Rationale', want.rationale);
        await annotationsPanel(huda).getByLabel('Priority').selectOption(want.priority);
      })(),
      (async () => {
        await typeInto(omar, 'Notes', want.notes);
        await annotationsPanel(omar).getByLabel('Status').selectOption(want.status);
      })(),
    ]);
    // Both copies end with all four changes, and identical records (who changed it last too).
    const claim = async (page: Page) => (await storedAnnotations(page))[id] ?? {};
    const same = async () => canonical(await claim(huda)) === canonical(await claim(omar));
    const holdsAll = async () => {
      const [x, y] = [await claim(huda), await claim(omar)];
      return canonical(x) === canonical(y) && Object.entries(want).every(([f, v]) => x[f] === v);
    };
    // A change that never arrives is counted below rather than failing here.
    await expect
      .poll(holdsAll, { timeout: 60_000 })
      .toBe(true)
      .catch(() => undefined);
    await expect
      .poll(same, { timeout: 60_000 })
      .toBe(true)
      .catch(async (error: unknown) => {
        const [x, y] = [await claim(huda), await claim(omar)];
        const differ = Object.keys({ ...x, ...y }).filter((k) => canonical(x[k]) !== canonical(y[k]));
        throw new Error(`round ${round}: the copies differ in ${differ.join(', ')}: ${canonical([x, y])}`, {
          cause: error,
        });
      });
    const now = await claim(huda);
    const missing = Object.entries(want).filter(([field, value]) => now[field] !== value);
    lost += missing.length;
    if (missing.length > 0) console.log(`round ${round}: lost ${missing.map(([f]) => f).join(', ')}`);
  }
  console.log(`simultaneous edits: ${rounds} rounds, ${rounds * 4} changes, ${lost} lost`);
  expect(lost).toBe(0);
  await close();
});

test('a member whose token is revoked while connected sees "refused" with the reason, and nothing more is sent', async ({
  browser,
}) => {
  const leaverToken = await desk.store.addMember('leaver', 'editor');
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [huda, leaver] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!huda || !leaver) throw new Error('no pages');
  await Promise.all([huda.goto('/'), leaver.goto('/')]);
  await joinDesk(huda, 'Huda', desk.nodes[0]!.url, token);
  await joinDesk(leaver, 'Lina', desk.nodes[1]!.url, leaverToken);
  for (const page of [huda, leaver]) {
    await expect(library(page).getByRole('button')).toHaveCount(2);
    await library(page).getByRole('button').first().click();
  }
  const highlight = (page: Page, phrase: string) => highlightAs(page, phrase, '2');
  const before = 'Dmitry Peskov';
  await highlight(leaver, before);
  await expect(items(huda).filter({ hasText: before })).toHaveCount(1);

  expect(await desk.store.revokeMember('leaver')).toBe(true);
  // The node is sure of it once it has refused the token itself (its membership cache is fresh).
  const probe = new SimClient({ url: desk.nodes[1]!.url, token: leaverToken });
  await expect(probe.synced()).rejects.toThrow(/refused/);
  probe.destroy();

  // Lina's next edit is refused by the node; her app says so at once, not after a silent link
  // times out (30 s), and with the reason.
  const after = 'bolster internal stability';
  await highlight(leaver, after);
  const status = leaver.getByRole('status', { name: 'Desk status' });
  await expect(status).toContainText('refused', { timeout: 20_000 });
  await expect(status).toContainText('revoked');

  // Nothing she does from here is retried: a change Omar makes afterwards reaches Huda, and
  // Lina's after the revocation never do.
  await highlight(leaver, 'across all sectors');
  await expect(status).toContainText('refused');
  const omar = await browser.newContext();
  const third = await omar.newPage();
  await third.goto('/');
  await joinDesk(third, 'Omar', desk.nodes[1]!.url, token);
  await expect(library(third).getByRole('button')).toHaveCount(2);
  await library(third).getByRole('button').first().click();
  await highlight(third, 'stabilize the situation');
  await expect(items(huda).filter({ hasText: 'stabilize the situation' })).toHaveCount(1);
  for (const phrase of [after, 'across all sectors']) {
    await expect(items(huda).filter({ hasText: phrase })).toHaveCount(0);
    await expect(items(third).filter({ hasText: phrase })).toHaveCount(0);
  }
  for (const c of [...contexts, omar]) await c.close();
});
