// "Checked before": for the selected claim, the claims elsewhere in the library and the imported
// fact-checks that say the same thing (src-shared/similar/claim-match.ts). One ClaimIndex for the
// window, built on first use and then kept in step with the store entry by entry: each time the
// live query runs it reads only keys (every annotation's `modified` and `documentId`, every
// fact-check id), and re-reads and re-indexes just the records whose keys changed.
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { ClaimIndex, type ClaimMatch } from '../../../src-shared/similar/claim-match';
import type { AnnotationRecord, DocumentRecord, Verdict } from '../../../src-shared/model';
import type { FactCheckRecord } from '../../../src-shared/factcheck/fact-check';
import type { ClaimdeskDb } from '../db/database';
import { perLibrary, useLibrary } from './library-context';

/** Matches shown for a claim, best first. */
const SHOWN = 6;
/** Matches looked at to count the articles a claim is seen in. */
const COUNTED = 200;
const FACT_CHECK_GROUP = 'fact-checks';
/** Claims indexed between two pauses for the event loop (a few tens of milliseconds of work). */
const INDEX_SLICE = 500;
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const docGroup = (documentId: string): string => `doc:${documentId}`;

export interface LibraryMatch {
  kind: 'claim';
  id: string;
  documentId: string;
  title: string;
  quote: string;
  verdict: Verdict | null;
  claimant: string | null;
  date: string;
  /** The match is in an earlier or later version of the claim's own article. */
  otherVersion: boolean;
  score: number;
}

export interface FactCheckMatch {
  kind: 'fact-check';
  id: string;
  quote: string;
  verdict: Verdict | null;
  ratingText: string;
  reviewer: string | null;
  claimant: string | null;
  date: string | null;
  url: string | null;
  score: number;
}

export type CheckedBeforeMatch = LibraryMatch | FactCheckMatch;

export interface CheckedBefore {
  matches: CheckedBeforeMatch[];
  /** Articles in the library holding this claim, its own included (versions of one article count once). */
  articles: number;
}

export class ClaimLibrary {
  private readonly index = new ClaimIndex();
  /** Each indexed annotation's `modified|documentId` as last read. */
  private stamps = new Map<string, string>();
  private factChecks = new Set<string>();
  private started = 0;
  private applied = 0;
  /** The sync changing the index now: the next waits for it. */
  private applying: Promise<void> = Promise.resolve();

  constructor(private readonly db: ClaimdeskDb) {}

  /**
   * Brings the index up to the store. It may run inside a live query: the reads come first (so
   * they are observed), then the index is changed, one sync at a time and in slices that let the
   * window respond (the first one, for a large library, indexes every claim). A sync whose reads
   * are older than those of one already applied changes nothing.
   */
  async sync(): Promise<void> {
    const run = ++this.started;
    const stamps = new Map<string, string>();
    await this.db.annotations.orderBy('modified').eachKey((modified, cursor) => {
      stamps.set(cursor.primaryKey as string, modified as string);
    });
    await this.db.annotations.orderBy('documentId').eachKey((documentId, cursor) => {
      const id = cursor.primaryKey as string;
      stamps.set(id, `${stamps.get(id) ?? ''}|${documentId as string}`);
    });
    const changed = [...stamps].filter(([id, stamp]) => this.stamps.get(id) !== stamp).map(([id]) => id);
    const records = await this.db.annotations.bulkGet(changed);
    const factIds = new Set(await this.db.factChecks.toCollection().primaryKeys());
    const newFacts = await this.db.factChecks.bulkGet([...factIds].filter((id) => !this.factChecks.has(id)));

    const previous = this.applying;
    let finished = (): void => undefined;
    this.applying = new Promise<void>((resolve) => (finished = resolve));
    try {
      // Dexie.waitFor keeps the live query's observation across these non-Dexie waits.
      await Dexie.waitFor(previous);
      if (run < this.applied) return;
      this.applied = run;
      for (const id of this.stamps.keys()) if (!stamps.has(id)) this.index.remove(id);
      for (let i = 0; i < records.length; i++) {
        const a = records[i];
        if (a && !a.orphaned && a.target.quote.exact.trim() !== '')
          this.index.add(a.id, a.target.quote.exact, docGroup(a.documentId));
        else if (a) this.index.remove(a.id);
        if (i % INDEX_SLICE === INDEX_SLICE - 1) await Dexie.waitFor(nextTask());
      }
      this.stamps = stamps;
      for (const id of this.factChecks) if (!factIds.has(id)) this.index.remove(id);
      for (const f of newFacts) if (f) this.index.add(f.id, f.claimReviewed, FACT_CHECK_GROUP);
      this.factChecks = factIds;
    } finally {
      finished();
    }
  }

