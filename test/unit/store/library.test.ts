// The library store on fake-indexeddb: documents keyed by content hash, no duplicates on
// re-open, annotations stored with W3C selectors over the canonical text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { annotationsOf, createAnnotation, labelsInOrder } from '../../../src-renderer/src/db/library';
import type { ParsedFile } from '../../../src-shared/model';
import { applyChanges } from '../../../src-renderer/src/db/annotation-changes';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

const parsed: ParsedFile = {
  file: 'dump.txt',
  format: 'news-dump',
  encoding: 'utf-8',
  articles: [
    {
      title: 'First title',
      caption: 'A caption (AFP)',
      credit: 'AFP',
      author: null,
      published: null,
      direction: 'ltr',
      blocks: [{ kind: 'paragraph', text: 'The minister said exports rose 12 percent.' }],
      contentHash: 'hash-one',
    },
    {
      title: 'Second title',
      caption: null,
      credit: null,
      author: null,
      published: null,
      direction: 'ltr',
      blocks: [{ kind: 'paragraph', text: 'Another body.' }],
      contentHash: 'hash-two',
    },
  ],
};

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-library-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

/** The library records list exactly the live documents, each file's in file order. */
async function expectEntriesMirrorLiveDocuments(): Promise<void> {
  const live = (await db.documents.toArray()).filter((d) => !d.supersededBy);
  const files = await db.libraryFiles.toArray();
  for (const f of files)
    expect(f.entries.map((e) => e.articleIndex)).toEqual(
      f.entries.map((e) => e.articleIndex).sort((a, b) => a - b),
    );
  const entries = files.flatMap((f) => f.entries);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect(entries.sort(byId)).toEqual(
    live.sort(byId).map(({ id, title, sourceFile, articleIndex, direction, importedAt }) => ({
      id,
      title,
      sourceFile,
      articleIndex,
      direction,
      importedAt,
    })),
  );
}

