// What the analyst decided about suggestions, kept in the library's settings table: the
// sentences dismissed in each document (by their offsets; a document's text never changes, its id
// is its hash) and how many suggestions to show per article. And the claimant of an accepted
// suggestion as a source: the registry's own when a name or alias matches, else a new one.
import { foldText } from '../../../src-shared/text-fold';
import type { ClaimantKind } from '../../../src-shared/intel/attribution';
import type { SourceKind, SourceRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from './database';
import { getSetting } from './library';
import { createSource, findSources } from './sources';

export const SUGGESTION_LIMIT_KEY = 'suggestions.perArticle';
export const DEFAULT_SUGGESTION_LIMIT = 5;
export const SUGGESTION_LIMITS = [0, 3, 5, 10, 20] as const;

const dismissedKey = (documentId: string): string => `suggestions.dismissed:${documentId}`;

/** The key a sentence is dismissed by. */
export const sentenceKey = (s: { start: number; end: number }): string => `${s.start}-${s.end}`;

export async function dismissedIn(db: ClaimdeskDb, documentId: string): Promise<Set<string>> {
  const stored = await getSetting<unknown>(db, dismissedKey(documentId), []);
  return new Set(Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []);
}

/** Adds one dismissal, reading and writing the document's list in one transaction. */
export async function dismissSentence(db: ClaimdeskDb, documentId: string, key: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const keys = await dismissedIn(db, documentId);
    keys.add(key);
    await db.settings.put({ key: dismissedKey(documentId), value: [...keys] });
  });
}

export async function suggestionLimit(db: ClaimdeskDb): Promise<number> {
  const value = await getSetting<unknown>(db, SUGGESTION_LIMIT_KEY, DEFAULT_SUGGESTION_LIMIT);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 50
    ? value
    : DEFAULT_SUGGESTION_LIMIT;
}

const SOURCE_KIND: Record<ClaimantKind, SourceKind> = {
  person: 'person',
  organisation: 'organisation',
  anonymous: 'person',
};

/** "the Kremlin" and "Kremlin", "الكرملين" and "كرملين" are one source. */
const withoutArticle = (name: string): string => foldText(name).replace(/^(the |ال)/u, '');

/** The registry's source for a claimant (name or alias, folded), or null. */
export function matchSource(sources: readonly SourceRecord[], name: string): SourceRecord | null {
  const exact = findSources(sources, name, 1)[0];
  if (exact?.rank === 'exact') return exact.source;
  const bare = withoutArticle(name);
  return (
    sources.find((s) => [s.name, ...s.aliases].some((n) => withoutArticle(n) === bare && bare !== '')) ?? null
  );
}

/** The source to record as a claim's claimant: matched in the registry, else created. */
export async function sourceForClaimant(
  db: ClaimdeskDb,
  name: string,
  kind: ClaimantKind | null,
): Promise<SourceRecord> {
  const matched = matchSource(await db.sources.toArray(), name);
  if (matched) return matched;
  // The registry names "Kremlin", not "the Kremlin": the article's "the" is the sentence's.
  return createSource(db, { name: name.replace(/^the\s+/i, ''), kind: SOURCE_KIND[kind ?? 'person'] });
}
