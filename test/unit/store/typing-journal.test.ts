// The typing journal on fake-indexeddb with an in-memory localStorage: a typed patch whose write
// never committed (the window was killed) is written at the next start, field by field; one
// whose write committed is struck off and never written again.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import { noteTyping, replayTyping } from '../../../src-renderer/src/db/typing-journal';
import type { AnnotationRecord } from '../../../src-shared/model';
import { oneArticleFile } from './one-article-file';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

class MemoryStorage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
    Object.defineProperty(this, key, { value, enumerable: true, configurable: true });
  }
  removeItem(key: string): void {
    this.items.delete(key);
    delete (this as Record<string, unknown>)[key];
  }
}

const file = oneArticleFile;

let db: ClaimdeskDb;
let claim: AnnotationRecord;
let n = 0;
beforeEach(async () => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  db = openDatabase(`typing-${++n}`);
  await storeParsedFile(db, file);
  const document = (await db.documents.get('doc'))!;
  claim = await createAnnotation(db, { document, start: 4, end: 9, labelId: 'claim', author: 'Ana' });
});
afterEach(async () => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
  await db.delete();
});

it('writes at the next start what was typed but never stored, and only the fields typed', async () => {
  const stamp = '2026-12-07T10:00:00.000Z';
  noteTyping(claim.id, 'notes', { notes: 'asked the' }, stamp, new Promise(() => undefined));
  noteTyping(claim.id, 'notes', { notes: 'asked the mayor' }, stamp, new Promise(() => undefined));
  await db.annotations.update(claim.id, { rationale: 'stored meanwhile' });
  expect(await replayTyping(db)).toBe(1);
  expect(await db.annotations.get(claim.id)).toMatchObject({
    notes: 'asked the mayor',
    rationale: 'stored meanwhile',
    modified: stamp,
  });
  expect(globalThis.localStorage.length).toBe(0);
  expect(await replayTyping(db)).toBe(0);
});

it('strikes a note off once its write has committed', async () => {
  noteTyping(claim.id, 'rationale', { rationale: 'census' }, claim.modified, Promise.resolve());
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(globalThis.localStorage.length).toBe(0);
  expect(await replayTyping(db)).toBe(0);
});

it('writes a typed evidence item field onto the item as stored', async () => {
  const item = {
    id: 'e1',
    url: '',
    title: '',
    stance: 'supports' as const,
    note: '',
    accessed: null,
    sourceId: null,
  };
  await db.annotations.update(claim.id, { evidence: [item, { ...item, id: 'e2', note: 'kept' }] });
  noteTyping(
    claim.id,
    'evidence:e1:title',
    { evidenceItem: 'e1', changes: { title: 'Gazette' } },
    claim.modified,
    new Promise(() => undefined),
  );
  await replayTyping(db);
  expect((await db.annotations.get(claim.id))?.evidence.map((e) => [e.id, e.title, e.note])).toEqual([
    ['e1', 'Gazette', ''],
    ['e2', '', 'kept'],
  ]);
});
