// "Checked before" over a real (fake-indexeddb) library: fact-checks stored once however often a
// file is imported, and the claim index kept in step with the store — claims added, moved to a
// new version, edited, deleted, and fact-checks imported — through the app's write functions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimLibrary } from '../../../src-renderer/src/app/checked-before';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { describeFactChecks, storeFactChecks } from '../../../src-renderer/src/db/fact-checks';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import type { ImportedFactCheck } from '../../../src-shared/factcheck/fact-check';
import type { AnnotationRecord, DocumentRecord, ParsedFile } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

const article = (file: string, title: string, body: string): ParsedFile => ({
  file,
  format: 'text',
  encoding: 'utf-8',
  articles: [
    {
      title,
      caption: null,
      credit: null,
      author: null,
      published: null,
      direction: 'ltr',
      blocks: [{ kind: 'paragraph', text: body }],
      contentHash: `${file}-${body.length}`,
    },
  ],
});

const factCheck = (claimReviewed: string, url: string): ImportedFactCheck => ({
  claimReviewed,
  url,
  ratingText: 'Pants on Fire',
  ratingValue: null,
  bestRating: null,
  worstRating: null,
  verdict: 'false',
  reviewer: 'Example Check',
  reviewerUrl: null,
  datePublished: '2025-01-02',
  claimant: 'A blog',
  claimDate: null,
  appearance: null,
});

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-checked-before-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

async function open(file: string, title: string, body: string): Promise<DocumentRecord> {
  const { documentIds } = await storeParsedFile(db, article(file, title, body));
  return (await db.documents.get(documentIds[0] as string)) as DocumentRecord;
}

async function highlight(doc: DocumentRecord, phrase: string): Promise<AnnotationRecord> {
  const start = doc.text.indexOf(phrase);
  return createAnnotation(db, {
    document: doc,
    start,
    end: start + phrase.length,
    labelId: 'claim',
    author: 'Huda',
  });
}

describe('fact-checks in the library', () => {
  it('stores a file’s reviews once, however often it is imported', async () => {
    const reviews = [
      factCheck('5G towers spread the coronavirus.', 'https://c.example/5g'),
      factCheck('Another.', 'https://c.example/x'),
    ];
    const first = await storeFactChecks(db, 'feed.json', reviews);
    expect(first).toEqual({ ok: true, value: { added: 2, duplicates: 0 } });
    const again = await storeFactChecks(db, 'feed.json', [...reviews, reviews[0] as ImportedFactCheck]);
    expect(again).toEqual({ ok: true, value: { added: 0, duplicates: 3 } });
    expect(await db.factChecks.count()).toBe(2);
    expect(describeFactChecks('feed.json', { added: 0, duplicates: 3 })).toBe(
      'feed.json: imported 0 fact-checks; 3 were already in the library.',
    );
  });
});

describe('ClaimLibrary', () => {
  it('finds the same claim in another article and in a fact-check, and counts the articles', async () => {
    const one = await open(
      'a.txt',
      'Storm report',
      'Officials said that crime in the city has doubled since the mayor took office. More text.',
    );
    const two = await open(
      'b.txt',
      'Council meeting',
      'Since the mayor came into office, crime in the city has gone up twofold, she said.',
    );
    const three = await open('c.txt', 'Other news', 'The mayor hired 500 new police officers for the city.');
    const first = await highlight(one, 'crime in the city has doubled since the mayor took office');
    await db.annotations.update(first.id, { verdict: 'false' });
    const second = await highlight(
      two,
      'Since the mayor came into office, crime in the city has gone up twofold',
    );
    await highlight(three, 'The mayor hired 500 new police officers for the city.');
    const library = new ClaimLibrary(db);

    const found = await library.checkedBefore(second);
    expect(found.articles).toBe(2);
    expect(found.matches).toEqual([
      expect.objectContaining({
        kind: 'claim',
        id: first.id,
        documentId: one.id,
        title: 'Storm report',
        verdict: 'false',
      }),
    ]);

    await storeFactChecks(db, 'feed.json', [
      factCheck('Crime in the city doubled after the mayor took office', 'https://c.example/crime'),
    ]);
    const withFact = await library.checkedBefore(second);
    expect(withFact.matches.map((m) => m.kind).sort()).toEqual(['claim', 'fact-check']);
    expect(withFact.articles).toBe(2);
  });

  it('follows claims deleted, edited and moved to a new version of their article', async () => {
    const one = await open('a.txt', 'Report', 'Vaccines cause autism in young children, the post claimed.');
    const two = await open('b.txt', 'Reply', 'Young children develop autism because of vaccines, it said.');
    const a = await highlight(one, 'Vaccines cause autism in young children');
    const b = await highlight(two, 'Young children develop autism because of vaccines');
    const library = new ClaimLibrary(db);
    expect((await library.checkedBefore(b)).matches.map((m) => m.id)).toEqual([a.id]);

    await db.annotations.update(a.id, { verdict: 'false', modified: new Date().toISOString() });
    expect((await library.checkedBefore(b)).matches[0]).toMatchObject({ verdict: 'false' });

    // The first article re-opened with a change: its claim moves to the new version.
    const { documentIds } = await storeParsedFile(
      db,
      article('a.txt', 'Report', 'Vaccines cause autism in young children, the post claimed, again.'),
    );
    const moved = await library.checkedBefore(b);
    expect(moved.matches).toEqual([expect.objectContaining({ id: a.id, documentId: documentIds[0] })]);

    await db.annotations.delete(a.id);
    expect((await library.checkedBefore(b)).matches).toEqual([]);
  });

  it('indexes a large library in slices, and concurrent look-ups agree', async () => {
    const one = await open(
      'a.txt',
      'Report',
      'Wind turbines kill millions of birds every year, a post said.',
    );
    const two = await open('b.txt', 'Reply', 'Every year millions of birds are killed by wind turbines.');
    const a = await highlight(one, 'Wind turbines kill millions of birds every year');
    const b = await highlight(two, 'Every year millions of birds are killed by wind turbines.');
    const filler = Array.from({ length: 1200 }, (_, i) => ({
      ...a,
      id: `filler-${i}`,
      target: {
        ...a.target,
        quote: { ...a.target.quote, exact: `Unrelated claim ${i} about budget line ${i * 7}` },
      },
    }));
    await db.annotations.bulkAdd(filler);
    const library = new ClaimLibrary(db);
    const [x, y] = await Promise.all([library.checkedBefore(b), library.checkedBefore(b)]);
    expect(x.matches.map((m) => m.id)).toEqual([a.id]);
    expect(y).toEqual(x);
  });
});
