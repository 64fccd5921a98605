// Backup and restore on fake-indexeddb: a library built through the app's own operations is
// exported, wiped and restored, and comes back identical record by record; a damaged backup, or
// a restore that fails half way, leaves the library as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseBackup } from '../../../src-shared/export/backup';
import type { ParsedFile } from '../../../src-shared/model';
import { applyChanges } from '../../../src-renderer/src/db/annotation-changes';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { addLabel } from '../../../src-renderer/src/db/labels';
import { createAnnotation, setSetting } from '../../../src-renderer/src/db/library';
import {
  libraryCounts,
  readSettings,
  readSnapshot,
  restoreBackup,
  restoreSnapshot,
  writeSettings,
} from '../../../src-renderer/src/db/snapshot';
import { createSource } from '../../../src-renderer/src/db/sources';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

const article = (title: string, body: string, direction: 'ltr' | 'rtl' = 'ltr', hash = title) => ({
  title,
  caption: direction === 'rtl' ? 'ميناء على البحر الأحمر (الشرق الأوسط)' : null,
  credit: direction === 'rtl' ? 'الشرق الأوسط' : null,
  author: direction === 'rtl' ? null : 'Jane Doe',
  published: direction === 'rtl' ? null : '2025-02-27',
  direction,
  blocks: [
    { kind: 'paragraph' as const, text: body },
    { kind: 'heading' as const, text: 'What the figures show', level: 2 },
  ],
  contentHash: `hash-${hash}`,
});

const dump = (second: string): ParsedFile => ({
  file: 'dump.txt',
  format: 'news-dump',
  encoding: 'utf-8',
  articles: [
    article('Exports rose', 'The minister said exports rose 12 percent last year.'),
    article('وزير الاقتصاد', second, 'rtl', second.length.toString()),
  ],
});

let db: ClaimdeskDb;
let name: string;
let n = 0;
beforeEach(() => {
  name = `test-snapshot-${++n}`;
  db = openDatabase(name);
});
afterEach(async () => {
  await db.delete();
});

/** A library with every kind of record, built the way the app builds it. */
async function populate(): Promise<void> {
  await storeParsedFile(db, dump('قال وزير الاقتصاد إن الصادرات ارتفعت بنسبة 12 في المائة.'));
  const arabicV1 = (await db.documents.where('sourceFile').equals('dump.txt').toArray()).find(
    (d) => d.direction === 'rtl',
  )!;
  const english = (await db.documents.get('hash-Exports rose'))!;
  const at = (text: string, phrase: string) => text.indexOf(phrase);
  const lost = await createAnnotation(db, {
    document: arabicV1,
    start: at(arabicV1.text, 'ارتفعت'),
    end: at(arabicV1.text, 'ارتفعت') + 'ارتفعت'.length,
    labelId: 'claim',
    author: 'محلل',
  });
  // Re-opening the file with the Arabic article changed: a linked version and an orphan.
  await storeParsedFile(db, dump('قال الوزير شيئا آخر تماما هذه المرة.'), {
    now: new Date('2025-03-02T08:00:00Z'),
  });
  const minister = await createSource(db, {
    name: 'Minister of Economy',
    kind: 'person',
    aliases: ['The minister'],
    url: 'https://gov.example/minister',
  });
  const rumour = await addLabel(db, 'Rumour', '#aa3355');
  const claim = await createAnnotation(db, {
    document: english,
    start: at(english.text, 'exports rose 12 percent'),
    end: at(english.text, 'exports rose 12 percent') + 'exports rose 12 percent'.length,
    labelId: rumour.id,
    author: 'Analyst One',
  });
  const edited = {
    ...claim,
    verdict: 'misleading' as const,
    rationale: 'Non-oil exports only.\nSee the table.',
    status: 'checked' as const,
    priority: 'high' as const,
    notes: '=1+1 "urgent"',
    claimantId: minister.id,
    evidence: [
      {
        id: 'ev-1',
        url: 'https://stats.example/exports',
        title: 'Trade bulletin',
        stance: 'refutes' as const,
        note: 'Table 3',
        accessed: '2025-03-01',
        sourceId: minister.id,
      },
    ],
  };
  await applyChanges(db, [{ before: claim, after: edited }]);
  expect((await db.annotations.get(lost.id))?.orphaned).toBe(true);
  await writeSettings(db, {
    analystName: ' Analyst One ',
    organisationName: 'Fact Desk',
    organisationUrl: 'https://factdesk.example/checks',
  });
  await setSetting(db, 'ui.currentDocumentId', english.id);
}

