// Sources (claimants and cited outlets): validated writes, name/alias search over folded text,
// and every claim attributed to a source (merging and deleting: merge-sources.ts).
import { foldText } from '../../../src-shared/text-fold';
import { vetExternalUrl } from '../../../src-shared/url-trust';
import type { AnnotationRecord, DocumentRecord, SourceKind, SourceRecord } from '../../../src-shared/model';
import { sameValue } from '../../../src-shared/desk/desk-doc';
import type { ClaimdeskDb } from './database';

export const SOURCE_KINDS: readonly SourceKind[] = ['person', 'organisation', 'outlet', 'document'];

export interface SourceFields {
  name: string;
  kind: SourceKind;
  aliases?: readonly string[];
  url?: string | null;
  reliabilityNote?: string;
}

export type SourcePatch = Partial<SourceFields>;

/** Aliases trimmed, empty ones dropped, one per folded spelling, and none that merely repeats the name. */
export function cleanAliases(aliases: readonly string[], name: string): string[] {
  const seen = new Set([foldText(name)]);
  const kept: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const key = foldText(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(alias);
  }
  return kept;
}

function cleanUrl(raw: string | null | undefined): string | null {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') return null;
  const vetted = vetExternalUrl(trimmed);
  // A URL the app would refuse to open is worse than none: refuse it where the analyst typed it.
  if (vetted === null) throw new Error(`The URL “${trimmed}” is not a web address (http:// or https://).`);
  return vetted;
}

function validated(id: string, fields: SourceFields): SourceRecord {
  const name = fields.name.trim();
  if (name === '') throw new Error('A source needs a name.');
  if (!SOURCE_KINDS.includes(fields.kind)) throw new Error(`Unknown source kind “${String(fields.kind)}”.`);
  return {
    id,
    name,
    kind: fields.kind,
    aliases: cleanAliases(fields.aliases ?? [], name),
    url: cleanUrl(fields.url),
    reliabilityNote: (fields.reliabilityNote ?? '').trim(),
  };
}

export async function createSource(db: ClaimdeskDb, fields: SourceFields): Promise<SourceRecord> {
  const record = validated(globalThis.crypto.randomUUID(), fields);
  await db.transaction('rw', db.sources, () => db.sources.add(record));
  return record;
}

export async function updateSource(db: ClaimdeskDb, id: string, patch: SourcePatch): Promise<SourceRecord> {
  return db.transaction('rw', db.sources, async () => {
    const current = await db.sources.get(id);
    if (!current) throw new Error('The source is no longer in the library.');
    const record = validated(id, { ...current, ...patch });
    // Only the fields this edit changed: another copy's change to another field stays.
    const changes = Object.fromEntries(
      Object.entries(record).filter(
        ([field, value]) => !sameValue(current[field as keyof SourceRecord], value),
      ),
    );
    if (Object.keys(changes).length > 0) await db.sources.update(id, changes);
    return record;
  });
}

export type MatchRank = 'exact' | 'word-prefix' | 'substring';
const RANK_ORDER: Record<MatchRank, number> = { exact: 0, 'word-prefix': 1, substring: 2 };

export interface SourceMatch {
  source: SourceRecord;
  /** The alias that matched, or null when the name did (a name match wins a tie). */
  alias: string | null;
  rank: MatchRank;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function rankIn(candidate: string, query: string): MatchRank | null {
  if (candidate === query) return 'exact';
  for (let at = candidate.indexOf(query); at >= 0; at = candidate.indexOf(query, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(candidate.charAt(at - 1))) return 'word-prefix';
  }
  return candidate.includes(query) ? 'substring' : null;
}

const byText = new Intl.Collator(undefined, { numeric: true }).compare;

/** Sources whose name or an alias matches the query, best first: exact, then word prefix, then substring. */
export function findSources(sources: readonly SourceRecord[], query: string, limit = 8): SourceMatch[] {
  const folded = foldText(query);
  if (folded === '') return [];
  const matches: SourceMatch[] = [];
  for (const source of sources) {
    let best: SourceMatch | null = null;
    for (const alias of [null, ...source.aliases]) {
      const rank = rankIn(foldText(alias ?? source.name), folded);
      if (rank && (!best || RANK_ORDER[rank] < RANK_ORDER[best.rank])) best = { source, alias, rank };
    }
    if (best) matches.push(best);
  }
  return matches
    .sort(
      (a, b) =>
        RANK_ORDER[a.rank] - RANK_ORDER[b.rank] ||
        Number(a.alias !== null) - Number(b.alias !== null) ||
        byText(a.source.name, b.source.name),
    )
    .slice(0, limit);
}

function refersTo(annotation: AnnotationRecord, sourceId: string): boolean {
  return annotation.claimantId === sourceId || annotation.evidence.some((e) => e.sourceId === sourceId);
}

export interface SourceClaim {
  annotation: AnnotationRecord;
  document: Pick<DocumentRecord, 'id' | 'title' | 'sourceFile'>;
  /** 'claimant' when the source made the claim (wins if it is also cited), 'cited' when evidence cites it. */
  role: 'claimant' | 'cited';
}

/** Every annotation attributed to or citing the source, across all documents, by document title then position. */
export async function claimsBySource(db: ClaimdeskDb, sourceId: string): Promise<SourceClaim[]> {
  // A scan: no index reaches claimantId or the evidence's sourceIds in schema version 1.
  return db.transaction('r', db.annotations, db.documents, async () => {
    const annotations = await db.annotations.filter((a) => refersTo(a, sourceId)).toArray();
    const documentIds = [...new Set(annotations.map((a) => a.documentId))];
    const documents = new Map<string, SourceClaim['document']>();
    (await db.documents.bulkGet(documentIds)).forEach((d) => {
      if (d) documents.set(d.id, { id: d.id, title: d.title, sourceFile: d.sourceFile });
    });
    const claims: SourceClaim[] = [];
    for (const annotation of annotations) {
      const document = documents.get(annotation.documentId);
      // An annotation without its document cannot be opened, so it is not offered.
      if (!document) continue;
      claims.push({ annotation, document, role: annotation.claimantId === sourceId ? 'claimant' : 'cited' });
    }
    return claims.sort(
      (a, b) =>
        byText(a.document.title, b.document.title) ||
        byText(a.document.id, b.document.id) ||
        a.annotation.target.position.start - b.annotation.target.position.start,
    );
  });
}
