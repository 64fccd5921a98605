// The suggestions' store on fake-indexeddb: dismissals kept per document (concurrent ones all
// kept), the per-article count setting (bad stored values fall back), and a claimant matched to
// the Sources registry by name or alias (folded, with or without "the"/ال) or created once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { setSetting } from '../../../src-renderer/src/db/library';
import { createSource } from '../../../src-renderer/src/db/sources';
import {
  DEFAULT_SUGGESTION_LIMIT,
  dismissedIn,
  dismissSentence,
  matchSource,
  SUGGESTION_LIMIT_KEY,
  sentenceKey,
  sourceForClaimant,
  suggestionLimit,
} from '../../../src-renderer/src/db/suggestion-store';

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-suggestions-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('dismissals', () => {
  it('are kept per document, every one of several made at once', async () => {
    const keys = [0, 1, 2, 3, 4].map((i) => sentenceKey({ start: i * 10, end: i * 10 + 9 }));
    await Promise.all(keys.map((k) => dismissSentence(db, 'doc-a', k)));
    expect([...(await dismissedIn(db, 'doc-a'))].sort()).toEqual([...keys].sort());
    expect(await dismissedIn(db, 'doc-b')).toEqual(new Set());
  });

  it('survive the database being closed and opened again', async () => {
    await dismissSentence(db, 'doc-a', '5-40');
    db.close();
    db = openDatabase(db.name);
    expect(await dismissedIn(db, 'doc-a')).toEqual(new Set(['5-40']));
  });
});

describe('the per-article count', () => {
  it('defaults to 5 and keeps what was set; a stored value out of range falls back', async () => {
    expect(await suggestionLimit(db)).toBe(DEFAULT_SUGGESTION_LIMIT);
    await setSetting(db, SUGGESTION_LIMIT_KEY, 10);
    expect(await suggestionLimit(db)).toBe(10);
    await setSetting(db, SUGGESTION_LIMIT_KEY, 0);
    expect(await suggestionLimit(db)).toBe(0);
    await setSetting(db, SUGGESTION_LIMIT_KEY, 'lots');
    expect(await suggestionLimit(db)).toBe(DEFAULT_SUGGESTION_LIMIT);
    await setSetting(db, SUGGESTION_LIMIT_KEY, -3);
    expect(await suggestionLimit(db)).toBe(DEFAULT_SUGGESTION_LIMIT);
  });
});

describe('claimants as sources', () => {
  it('match a source by name or alias, folded, with or without the article', async () => {
    const peskov = await createSource(db, { name: 'Dmitry Peskov', kind: 'person', aliases: ['Peskov'] });
    const kremlin = await createSource(db, { name: 'Kremlin', kind: 'organisation' });
    const ministry = await createSource(db, { name: 'وزارة الصحة', kind: 'organisation' });
    const sources = await db.sources.toArray();
    expect(matchSource(sources, 'dmitry peskov')?.id).toBe(peskov.id);
    expect(matchSource(sources, 'Peskov')?.id).toBe(peskov.id);
    expect(matchSource(sources, 'the Kremlin')?.id).toBe(kremlin.id);
    expect(matchSource(sources, 'وزاره الصحه')?.id).toBe(ministry.id);
    expect(matchSource(sources, 'Maria Zakharova')).toBeNull();
  });

  it('create a source once, named without a leading "the", of the kind the cue gave', async () => {
    const first = await sourceForClaimant(db, 'the Foreign Ministry', 'organisation');
    const again = await sourceForClaimant(db, 'Foreign Ministry', 'organisation');
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ name: 'Foreign Ministry', kind: 'organisation' });
    const anonymous = await sourceForClaimant(db, 'A Russian diplomatic source', 'anonymous');
    expect(anonymous.kind).toBe('person');
    expect(await db.sources.count()).toBe(2);
  });
});
