// The sources store on fake-indexeddb: validation, name/alias search with folding, merging and
// deleting sources as undoable steps, and a source's claims across documents.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import {
  claimsBySource,
  createSource,
  findSources,
  updateSource,
} from '../../../src-renderer/src/db/sources';
import { deleteSourceStep, mergeSourcesStep } from '../../../src-renderer/src/db/merge-sources';
import { UndoHistory } from '../../../src-renderer/src/db/annotation-changes';
import type { AnnotationRecord, ParsedFile, SourceRecord } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-sources-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

function source(name: string, aliases: string[] = [], id = name): SourceRecord {
  return { id, name, kind: 'person', aliases, url: null, reliabilityNote: '' };
}

function article(title: string, body: string, contentHash: string): ParsedFile['articles'][number] {
  return {
    title,
    caption: null,
    credit: null,
    author: null,
    published: null,
    direction: 'ltr',
    blocks: [{ kind: 'paragraph', text: body }],
    contentHash,
  };
}

const parsed: ParsedFile = {
  file: 'dump.txt',
  format: 'news-dump',
  encoding: 'utf-8',
  articles: [
    article('Zeta report', 'Peskov said exports rose. Peskov also said prices fell.', 'doc-z'),
    article('Alpha report', 'The Kremlin said talks would resume.', 'doc-a'),
  ],
};

/** Stores an annotation over the first `phrase` in the document, then patches it. */
async function annotate(
  documentId: string,
  phrase: string,
  patch: Partial<AnnotationRecord>,
): Promise<AnnotationRecord> {
  const document = (await db.documents.get(documentId))!;
  const start = document.text.indexOf(phrase);
  const created = await createAnnotation(db, {
    document,
    start,
    end: start + phrase.length,
    labelId: 'claim',
    author: 'Ana',
  });
  const record = { ...created, ...patch };
  await db.annotations.put(record);
  return record;
}

function evidence(id: string, sourceId: string | null): AnnotationRecord['evidence'][number] {
  return {
    id,
    url: 'https://example.org/',
    title: id,
    stance: 'context',
    note: '',
    accessed: null,
    sourceId,
  };
}

