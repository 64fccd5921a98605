// The dry run behind "read again with another encoding?": how many annotations the re-read text
// would carry and how many it would lose to Orphans — computed without writing anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import type { ParsedFile } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';
import { previewCarriedAnnotations } from '../../../src-renderer/src/db/file-documents';

const read = (body: string, hash: string): ParsedFile => ({
  file: 'economy.txt',
  format: 'text',
  encoding: 'windows-1256',
  articles: [
    {
      ...{ title: 'Economy', caption: null, credit: null, author: null, published: null },
      direction: 'ltr',
      blocks: [{ kind: 'paragraph', text: body }],
      contentHash: hash,
    },
  ],
});

let db: ClaimdeskDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-reread-preview-${++n}`);
  await storeParsedFile(db, read('The minister said exports rose 12 percent last year.', 'h1'));
  const doc = (await db.documents.get('h1'))!;
  for (const phrase of ['exports rose 12 percent', 'last year'])
    await createAnnotation(db, {
      document: doc,
      start: doc.text.indexOf(phrase),
      end: doc.text.indexOf(phrase) + phrase.length,
      labelId: 'claim',
      author: '',
    });
});
afterEach(async () => {
  await db.delete();
});

describe('previewCarriedAnnotations', () => {
  it('counts the annotations a changed text would lose, and writes nothing', async () => {
    const before = { docs: await db.documents.toArray(), annotations: await db.annotations.toArray() };
    const preview = await previewCarriedAnnotations(
      db,
      read('The minister said imports fell last year.', 'h2'),
    );
    expect(preview).toEqual({ annotated: 2, orphaned: 1 });
    expect(await db.documents.toArray()).toEqual(before.docs);
    expect(await db.annotations.toArray()).toEqual(before.annotations);
  });

  it('agrees with what storing the file then does', async () => {
    const changed = read('Officially, the minister said exports rose 12 percent this year.', 'h3');
    const preview = await previewCarriedAnnotations(db, changed);
    const stored = await storeParsedFile(db, changed);
    expect(preview).toEqual({ annotated: stored.carried, orphaned: stored.orphaned });
    expect(preview).toEqual({ annotated: 2, orphaned: 1 });
  });

  it('finds nothing to move when the text does not change', async () => {
    const same = read('The minister said exports rose 12 percent last year.', 'h1');
    expect(await previewCarriedAnnotations(db, same)).toEqual({ annotated: 0, orphaned: 0 });
  });
});
