// Two libraries (Dexie on fake-indexeddb) joined to one desk through Yjs documents wired by an
// in-memory link that can be cut: what one analyst writes through the app's own db functions
// reaches the other's tables, field by field, and offline edits merge on reconnect.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UndoHistory } from '../../../src-renderer/src/db/annotation-changes';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import { deleteDocumentsStep } from '../../../src-renderer/src/db/delete-documents';
import { mergeSourcesStep } from '../../../src-renderer/src/db/merge-sources';
import { createSource } from '../../../src-renderer/src/db/sources';
import { deskContents, rootOf } from '../../../src-shared/desk/desk-doc';
import { highlightOn, settle, twoCopies, type Copy, type Desk, type Link } from './two-copies';

let desk: Desk;
let a: Copy;
let b: Copy;
let link: Link;
beforeEach(async () => {
  desk = await twoCopies();
  ({ a, b, link } = desk);
});
afterEach(() => desk.close());

const stored = (c: Copy, id: string) => c.db.annotations.get(id);
const highlightOnA = () => highlightOn(desk);

describe('desk binding', () => {
  it('migrates an existing library into the desk and on to a second library, with its library list', async () => {
    expect(await b.db.documents.get('hash-1')).toMatchObject({ title: 'الوزير يعلن الميزانية' });
    expect((await b.db.libraryFiles.get('dump.txt'))?.entries.map((e) => e.id)).toEqual(['hash-1']);
    expect(await b.db.labels.count()).toBe(await a.db.labels.count());
  });

  it('sends a new highlight and its claimant, and says who changed it last', async () => {
    const document = (await a.db.documents.get('hash-1'))!;
    const source = await createSource(a.db, { name: 'وزير المالية', kind: 'person' });
    const ann = await createAnnotation(a.db, {
      document,
      start: 4,
      end: 10,
      labelId: 'claim',
      author: 'Huda',
    });
    await a.db.annotations.update(ann.id, { claimantId: source.id });
    await settle(a, b);
    expect(await stored(b, ann.id)).toMatchObject({
      target: ann.target,
      claimantId: source.id,
      modifiedBy: 'Huda',
    });
    expect(await b.db.sources.get(source.id)).toMatchObject({ name: 'وزير المالية' });

    await b.db.annotations.update(ann.id, { verdict: 'false' });
    await settle(a, b);
    expect(await stored(a, ann.id)).toMatchObject({ verdict: 'false', modifiedBy: 'Omar' });
  });

  it('keeps both changes when two analysts edit different fields of one claim offline', async () => {
    const ann = await highlightOnA();
    link.online = false;
    await a.db.annotations.update(ann.id, { verdict: 'misleading', modified: '2026-12-06T10:00:00.000Z' });
    await b.db.annotations.update(ann.id, {
      notes: 'ask the ministry',
      modified: '2026-12-06T10:00:01.000Z',
    });
    await settle(a, b);
    link.reconnect();
    await settle(a, b);
    for (const c of [a, b]) {
      expect(await stored(c, ann.id)).toMatchObject({ verdict: 'misleading', notes: 'ask the ministry' });
    }
    expect(deskContents(a.doc)).toEqual(deskContents(b.doc));
    expect(await a.db.annotations.toArray()).toEqual(await b.db.annotations.toArray());
  });

  it('lets a deletion beat an offline edit of the same claim on both libraries', async () => {
    const ann = await highlightOnA();
    link.online = false;
    await a.db.annotations.delete(ann.id);
    await b.db.annotations.update(ann.id, { rationale: 'still checking' });
    await settle(a, b);
    link.reconnect();
    await settle(a, b);
    expect(await stored(a, ann.id)).toBeUndefined();
    expect(await stored(b, ann.id)).toBeUndefined();
  });

  it('brings a claim back for everyone when its deletion is undone', async () => {
    const ann = await highlightOnA();
    const history = new UndoHistory(a.db);
    await history.commit([{ before: (await stored(a, ann.id))!, after: null }]);
    await settle(a, b);
    expect(await stored(b, ann.id)).toBeUndefined();
    await history.undo();
    await settle(a, b);
    expect(await stored(b, ann.id)).toMatchObject({ target: ann.target });
  });

  it('shares a document deletion with its annotations, and its undo, like a claim’s', async () => {
    const ann = await highlightOnA();
    const history = new UndoHistory(a.db);
    await history.commitStep(() => deleteDocumentsStep(a.db, ['hash-1']));
    await settle(a, b);
    expect(await b.db.documents.get('hash-1')).toBeUndefined();
    expect(await stored(b, ann.id)).toBeUndefined();
    expect(await b.db.libraryFiles.get('dump.txt')).toBeUndefined();
    await history.undo();
    await settle(a, b);
    expect(await b.db.documents.get('hash-1')).toMatchObject({ title: 'الوزير يعلن الميزانية' });
    expect(await stored(b, ann.id)).toMatchObject({ target: ann.target });
    expect((await b.db.libraryFiles.get('dump.txt'))?.entries.map((e) => e.id)).toEqual(['hash-1']);
  });

  it('shares a source merge field by field, and its undo', async () => {
    const ann = await highlightOnA();
    const into = await createSource(a.db, { name: 'مقتدى الصدر', kind: 'person' });
    const from = await createSource(a.db, { name: 'Sadr', kind: 'person' });
    await a.db.annotations.update(ann.id, { claimantId: from.id });
    await settle(a, b);
    const history = new UndoHistory(a.db);
    await history.commitStep(() => mergeSourcesStep(a.db, [from.id], into.id));
    await settle(a, b);
    expect(await b.db.sources.get(from.id)).toBeUndefined();
    expect((await b.db.sources.get(into.id))?.aliases).toEqual(['Sadr']);
    expect((await stored(b, ann.id))?.claimantId).toBe(into.id);
    await history.undo();
    await settle(a, b);
    expect(await b.db.sources.get(from.id)).toMatchObject({ name: 'Sadr' });
    expect((await stored(b, ann.id))?.claimantId).toBe(from.id);
  });

  it('does not let an offline copy bring a deleted document back when it reconnects', async () => {
    link.online = false;
    await new UndoHistory(a.db).commitStep(() => deleteDocumentsStep(a.db, ['hash-1']));
    await settle(a, b);
    link.reconnect();
    await b.binding.reconcile();
    await settle(a, b);
    expect(await a.db.documents.get('hash-1')).toBeUndefined();
    expect(await b.db.documents.get('hash-1')).toBeUndefined();
  });

  it('writes nothing back for a remote change (no echo), and nothing for an aborted transaction', async () => {
    const ann = await highlightOnA();
    let updatesFromB = 0;
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== link) updatesFromB++;
    });
    await a.db.annotations.update(ann.id, { status: 'checked' });
    await settle(a, b);
    expect(await stored(b, ann.id)).toMatchObject({ status: 'checked' });
    expect(updatesFromB).toBe(0);

    await expect(
      b.db.transaction('rw', b.db.annotations, async () => {
        await b.db.annotations.update(ann.id, { status: 'published' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await settle(a, b);
    expect(updatesFromB).toBe(0);
    expect(await stored(a, ann.id)).toMatchObject({ status: 'checked' });
  });

  it('leaves out a malformed record written to the desk by another copy, and says so', async () => {
    const hostile = new Y.Doc();
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(b.doc));
    const evil = new Y.Map<unknown>();
    rootOf(hostile, 'annotations').set('evil', evil);
    evil.set('verdict', 42);
    evil.set('target', '<img src=x onerror=alert(1)>');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(hostile, Y.encodeStateVector(b.doc)), 'hostile');
    await settle(a, b);
    expect(await stored(b, 'evil')).toBeUndefined();
    expect(b.problems).toEqual(['A record (annotations) from the desk was malformed and was left out.']);
  });

  it('shares the desk settings but not the analyst\u2019s own name', async () => {
    await a.db.settings.bulkPut([
      { key: 'organisationName', value: 'مرصد الحقائق' },
      { key: 'analystName', value: 'Huda' },
    ]);
    await settle(a, b);
    expect((await b.db.settings.get('organisationName'))?.value).toBe('مرصد الحقائق');
    expect(await b.db.settings.get('analystName')).toBeUndefined();
  });
});
