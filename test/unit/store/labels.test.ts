// Editing the label set on fake-indexeddb: every operation keeps orders 0..n-1, moves or removes
// the annotations it must, and a refused edit leaves labels and annotations exactly as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation, labelsInOrder } from '../../../src-renderer/src/db/library';
import {
  addLabel,
  countAnnotationsByLabel,
  deleteLabel,
  mergeLabels,
  moveLabel,
  recolorLabel,
  renameLabel,
} from '../../../src-renderer/src/db/labels';
import type { ParsedFile } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

const parsed: ParsedFile = {
  file: 'dump.txt',
  format: 'news-dump',
  encoding: 'utf-8',
  articles: [
    {
      title: 'Exports rose',
      caption: null,
      credit: null,
      author: null,
      published: null,
      direction: 'ltr',
      blocks: [{ kind: 'paragraph', text: 'The minister said exports rose 12 percent and will rise again.' }],
      contentHash: 'doc-1',
    },
  ],
};

const created = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-02-03T04:05:06Z');

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-labels-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

/** Stores one annotation per label id given, over successive words of the article. */
async function annotate(...labelIds: string[]): Promise<string[]> {
  await storeParsedFile(db, parsed);
  const document = (await db.documents.get('doc-1'))!;
  const ids: string[] = [];
  for (const [i, labelId] of labelIds.entries()) {
    const spec = { document, start: i, end: i + 1, labelId, author: 'Ana' };
    ids.push((await createAnnotation(db, spec, created)).id);
  }
  return ids;
}

async function labelIdsOf(annotationIds: string[]): Promise<(string | undefined)[]> {
  return (await db.annotations.bulkGet(annotationIds)).map((a) => a?.labelId);
}

async function orderedIds(): Promise<string[]> {
  const labels = await labelsInOrder(db);
  expect(labels.map((l) => l.order)).toEqual(labels.map((_, i) => i));
  return labels.map((l) => l.id);
}

async function snapshot(): Promise<unknown> {
  return { labels: await labelsInOrder(db), annotations: await db.annotations.toArray() };
}

/** The operation is refused with `message` and nothing in the library changes. */
async function expectRefused(operation: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = await snapshot();
  await expect(operation()).rejects.toThrow(message);
  expect(await snapshot()).toEqual(before);
}

const DEFAULT_IDS = ['claim', 'statistic', 'quote', 'opinion', 'prediction'];

