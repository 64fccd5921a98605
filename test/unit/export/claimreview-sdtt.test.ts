// @vitest-environment jsdom
// ClaimReview checked by a validator nobody here wrote: structured-data-testing-tool's Google
// ClaimReview preset (what Google expects: @type, url, reviewRating, claimReviewed; author,
// datePublished and itemReviewed recommended) on every ClaimReview the app's "Export data…" and
// `claimdesk report --format claimreview` write — the fixture library (English and Arabic) and
// generated ones — and on a broken one, so the check is shown to bite.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { structuredDataTest } from 'structured-data-testing-tool';
import { ClaimReview } from 'structured-data-testing-tool/presets/google/schemas/ClaimReview';
import { exportData } from '../../../src-renderer/src/app/exports';

import { openDatabase } from '../../../src-renderer/src/db/database';
import { restoreSnapshot } from '../../../src-renderer/src/db/snapshot';
import { main } from '../../../src-main/cli/index';
import { serialiseBackup } from '../../../src-shared/export/backup';
import { toClaimReviews } from '../../../src-shared/export/claimreview';
import type { LibrarySnapshot } from '../../../src-shared/model';
import type { ClaimdeskBridge, SaveRequest } from '../../../src-shared/rpc-calls';
import { ok } from '../../../src-shared/result';
import { arbitrarySnapshot } from './arbitraries';
import { snapshot } from './fixture-snapshot';

interface TestResult {
  test: string;
  error?: { message?: string };
}
interface Outcome {
  passed: TestResult[];
  failed: TestResult[];
  warnings: TestResult[];
  schemas: string[];
}

/** The preset's verdict on one ClaimReview, embedded as a page's JSON-LD as Google reads it. */
async function validate(review: unknown): Promise<Outcome> {
  const html = `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify(
    review,
  ).replace(/</g, '\\u003c')}</script></head><body></body></html>`;
  try {
    return (await structuredDataTest(html, { presets: [ClaimReview] })) as Outcome;
  } catch (error) {
    const failure = error as { type?: string; res?: Outcome };
    if (failure.type === 'VALIDATION_FAILED' && failure.res) return failure.res;
    throw error;
  }
}

async function expectValid(reviews: readonly unknown[]): Promise<void> {
  for (const review of reviews) {
    const outcome = await validate(review);
    const failed = outcome.failed.map((t) => `${t.test}: ${t.error?.message ?? 'failed'}`);
    expect(failed, JSON.stringify(review).slice(0, 300)).toEqual([]);
    expect(outcome.warnings.map((t) => t.test)).toEqual([]);
    expect(outcome.schemas).toContain('ClaimReview');
  }
}

/** The ClaimReview file "Export data…" saves for the whole of `library`, through the app's own code. */
async function appExport(library: LibrarySnapshot): Promise<unknown[]> {
  const db = openDatabase(`sdtt-${crypto.randomUUID()}`);
  try {
    await restoreSnapshot(db, library);
    let saved: SaveRequest | undefined;
    const bridge = {
      saveFile: (request: SaveRequest) => {
        saved = request;
        return Promise.resolve(ok({ path: null }));
      },
    } as unknown as ClaimdeskBridge;
    const result = await exportData(db, 'claimreview', {}, { bridge });
    if (!result.ok) return [];
    return JSON.parse(String(saved?.content ?? '[]')) as unknown[];
  } finally {
    await db.delete();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-sdtt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ClaimReview under structured-data-testing-tool’s Google preset', () => {
  it('passes on every review the app exports from the fixture library', async () => {
    const reviews = await appExport(snapshot);
    expect(reviews).toHaveLength(toClaimReviews(snapshot).reviews.length);
    expect(reviews.length).toBeGreaterThan(2);
    await expectValid(reviews);
  });

  it('passes on every review `claimdesk report --format claimreview` writes', async () => {
    const backup = join(dir, 'library.json');
    writeFileSync(backup, serialiseBackup(snapshot, { app: 'test', createdAt: '2025-03-03T00:00:00Z' }));
    const out: string[] = [];
    const code = await main(['report', backup, '--format', 'claimreview'], {
      out: (t) => out.push(t),
      err: () => undefined,
    });
    expect(code).toBe(0);
    const reviews = JSON.parse(out.join('\n')) as unknown[];
    expect(reviews.length).toBeGreaterThan(2);
    await expectValid(reviews);
  });

  it('passes on the reviews of generated libraries (any text, verdicts, claimants, dates)', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(arbitrarySnapshot, async (library) => {
        const { reviews } = toClaimReviews(library);
        checked += reviews.length;
        await expectValid(reviews);
      }),
      { numRuns: 20, seed: 20261205 },
    );
    // Generated libraries that yield no review at all would make this check empty.
    expect(checked).toBeGreaterThan(10);
  });

  it('fails a review without its rating or its claim, naming what is missing', async () => {
    const [review] = toClaimReviews(snapshot).reviews;
    const { reviewRating, claimReviewed, ...rest } = review as unknown as Record<string, unknown>;
    void reviewRating;
    void claimReviewed;
    const outcome = await validate(rest);
    expect(outcome.failed.map((t) => t.test)).toEqual([
      'ClaimReview[0].reviewRating',
      'ClaimReview[0].claimReviewed',
    ]);
  });
});