/** Every table's rows, by primary key: what "the same library" means, field by field. */
async function tables(): Promise<Record<string, unknown[]>> {
  return {
    documents: await db.documents.toArray(),
    libraryFiles: await db.libraryFiles.toArray(),
    annotations: await db.annotations.toArray(),
    labels: await db.labels.toArray(),
    sources: await db.sources.toArray(),
    settings: await db.settings.toArray(),
  };
}

async function wipe(): Promise<void> {
  await db.delete();
  db = openDatabase(name);
  await db.open();
}

describe('backup and restore', () => {
  it('export → wipe → restore gives back exactly the same library', async () => {
    await populate();
    const before = await tables();
    expect(before.documents).toHaveLength(3);
    expect(before.annotations).toHaveLength(2);
    const backup = serialiseBackup(await readSnapshot(db), {
      app: 'Claimdesk test',
      createdAt: '2025-03-03T00:00:00Z',
    });

    await wipe();
    expect(await libraryCounts(db)).toEqual({ documents: 0, annotations: 0, labels: 5, sources: 0 });

    const restored = await restoreBackup(db, backup);
    expect(restored).toEqual({ ok: true, value: { documents: 3, annotations: 2, labels: 6, sources: 1 } });
    const after = await tables();
    // The UI's own setting is not part of a backup; everything else is.
    expect(after.settings).toEqual(
      before.settings!.filter((s) => (s as { key: string }).key !== 'ui.currentDocumentId'),
    );
    expect({ ...after, settings: [] }).toStrictEqual({ ...before, settings: [] });
  });

  it('refuses to restore over a library connected to a desk, changing nothing', async () => {
    await populate();
    const backup = serialiseBackup(await readSnapshot(db), { app: 't', createdAt: 't' });
    await wipe();
    await addLabel(db, 'Desk label');
    await setSetting(db, 'desk.connection', { url: 'ws://127.0.0.1:1234', token: 't', connected: true });
    const before = await libraryCounts(db);
    const restored = await restoreBackup(db, backup);
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.error).toMatch(/connected to a desk.*Disconnect/s);
    expect(await libraryCounts(db)).toEqual(before);
    expect((await db.labels.toArray()).map((l) => l.name)).toContain('Desk label');
  });

  it('replaces what the library held, keeping the UI settings', async () => {
    await populate();
    const backup = serialiseBackup(await readSnapshot(db), { app: 't', createdAt: 't' });
    await wipe();
    await setSetting(db, 'ui.currentDocumentId', 'elsewhere');
    await storeParsedFile(db, { ...dump('نص آخر'), file: 'other.txt' });
    await addLabel(db, 'Leftover');
    expect((await restoreBackup(db, backup)).ok).toBe(true);
    expect((await db.documents.toArray()).map((d) => d.sourceFile)).toEqual([
      'dump.txt',
      'dump.txt',
      'dump.txt',
    ]);
    expect((await db.labels.toArray()).map((l) => l.name)).not.toContain('Leftover');
    expect((await db.settings.get('ui.currentDocumentId'))?.value).toBe('elsewhere');
    expect((await readSettings(db)).analystName).toBe('Analyst One');
  });

  it('a damaged or foreign backup changes nothing and says why', async () => {
    await populate();
    const before = await tables();
    const good = JSON.parse(serialiseBackup(await readSnapshot(db), { app: 't', createdAt: 't' })) as {
      version: number;
      library: { annotations: { target: { position: { end: number } } }[]; documents: { id: string }[] };
    };
    const damaged = structuredClone(good);
    damaged.library.annotations[0]!.target.position.end = -4;
    const duplicate = structuredClone(good);
    duplicate.library.documents[1]!.id = duplicate.library.documents[0]!.id;
    const newer = { ...good, version: 99 };
    const cases: [string, RegExp][] = [
      ['{"format":"claimdesk-backup","version":1,"library":', /not valid JSON/],
      ['{"hello":"world"}', /not a ClaimDesk backup/],
      [JSON.stringify(damaged), /damaged.*library\.annotations\[0\]\.target\.position\.end/],
      [JSON.stringify(duplicate), /damaged/],
      [JSON.stringify(newer), /newer version/],
    ];
    for (const [text, message] of cases) {
      const result = await restoreBackup(db, text);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(message);
      expect(await tables()).toStrictEqual(before);
    }
  });

  it('a restore refused half way through leaves the old library whole', async () => {
    await populate();
    const before = await tables();
    const snapshot = await readSnapshot(db);
    // Two annotations with one id: the second add fails after the tables were cleared.
    snapshot.annotations.push({ ...snapshot.annotations[0]! });
    await expect(restoreSnapshot(db, snapshot)).rejects.toThrow();
    expect(await tables()).toStrictEqual(before);
  });
});