describe('addLabel', () => {
  it('appends a label with a slug id, the next order and an unused palette colour', async () => {
    const label = await addLabel(db, '  Health claim ');
    expect(label).toEqual({ id: 'health-claim', name: 'Health claim', color: '#eb5757', order: 5 });
    expect(await db.labels.get('health-claim')).toEqual(label);
    expect((await addLabel(db, 'Second')).color).toBe('#f299c1');
    expect(await orderedIds()).toEqual([...DEFAULT_IDS, 'health-claim', 'second']);
  });

  it('keeps a given colour, lower-cased', async () => {
    expect((await addLabel(db, 'Rumour', '#AABBCC')).color).toBe('#aabbcc');
  });

  it('makes the id unique and readable whatever the name', async () => {
    expect((await addLabel(db, 'Claim!')).id).toBe('claim-2');
    expect((await addLabel(db, 'claim?')).id).toBe('claim-3');
    expect((await addLabel(db, 'Été 2024')).id).toBe('ete-2024');
    expect((await addLabel(db, 'ادعاء')).id).toBe('ادعاء');
    expect((await addLabel(db, '!!!')).id).toBe('label');
  });

  it('does not take an id that annotations still carry', async () => {
    const [annotation] = await annotate('rumour');
    const label = await addLabel(db, 'Rumour');
    expect(label.id).toBe('rumour-2');
    expect(await labelIdsOf([annotation!])).toEqual(['rumour']);
  });

  it('refuses an empty name, a duplicate name in any case, and a colour not #rrggbb', async () => {
    await annotate('claim');
    await expectRefused(() => addLabel(db, '   '), /needs a name/);
    await expectRefused(() => addLabel(db, ' cLAIM '), /already a label named "Claim"/);
    await expectRefused(() => addLabel(db, 'Rumour', 'red'), /#rrggbb/);
    await expectRefused(() => addLabel(db, 'Rumour', '#fff'), /#rrggbb/);
  });
});

describe('renameLabel and recolorLabel', () => {
  it('renames, trimming the name; a label may change the case of its own name', async () => {
    await renameLabel(db, 'claim', '  Factual claim ');
    await renameLabel(db, 'quote', 'QUOTE');
    expect((await labelsInOrder(db)).map((l) => l.name)).toEqual([
      'Factual claim',
      'Statistic',
      'QUOTE',
      'Opinion',
      'Prediction',
    ]);
    expect(await db.labels.get('claim')).toMatchObject({ id: 'claim', order: 0, color: '#f2c94c' });
  });

  it('refuses an empty or taken name and an unknown label', async () => {
    await expectRefused(() => renameLabel(db, 'claim', ''), /needs a name/);
    await expectRefused(() => renameLabel(db, 'claim', 'statistic'), /already a label named "Statistic"/);
    await expectRefused(() => renameLabel(db, 'nope', 'Rumour'), /no label "nope"/);
  });

  it('recolours with a #rrggbb colour only', async () => {
    await recolorLabel(db, 'claim', '#123ABC');
    expect((await db.labels.get('claim'))?.color).toBe('#123abc');
    await expectRefused(() => recolorLabel(db, 'claim', 'rgb(1, 2, 3)'), /#rrggbb/);
    await expectRefused(() => recolorLabel(db, 'claim', '#12345g'), /#rrggbb/);
    await expectRefused(() => recolorLabel(db, 'nope', '#123456'), /no label "nope"/);
  });
});

describe('moveLabel', () => {
  it('moves a label up, down and to either end, keeping orders 0..n-1', async () => {
    await moveLabel(db, 'prediction', 0);
    expect(await orderedIds()).toEqual(['prediction', 'claim', 'statistic', 'quote', 'opinion']);
    await moveLabel(db, 'claim', 2);
    expect(await orderedIds()).toEqual(['prediction', 'statistic', 'claim', 'quote', 'opinion']);
    await moveLabel(db, 'prediction', 4);
    expect(await orderedIds()).toEqual(['statistic', 'claim', 'quote', 'opinion', 'prediction']);
  });

  it('clamps a position beyond either end', async () => {
    await moveLabel(db, 'claim', 99);
    expect(await orderedIds()).toEqual(['statistic', 'quote', 'opinion', 'prediction', 'claim']);
    await moveLabel(db, 'opinion', -3);
    expect(await orderedIds()).toEqual(['opinion', 'statistic', 'quote', 'prediction', 'claim']);
  });

  it('refuses an unknown label or a fractional position', async () => {
    await expectRefused(() => moveLabel(db, 'nope', 1), /no label "nope"/);
    await expectRefused(() => moveLabel(db, 'claim', 1.5), /whole number/);
  });
});

describe('mergeLabels', () => {
  it('relabels every annotation of the merged label, stamps it, and deletes the label', async () => {
    const ids = await annotate('opinion', 'claim', 'opinion', 'quote');
    expect(await mergeLabels(db, 'opinion', 'claim', later)).toBe(2);
    expect(await labelIdsOf(ids)).toEqual(['claim', 'claim', 'claim', 'quote']);
    const modified = (await db.annotations.bulkGet(ids)).map((a) => a?.modified);
    expect(modified).toEqual([
      later.toISOString(),
      created.toISOString(),
      later.toISOString(),
      created.toISOString(),
    ]);
    expect(await orderedIds()).toEqual(['claim', 'statistic', 'quote', 'prediction']);
    expect(await countAnnotationsByLabel(db)).toEqual(
      new Map([
        ['claim', 3],
        ['statistic', 0],
        ['quote', 1],
        ['prediction', 0],
      ]),
    );
  });

  it('refuses merging a label into itself or into an unknown label', async () => {
    await annotate('opinion');
    await expectRefused(() => mergeLabels(db, 'opinion', 'opinion'), /into itself/);
    await expectRefused(() => mergeLabels(db, 'opinion', 'nope'), /no label "nope"/);
    await expectRefused(() => mergeLabels(db, 'nope', 'claim'), /no label "nope"/);
  });
});

describe('deleteLabel', () => {
  it('reassigns the annotations to another label', async () => {
    const ids = await annotate('statistic', 'statistic', 'quote');
    expect(await deleteLabel(db, 'statistic', { reassignTo: 'prediction' }, later)).toBe(2);
    expect(await labelIdsOf(ids)).toEqual(['prediction', 'prediction', 'quote']);
    expect((await db.annotations.get(ids[0]!))?.modified).toBe(later.toISOString());
    expect(await orderedIds()).toEqual(['claim', 'quote', 'opinion', 'prediction']);
  });

  it('removes the annotations with the label', async () => {
    const ids = await annotate('claim', 'quote', 'claim');
    expect(await deleteLabel(db, 'claim', { removeAnnotations: true })).toBe(2);
    expect(await labelIdsOf(ids)).toEqual([undefined, 'quote', undefined]);
    expect(await orderedIds()).toEqual(['statistic', 'quote', 'opinion', 'prediction']);
    expect((await countAnnotationsByLabel(db)).get('quote')).toBe(1);
  });

  it('deletes an unused label with nothing else to do', async () => {
    const ids = await annotate('claim');
    expect(await deleteLabel(db, 'opinion', { removeAnnotations: true })).toBe(0);
    expect(await labelIdsOf(ids)).toEqual(['claim']);
    expect(await orderedIds()).toEqual(['claim', 'statistic', 'quote', 'prediction']);
  });

  it('refuses deleting the last label, an unknown one, or reassigning to an unknown one', async () => {
    await annotate('claim', 'prediction');
    for (const id of ['statistic', 'quote', 'opinion', 'prediction']) {
      await deleteLabel(db, id, { reassignTo: 'claim' });
    }
    await expectRefused(() => deleteLabel(db, 'claim', { removeAnnotations: true }), /only label/);
    await addLabel(db, 'Rumour');
    await expectRefused(() => deleteLabel(db, 'claim', { reassignTo: 'nope' }), /no label "nope"/);
    await expectRefused(() => deleteLabel(db, 'nope', { removeAnnotations: true }), /no label "nope"/);
    expect(await countAnnotationsByLabel(db)).toEqual(
      new Map([
        ['claim', 2],
        ['rumour', 0],
      ]),
    );
  });
});

describe('countAnnotationsByLabel', () => {
  it('counts every label, and an id annotations carry without a label', async () => {
    await annotate('claim', 'claim', 'quote', 'gone');
    expect(await countAnnotationsByLabel(db)).toEqual(
      new Map([
        ['claim', 2],
        ['statistic', 0],
        ['quote', 1],
        ['opinion', 0],
        ['prediction', 0],
        ['gone', 1],
      ]),
    );
  });
});
