// Teams in the browser edition: two analysts — two browser contexts, each with its own IndexedDB
// — join one desk (Redis, PostgreSQL and two Hocuspocus nodes on loopback, from Debian's
// packages) through Settings → Desk, one on each node, and see each other's work: the article,
// the highlight, a verdict, and who changed the claim last.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startLocalDesk, type LocalDesk } from '../../src-main/desk/local-desk';
import { fixture, joinDesk, openThroughChooser, selectPhrase } from './helpers';

const SAMPLE = fixture('sample/asharq-two-articles.txt');
const CLAIM = 'Russia has not officially responded to allegations';
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
  await selectPhrase(huda, CLAIM);
  await huda.keyboard.press('1');
  await expect(items(huda)).toHaveCount(1);

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