  /** What the library and the fact-checks hold of this claim. */
  async checkedBefore(claim: AnnotationRecord): Promise<CheckedBefore> {
    await this.sync();
    const found = this.index.match(claim.target.quote.exact, {
      skipId: claim.id,
      skipGroup: docGroup(claim.documentId),
      limit: COUNTED,
    });
    const inLibrary = found.filter((m) => m.group !== FACT_CHECK_GROUP);
    const shown = found.slice(0, SHOWN);
    const documentIds = [...new Set([claim.documentId, ...inLibrary.map((m) => m.group.slice(4))])];
    const documents = new Map<string, DocumentRecord>();
    for (const d of await this.db.documents.bulkGet(documentIds)) if (d) documents.set(d.id, d);
    const own = documents.get(claim.documentId);
    const versions = own ? versionIds(own) : new Set([claim.documentId]);
    // A replaced version counts as the article that replaced it.
    const article = (id: string): string => {
      const d = documents.get(id);
      return versions.has(id) ? claim.documentId : (d?.supersededBy ?? id);
    };
    const articles = new Set([claim.documentId, ...inLibrary.map((m) => article(m.group.slice(4)))]).size;
    const matches = await this.describe(shown, documents, versions);
    return { matches, articles };
  }

  private async describe(
    shown: ClaimMatch[],
    documents: Map<string, DocumentRecord>,
    versions: Set<string>,
  ): Promise<CheckedBeforeMatch[]> {
    const annotations = new Map<string, AnnotationRecord>();
    const facts = new Map<string, FactCheckRecord>();
    const libraryIds = shown.filter((m) => m.group !== FACT_CHECK_GROUP).map((m) => m.id);
    for (const a of await this.db.annotations.bulkGet(libraryIds)) if (a) annotations.set(a.id, a);
    const factIds = shown.filter((m) => m.group === FACT_CHECK_GROUP).map((m) => m.id);
    for (const f of await this.db.factChecks.bulkGet(factIds)) if (f) facts.set(f.id, f);
    const claimantIds = [...annotations.values()].flatMap((a) => (a.claimantId ? [a.claimantId] : []));
    const names = new Map<string, string>();
    for (const s of await this.db.sources.bulkGet(claimantIds)) if (s) names.set(s.id, s.name);
    return shown.flatMap((m): CheckedBeforeMatch[] => {
      const f = facts.get(m.id);
      if (f)
        return [
          {
            kind: 'fact-check',
            id: f.id,
            quote: f.claimReviewed,
            verdict: f.verdict,
            ratingText: f.ratingText,
            reviewer: f.reviewer,
            claimant: f.claimant,
            date: f.datePublished ?? f.claimDate,
            url: f.url,
            score: m.score,
          },
        ];
      const a = annotations.get(m.id);
      if (!a) return [];
      return [
        {
          kind: 'claim',
          id: a.id,
          documentId: a.documentId,
          title: documents.get(a.documentId)?.title ?? '',
          quote: a.target.quote.exact,
          verdict: a.verdict,
          claimant: a.claimantId ? (names.get(a.claimantId) ?? null) : null,
          date: a.modified,
          otherVersion: versions.has(a.documentId),
          score: m.score,
        },
      ];
    });
  }
}

/** The ids of a document's nearest versions: the one it replaced and the one replacing it. */
function versionIds(d: DocumentRecord): Set<string> {
  const ids = new Set([d.id]);
  if (d.previousVersionId) ids.add(d.previousVersionId);
  if (d.supersededBy) ids.add(d.supersededBy);
  return ids;
}

const claimLibraryOf = perLibrary((db) => new ClaimLibrary(db));

/** The claim's matches, live: they follow edits, new claims and imported fact-checks. */
export function useCheckedBefore(claim: AnnotationRecord): CheckedBefore | undefined {
  const library = claimLibraryOf(useLibrary().db);
  return useLiveQuery(
    () => library.checkedBefore(claim),
    [library, claim.id, claim.documentId, claim.target.quote.exact],
  );
}
