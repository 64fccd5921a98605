// Opens databases written by earlier schemas (version 1, as the foundation shipped it; version 3,
// before the library's entries table; version 4, before desks) with the current code: nothing is lost, and each upgrade
// fills what its version lacked; every earlier version gains the (empty) fact-checks table of version 6.
import { Dexie } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import {
  openDatabase,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
} from '../../../src-renderer/src/db/database';

const NAME = 'schema-upgrade-test';
afterEach(() => Dexie.delete(NAME));

it('upgrades a version-1 library to the current schema without losing a record', async () => {
  const v1 = new Dexie(NAME);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('documents').add({
    id: 'doc-1',
    sourceFile: 'dump.txt',
    articleIndex: 0,
    title: 'T',
    caption: null,
    credit: null,
    author: null,
    published: null,
    direction: 'ltr',
    format: 'news-dump',
    encoding: 'utf-8',
    blocks: [{ kind: 'title', text: 'T', direction: 'ltr' }],
    text: 'T',
    importedAt: '2026-01-01T00:00:00.000Z',
  });
  // A foundation-era annotation: label and selectors only, no claim fields.
  await v1.table('annotations').add({
    id: 'ann-1',
    documentId: 'doc-1',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'T', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 1 },
    },
    labelId: 'claim',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-02T00:00:00.000Z',
  });
  await v1.table('labels').add({ id: 'claim', name: 'Claim', color: '#f2c94c', order: 0 });
  v1.close();

  const db = openDatabase(NAME);
  expect(db.verno).toBe(6);
  const annotation = await db.annotations.get('ann-1');
  expect(annotation).toMatchObject({
    labelId: 'claim',
    verdict: null,
    status: 'to-check',
    priority: 'normal',
    evidence: [],
    claimantId: null,
    orphaned: false,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-02T00:00:00.000Z',
  });
  expect(await db.documents.get('doc-1')).toMatchObject({
    title: 'T',
    previousVersionId: null,
    supersededBy: null,
  });
  expect(await db.labels.count()).toBe(1);
  expect(await db.annotations.where('claimantId').equals('nobody').count()).toBe(0);
  db.close();
});

it('upgrades a version-3 library to version 4: a library record per file, of its live documents', async () => {
  const v3 = new Dexie(NAME);
  v3.version(3).stores(SCHEMA_V3);
  const doc = (id: string, title: string, supersededBy: string | null) => ({
    id,
    sourceFile: 'dump.txt',
    articleIndex: 0,
    title,
    caption: null,
    credit: null,
    author: null,
    published: null,
    direction: 'rtl',
    format: 'news-dump',
    encoding: 'utf-8',
    blocks: [{ kind: 'title', text: title, direction: 'rtl' }],
    text: title,
    importedAt: '2026-01-01T00:00:00.000Z',
    previousVersionId: null,
    supersededBy,
  });
  await v3.table('documents').bulkAdd([doc('old', 'قديم', 'new'), doc('new', 'جديد', null)]);
  await v3.table('labels').add({ id: 'claim', name: 'Claim', color: '#f2c94c', order: 0 });
  v3.close();

  const db = openDatabase(NAME);
  expect(db.verno).toBe(6);
  expect(await db.libraryFiles.toArray()).toEqual([
    {
      file: 'dump.txt',
      firstImportedAt: '2026-01-01T00:00:00.000Z',
      entries: [
        {
          id: 'new',
          title: 'جديد',
          sourceFile: 'dump.txt',
          articleIndex: 0,
          direction: 'rtl',
          importedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    },
  ]);
  expect(await db.documents.count()).toBe(2);
  db.close();
});

it('upgrades a version-4 library to version 5: every claim keeps its fields and says who last changed it', async () => {
  const v4 = new Dexie(NAME);
  v4.version(4).stores(SCHEMA_V4);
  const annotation = {
    id: 'ann-1',
    documentId: 'doc-1',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'T', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 1 },
    },
    labelId: 'claim',
    verdict: 'false',
    rationale: 'The budget says otherwise',
    status: 'checked',
    priority: 'high',
    notes: 'ملاحظة',
    claimantId: 'src-1',
    evidence: [],
    author: 'Huda',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-02T00:00:00.000Z',
    orphaned: false,
  };
  await v4.table('annotations').add(annotation);
  v4.close();

  const db = openDatabase(NAME);
  expect(db.verno).toBe(6);
  expect(await db.annotations.get('ann-1')).toEqual({ ...annotation, modifiedBy: 'Huda' });
  expect(await db.desks.count()).toBe(0);
  db.close();
});

it.each([
  [1, SCHEMA_V1],
  [2, SCHEMA_V2],
  [3, SCHEMA_V3],
  [4, SCHEMA_V4],
  [5, SCHEMA_V5],
] as const)(
  'upgrades a version-%i library to version 6: its labels kept, an empty fact-checks table that takes records',
  async (version, schema) => {
    const old = new Dexie(NAME);
    old.version(version).stores(schema);
    await old.table('labels').add({ id: 'claim', name: 'Claim', color: '#f2c94c', order: 0 });
    await old.table('settings').add({ key: 'analystName', value: 'Huda' });
    old.close();

    const db = openDatabase(NAME);
    expect(db.verno).toBe(6);
    expect(await db.labels.toArray()).toEqual([{ id: 'claim', name: 'Claim', color: '#f2c94c', order: 0 }]);
    expect(await db.settings.get('analystName')).toEqual({ key: 'analystName', value: 'Huda' });
    expect(await db.factChecks.count()).toBe(0);
    const record = {
      id: 'fc-1',
      file: 'reviews.json',
      importedAt: '2026-01-01T00:00:00.000Z',
      claimReviewed: 'Vaccines cause autism',
      url: 'https://factcheck.example/autism',
      ratingText: 'False',
      ratingValue: null,
      bestRating: null,
      worstRating: null,
      verdict: 'false' as const,
      reviewer: 'Example Check',
      reviewerUrl: null,
      datePublished: '2025-03-01',
      claimant: null,
      claimDate: null,
      appearance: null,
    };
    await db.factChecks.add(record);
    expect(await db.factChecks.get('fc-1')).toEqual(record);
    db.close();
  },
);