describe('library store', () => {
  it('starts with the five default labels in key order', async () => {
    expect((await labelsInOrder(db)).map((l) => l.name)).toEqual([
      'Claim',
      'Statistic',
      'Quote',
      'Opinion',
      'Prediction',
    ]);
  });

  it('stores each article as a document with title, caption and body as canonical text', async () => {
    const { documentIds } = await storeParsedFile(db, parsed);
    expect(documentIds).toEqual(['hash-one', 'hash-two']);
    const doc = await db.documents.get('hash-one');
    expect(doc).toMatchObject({
      sourceFile: 'dump.txt',
      articleIndex: 0,
      title: 'First title',
      credit: 'AFP',
    });
    expect(doc?.text).toBe('First title\n\nA caption (AFP)\n\nThe minister said exports rose 12 percent.');
    expect(doc?.blocks.map((b) => b.kind)).toEqual(['title', 'caption', 'paragraph']);
  });

  it('opening the same file again adds nothing and keeps the annotations', async () => {
    await storeParsedFile(db, parsed);
    const doc = (await db.documents.get('hash-one'))!;
    const start = doc.text.indexOf('exports rose 12 percent');
    await createAnnotation(db, {
      document: doc,
      start,
      end: start + 23,
      labelId: 'statistic',
      author: 'Ana',
    });
    await storeParsedFile(db, parsed);
    expect(await db.documents.count()).toBe(2);
    expect(await annotationsOf(db, 'hash-one')).toHaveLength(1);
  });

  it('records TextQuote and TextPosition selectors for a highlight', async () => {
    await storeParsedFile(db, parsed);
    const doc = (await db.documents.get('hash-one'))!;
    const start = doc.text.indexOf('exports rose 12 percent');
    const created = await createAnnotation(
      db,
      { document: doc, start, end: start + 23, labelId: 'statistic', author: 'Ana' },
      new Date('2026-01-02T03:04:05Z'),
    );
    const [stored] = await annotationsOf(db, 'hash-one');
    expect(stored).toEqual(created);
    expect(stored?.target.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'exports rose 12 percent',
      prefix: 'aption (AFP)\n\nThe minister said ',
      suffix: '.',
    });
    expect(stored?.target.position).toEqual({ type: 'TextPositionSelector', start, end: start + 23 });
    expect(stored).toMatchObject({
      labelId: 'statistic',
      created: '2026-01-02T03:04:05.000Z',
      author: 'Ana',
    });
    await applyChanges(db, [{ before: created, after: null }]);
    expect(await annotationsOf(db, 'hash-one')).toEqual([]);
  });

  it('refuses a highlight on a document that is not in the library, storing nothing', async () => {
    await storeParsedFile(db, parsed);
    const doc = (await db.documents.get('hash-one'))!;
    await db.documents.delete('hash-one');
    await expect(
      createAnnotation(db, { document: doc, start: 0, end: 5, labelId: 'claim', author: '' }),
    ).rejects.toThrow(/no longer in the library/);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('re-opening a changed file', () => {
  const changed = (body: string, hash: string): ParsedFile => ({
    ...parsed,
    articles: [
      { ...parsed.articles[0]!, blocks: [{ kind: 'paragraph', text: body }], contentHash: hash },
      parsed.articles[1]!,
    ],
  });

  it('links the new version to the old, carries re-anchored annotations and keeps the unplaceable as orphans', async () => {
    await storeParsedFile(db, parsed);
    const doc = (await db.documents.get('hash-one'))!;
    const at = (s: string) => doc.text.indexOf(s);
    const kept = await createAnnotation(db, {
      document: doc,
      start: at('exports rose'),
      end: at('exports rose') + 12,
      labelId: 'statistic',
      author: '',
    });
    const lost = await createAnnotation(db, {
      document: doc,
      start: at('The minister'),
      end: at('The minister') + 12,
      labelId: 'claim',
      author: '',
    });

    const outcome = await storeParsedFile(
      db,
      changed('Officials now say exports rose sharply.', 'hash-one-b'),
    );
    expect(outcome).toMatchObject({ documentIds: ['hash-one-b', 'hash-two'], carried: 2, orphaned: 1 });

    const next = (await db.documents.get('hash-one-b'))!;
    expect(next.previousVersionId).toBe('hash-one');
    expect((await db.documents.get('hash-one'))?.supersededBy).toBe('hash-one-b');
    const moved = await annotationsOf(db, 'hash-one-b');
    const keptNow = moved.find((a) => a.id === kept.id)!;
    expect(next.text.slice(keptNow.target.position.start, keptNow.target.position.end)).toBe('exports rose');
    expect(keptNow.orphaned).toBe(false);
    const lostNow = moved.find((a) => a.id === lost.id)!;
    expect(lostNow).toMatchObject({ orphaned: true, target: lost.target });
    expect(await annotationsOf(db, 'hash-one')).toEqual([]);
    // The unchanged article keeps its identity.
    expect(await db.documents.count()).toBe(3);
    const [record] = await db.libraryFiles.toArray();
    expect(record?.entries.map((e) => e.id)).toEqual(['hash-one-b', 'hash-two']);
    await expectEntriesMirrorLiveDocuments();
  });

  it('reading an article back into an earlier version’s text makes that version current again', async () => {
    await storeParsedFile(db, parsed);
    const doc = (await db.documents.get('hash-one'))!;
    const at = doc.text.indexOf('exports rose');
    const kept = await createAnnotation(db, {
      document: doc,
      start: at,
      end: at + 12,
      labelId: 'claim',
      author: '',
    });
    await storeParsedFile(db, changed('Officials now say exports rose sharply.', 'hash-one-b'));
    await storeParsedFile(db, parsed);
    expect((await db.documents.get('hash-one'))?.supersededBy).toBeNull();
    expect((await db.documents.get('hash-one-b'))?.supersededBy).toBe('hash-one');
    await expectEntriesMirrorLiveDocuments();
    const [back] = await annotationsOf(db, 'hash-one');
    expect(back?.id).toBe(kept.id);
    expect(doc.text.slice(back!.target.position.start, back!.target.position.end)).toBe('exports rose');
  });
});