describe('createSource and updateSource', () => {
  it('trims the name, cleans the aliases and vets the URL', async () => {
    const created = await createSource(db, {
      name: '  Dmitry Peskov ',
      kind: 'person',
      aliases: [' Peskov', 'peskov', '', '  ', 'dmitry peskov', 'Песков'],
      url: ' https://kremlin.ru/ ',
      reliabilityNote: ' Kremlin spokesman ',
    });
    expect(created).toMatchObject({
      name: 'Dmitry Peskov',
      aliases: ['Peskov', 'Песков'],
      url: 'https://kremlin.ru/',
      reliabilityNote: 'Kremlin spokesman',
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.sources.get(created.id)).toEqual(created);
  });

  it('stores a blank URL as null', async () => {
    expect((await createSource(db, { name: 'AFP', kind: 'outlet', url: '  ' })).url).toBeNull();
  });

  it('refuses an empty name or an unsafe URL, storing nothing', async () => {
    await expect(createSource(db, { name: '   ', kind: 'person' })).rejects.toThrow(/needs a name/);
    await expect(createSource(db, { name: 'X', kind: 'outlet', url: 'javascript:alert(1)' })).rejects.toThrow(
      /not a web address/,
    );
    await expect(
      createSource(db, { name: 'X', kind: 'outlet', url: 'https://user:pw@example.org/' }),
    ).rejects.toThrow(/not a web address/);
    expect(await db.sources.count()).toBe(0);
  });

  it('updates with the same validation and leaves the record unchanged on refusal', async () => {
    const created = await createSource(db, { name: 'Reuters', kind: 'outlet' });
    const updated = await updateSource(db, created.id, { aliases: ['Reuters News', 'reuters news'] });
    expect(updated).toEqual({ ...created, aliases: ['Reuters News'] });
    await expect(updateSource(db, created.id, { url: 'file:///etc/passwd' })).rejects.toThrow(
      /not a web address/,
    );
    await expect(updateSource(db, created.id, { name: '' })).rejects.toThrow(/needs a name/);
    expect(await db.sources.get(created.id)).toEqual(updated);
    await expect(updateSource(db, 'missing', { name: 'Y' })).rejects.toThrow(/no longer in the library/);
  });
});

describe('findSources', () => {
  const sources = [
    source('Dmitry Peskov', ['Kremlin spokesman']),
    source('Kremlin press office', ['Peskov']),
    source('Peskova Foundation'),
    source('Ivan Ivanovich Apeskov'),
    source('Ahmed al-Sharaa'),
    source('أحمد الشرع'),
    source('Élysée Palace'),
  ];

  it('finds a name word and an alias, exact before word prefix before substring', () => {
    const matches = findSources(sources, 'Peskov');
    expect(matches.map((m) => [m.source.name, m.alias, m.rank])).toEqual([
      ['Kremlin press office', 'Peskov', 'exact'],
      ['Dmitry Peskov', null, 'word-prefix'],
      ['Peskova Foundation', null, 'word-prefix'],
      ['Ivan Ivanovich Apeskov', null, 'substring'],
    ]);
  });

  it('prefers a name match to an alias match of the same rank', () => {
    expect(findSources(sources, 'kremlin').map((m) => [m.source.name, m.alias])).toEqual([
      ['Kremlin press office', null],
      ['Dmitry Peskov', 'Kremlin spokesman'],
    ]);
  });

  it('folds case, diacritics and Arabic spelling', () => {
    expect(findSources(sources, 'احمد').map((m) => m.source.name)).toEqual(['أحمد الشرع']);
    expect(findSources(sources, 'elysee').map((m) => m.source.name)).toEqual(['Élysée Palace']);
    expect(findSources(sources, 'SHARAA').map((m) => m.source.name)).toEqual(['Ahmed al-Sharaa']);
  });

  it('returns nothing for a blank query and honours the limit', () => {
    expect(findSources(sources, '  ')).toEqual([]);
    expect(findSources(sources, 'e', 3)).toHaveLength(3);
  });
});

describe('mergeSourcesStep', () => {
  it('moves claimant and evidence references, gains aliases, deletes the merged source; undo restores all', async () => {
    await storeParsedFile(db, parsed);
    const history = new UndoHistory(db);
    const into = await createSource(db, { name: 'Dmitry Peskov', kind: 'person', aliases: ['Peskov'] });
    const from = await createSource(db, { name: 'D. Peskov', kind: 'person', aliases: ['peskov', 'DP'] });
    const other = await createSource(db, { name: 'TASS', kind: 'outlet' });
    const claimed = await annotate('doc-z', 'exports rose', { claimantId: from.id });
    const cited = await annotate('doc-a', 'talks would resume', {
      claimantId: other.id,
      evidence: [evidence('e1', from.id), evidence('e2', other.id)],
    });
    const untouched = await annotate('doc-a', 'Kremlin', { claimantId: other.id });
    const before = { sources: await db.sources.toArray(), annotations: await db.annotations.toArray() };

    const step = await history.commitStep(() =>
      mergeSourcesStep(db, [from.id], into.id, new Date('2026-03-04T05:06:07Z')),
    );
    expect(step?.label).toBe('Merged “D. Peskov” into “Dmitry Peskov” (2 claims moved)');
    expect(await db.sources.get(from.id)).toBeUndefined();
    expect((await db.sources.get(into.id))?.aliases).toEqual(['Peskov', 'D. Peskov', 'DP']);
    expect(await db.annotations.get(claimed.id)).toMatchObject({
      claimantId: into.id,
      modified: '2026-03-04T05:06:07.000Z',
    });
    const afterCited = await db.annotations.get(cited.id);
    expect(afterCited?.claimantId).toBe(other.id);
    expect(afterCited?.evidence.map((e) => e.sourceId)).toEqual([into.id, other.id]);
    expect(await db.annotations.get(untouched.id)).toEqual(untouched);

    await history.undo();
    expect({ sources: await db.sources.toArray(), annotations: await db.annotations.toArray() }).toEqual(
      before,
    );
  });

  it('refuses a missing source or a merge into itself, changing nothing', async () => {
    const from = await createSource(db, { name: 'D. Peskov', kind: 'person' });
    await expect(mergeSourcesStep(db, [from.id], 'missing')).rejects.toThrow(/no longer in the library/);
    await expect(mergeSourcesStep(db, [from.id], from.id)).rejects.toThrow(/into itself/);
    expect(await db.sources.get(from.id)).toEqual(from);
  });
});

describe('deleteSourceStep', () => {
  it('leaves the source’s claims without a claimant and its citations without a source, undoably', async () => {
    await storeParsedFile(db, parsed);
    const history = new UndoHistory(db);
    const peskov = await createSource(db, { name: 'Dmitry Peskov', kind: 'person' });
    const claimed = await annotate('doc-z', 'exports rose', {
      claimantId: peskov.id,
      evidence: [evidence('e1', peskov.id)],
    });
    await history.commitStep(() => deleteSourceStep(db, peskov.id));
    expect(await db.sources.get(peskov.id)).toBeUndefined();
    const after = await db.annotations.get(claimed.id);
    expect(after?.claimantId).toBeNull();
    expect(after?.evidence.map((e) => e.sourceId)).toEqual([null]);
    await history.undo();
    expect(await db.sources.get(peskov.id)).toEqual(peskov);
    expect(await db.annotations.get(claimed.id)).toEqual(claimed);
  });
});

describe('claimsBySource', () => {
  it('lists claims and citations across documents by title then position', async () => {
    await storeParsedFile(db, parsed);
    const peskov = await createSource(db, { name: 'Dmitry Peskov', kind: 'person' });
    const tass = await createSource(db, { name: 'TASS', kind: 'outlet' });
    const second = await annotate('doc-z', 'Peskov also said', { claimantId: peskov.id });
    const first = await annotate('doc-z', 'Peskov said exports', { claimantId: peskov.id });
    const cited = await annotate('doc-a', 'talks would resume', {
      claimantId: tass.id,
      evidence: [evidence('e1', peskov.id)],
    });
    await annotate('doc-a', 'Kremlin', { claimantId: tass.id });

    const claims = await claimsBySource(db, peskov.id);

    expect(claims.map((c) => [c.document.title, c.annotation.id, c.role])).toEqual([
      ['Alpha report', cited.id, 'cited'],
      ['Zeta report', first.id, 'claimant'],
      ['Zeta report', second.id, 'claimant'],
    ]);
    expect(claims[0]?.document).toEqual({ id: 'doc-a', title: 'Alpha report', sourceFile: 'dump.txt' });
    expect(await claimsBySource(db, 'nobody')).toEqual([]);
  });
});