describe('readSnapshot', () => {
  it('reads the library in library order, or only the documents and annotations asked for', async () => {
    await populate();
    const whole = await readSnapshot(db);
    expect(whole.documents.map((d) => d.importedAt)).toEqual(
      [...whole.documents.map((d) => d.importedAt)].sort(),
    );
    expect(whole.settings).toEqual({
      analystName: 'Analyst One',
      organisationName: 'Fact Desk',
      organisationUrl: 'https://factdesk.example/checks',
    });
    const english = 'hash-Exports rose';
    const one = await readSnapshot(db, { documentIds: [english] });
    expect(one.documents.map((d) => d.id)).toEqual([english]);
    expect(one.annotations.map((a) => a.documentId)).toEqual([english]);
    expect(one.labels).toHaveLength(6);
    const orphan = whole.annotations.find((a) => a.orphaned)!;
    const found = await readSnapshot(db, { annotationIds: [orphan.id, 'no-such-id'] });
    expect(found.annotations.map((a) => a.id)).toEqual([orphan.id]);
    expect(found.documents.map((d) => d.id)).toEqual([orphan.documentId]);
    const none = await readSnapshot(db, { documentIds: [english], annotationIds: [orphan.id] });
    expect([none.documents.length, none.annotations.length]).toEqual([1, 0]);
  });
});

describe('settings', () => {
  it('are stored trimmed; only an http(s) organisation address is accepted', async () => {
    expect(await readSettings(db)).toEqual({ analystName: '', organisationName: '', organisationUrl: '' });
    await writeSettings(db, { analystName: ' Ana ', organisationName: 'Desk', organisationUrl: '' });
    expect(await readSettings(db)).toEqual({
      analystName: 'Ana',
      organisationName: 'Desk',
      organisationUrl: '',
    });
    for (const bad of [
      'javascript:alert(1)',
      'factdesk.example',
      'file:///etc/passwd',
      'https://u:p@x.example/',
    ])
      await expect(
        writeSettings(db, { analystName: 'x', organisationName: 'y', organisationUrl: bad }),
      ).rejects.toThrow(/http:\/\/ or https:\/\//);
    expect((await readSettings(db)).analystName).toBe('Ana');
    await writeSettings(db, {
      analystName: 'Ana',
      organisationName: 'Desk',
      organisationUrl: 'https://Desk.example',
    });
    expect((await readSettings(db)).organisationUrl).toBe('https://desk.example/');
    // The annotation author comes from the same row the highlight action reads.
    expect((await db.settings.get('analystName'))?.value).toBe('Ana');
  });
});
