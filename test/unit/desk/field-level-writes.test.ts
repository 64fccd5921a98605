// Edits through the app's own write path (the undo history) on two libraries sharing a desk: a
// remote change that lands between an edit's read and its write survives, on both copies; so
// does one to another evidence item, and one that an undo would otherwise have rolled back.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UndoHistory, type BatchBuilder } from '../../../src-renderer/src/db/annotation-changes';
import { deskContents, readRecord, writeRecord } from '../../../src-shared/desk/desk-doc';
import type { AnnotationRecord, EvidenceItem } from '../../../src-shared/model';
import { highlightOn, settle, twoCopies, type Copy, type Desk } from './two-copies';

let desk: Desk;
let a: Copy;
let b: Copy;
let claim: AnnotationRecord;
beforeEach(async () => {
  desk = await twoCopies();
  ({ a, b } = desk);
  claim = await highlightOn(desk);
});
afterEach(() => desk.close());

const stored = async (c: Copy): Promise<AnnotationRecord> => (await c.db.annotations.get(claim.id))!;

/** A builder as the claim editor makes one: these fields changed on the claim as stored. */
const editing =
  (change: (stored: AnnotationRecord) => Partial<AnnotationRecord>, during?: () => void): BatchBuilder =>
  ([record]) => {
    during?.();
    return [
      { before: record!, after: { ...record!, ...change(record!), modified: new Date().toISOString() } },
    ];
  };

/** Omar's change to one field, as it reaches Huda's desk document from the server. */
function fromOmar(fields: Partial<AnnotationRecord>): void {
  const record = readRecord(b.doc, 'annotations', claim.id)!;
  writeRecord(b.doc, 'annotations', { ...record, ...fields }, Object.keys(fields));
}

async function expectSame(): Promise<void> {
  await settle(a, b);
  expect(await stored(a)).toEqual(await stored(b));
  expect(deskContents(a.doc)).toEqual(deskContents(b.doc));
}

it('keeps a remote change that was stored between an edit\u2019s read and its write', async () => {
  const history = new UndoHistory(a.db);
  const read = await stored(a); // Huda's copy of the claim, read before Omar's change arrives
  fromOmar({ notes: 'ask the ministry' });
  await settle(a, b);
  expect((await stored(a)).notes).toBe('ask the ministry');
  await history.commit([{ before: read, after: { ...read, rationale: 'census 2019' } }]);
  await expectSame();
  expect(await stored(b)).toMatchObject({ notes: 'ask the ministry', rationale: 'census 2019' });
});

it('keeps a remote change that reaches the desk document inside an edit\u2019s transaction', async () => {
  const history = new UndoHistory(a.db);
  await history.commitFrom(
    [claim.id],
    editing(
      () => ({ rationale: 'census 2019', priority: 'high' }),
      () => fromOmar({ notes: 'ask the ministry', status: 'in-progress' }),
    ),
  );
  await expectSame();
  expect(await stored(a)).toMatchObject({
    notes: 'ask the ministry',
    status: 'in-progress',
    rationale: 'census 2019',
    priority: 'high',
  });
});

it('keeps another analyst\u2019s change to another evidence item', async () => {
  const item = (id: string): EvidenceItem => ({
    id,
    url: `https://example.org/${id}`,
    title: id,
    stance: 'supports',
    note: '',
    accessed: null,
    sourceId: null,
  });
  const history = new UndoHistory(a.db);
  await history.commitFrom(
    [claim.id],
    editing(() => ({ evidence: [item('x'), item('y')] })),
  );
  await settle(a, b);
  await history.commitFrom(
    [claim.id],
    editing(
      (s) => ({ evidence: s.evidence.map((e) => (e.id === 'x' ? { ...e, note: 'from Huda' } : e)) }),
      () => {
        const record = readRecord(b.doc, 'annotations', claim.id)!;
        const evidence = record.evidence.map((e) => (e.id === 'y' ? { ...e, note: 'from Omar' } : e));
        writeRecord(b.doc, 'annotations', { ...record, evidence }, ['evidence']);
      },
    ),
  );
  await expectSame();
  expect((await stored(b)).evidence.map((e) => [e.id, e.note])).toEqual([
    ['x', 'from Huda'],
    ['y', 'from Omar'],
  ]);
});

it('undoes only the fields the step changed: another analyst\u2019s change meanwhile stays', async () => {
  const history = new UndoHistory(a.db);
  await history.commitFrom(
    [claim.id],
    editing(() => ({ rationale: 'census 2019' })),
    'rationale',
  );
  await settle(a, b);
  await new UndoHistory(b.db).commitFrom(
    [claim.id],
    editing(() => ({ notes: 'ask the ministry' })),
  );
  await settle(a, b);
  await history.undo();
  await expectSame();
  expect(await stored(b)).toMatchObject({ rationale: '', notes: 'ask the ministry' });
  await history.redo();
  await expectSame();
  expect(await stored(b)).toMatchObject({ rationale: 'census 2019', notes: 'ask the ministry' });
});

it('loses none of 20 rounds of simultaneous edits of different fields of one claim', async () => {
  const huda = new UndoHistory(a.db);
  const omar = new UndoHistory(b.db);
  const priorities = ['high', 'low'] as const;
  const statuses = ['in-progress', 'checked'] as const;
  let lost = 0;
  for (let round = 0; round < 20; round++) {
    const want = {
      rationale: `Huda ${round}`,
      priority: priorities[round % 2]!,
      notes: `Omar ${round}`,
      status: statuses[round % 2]!,
    };
    await Promise.all([
      huda.commitFrom(
        [claim.id],
        editing(() => ({ rationale: want.rationale })),
        'rationale',
      ),
      omar.commitFrom(
        [claim.id],
        editing(() => ({ notes: want.notes })),
        'notes',
      ),
      huda.commitFrom(
        [claim.id],
        editing(() => ({ priority: want.priority })),
        'priority',
      ),
      omar.commitFrom(
        [claim.id],
        editing(() => ({ status: want.status })),
        'status',
      ),
    ]);
    await expectSame();
    const now = await stored(a);
    lost += Object.entries(want).filter(
      ([field, value]) => now[field as keyof AnnotationRecord] !== value,
    ).length;
  }
  expect(lost).toBe(0);
});

it('starts each write at once, so an undo pressed while it is on its way undoes it', async () => {
  const history = new UndoHistory(a.db);
  const typed = ['c', 'ce', 'cen'].map((rationale) =>
    history.commitFrom(
      [claim.id],
      editing(() => ({ rationale })),
      'rationale',
    ),
  );
  const undone = history.undo();
  await Promise.all([...typed, undone]);
  expect((await stored(a)).rationale).toBe('');
  await history.redo();
  expect((await stored(a)).rationale).toBe('cen');
});
