// An annotation read from another tool's file (W3C Web Annotation, Hypothesis, REFI-QDA) as a
// library record: one set of rules for every format and for the CLI. Pure: the caller has
// already found the document, placed the passage in its text, and resolved the label and the
// claimant to ids. Status and priority, which no format carries, start as for a new highlight.
import { emptyClaim } from './claim-defaults';
import type { AnnotationRecord, AnnotationTarget, EvidenceStance, Verdict } from './model';

/** What an imported annotation may carry, whatever its format. */
export interface ImportedFields {
  /** The passage as the file gave it (either selector may be missing). */
  target: Partial<AnnotationTarget>;
  notes: string;
  author: string | null;
  created: string | null;
  modified?: string | null;
  verdict?: Verdict | null;
  rationale?: string;
  evidence?: readonly { url: string; title: string; stance: EvidenceStance }[];
}

/** Where the record goes, worked out by the caller. */
export interface ImportPlace {
  id: string;
  documentId: string;
  labelId: string;
  claimantId?: string | null;
  /** The passage in the document's text, or null when it is not there (kept as an orphan). */
  placed: AnnotationTarget | null;
}

export interface FromImportOptions {
  /** The time of the import: a record's `created` when the file gives no valid time. */
  importedAt: string;
  /** Ids for the record's evidence items (random by default). */
  evidenceId?: (index: number) => string;
}

/** A time stamp the file gave, as an ISO 8601 UTC string; null when there is none or it is not a time. */
export function validStamp(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** What an unplaceable annotation keeps: the quote and position it came with. */
export function keptTarget(target: Partial<AnnotationTarget>): AnnotationTarget {
  return {
    quote: target.quote ?? { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    position: target.position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
  };
}

export function fromImport(
  imported: ImportedFields,
  place: ImportPlace,
  { importedAt, evidenceId = () => globalThis.crypto.randomUUID() }: FromImportOptions,
): AnnotationRecord {
  const created = validStamp(imported.created) ?? importedAt;
  return {
    id: place.id,
    documentId: place.documentId,
    target: place.placed ?? keptTarget(imported.target),
    ...emptyClaim(),
    labelId: place.labelId,
    verdict: imported.verdict ?? null,
    rationale: imported.rationale ?? '',
    notes: imported.notes,
    claimantId: place.claimantId ?? null,
    evidence: (imported.evidence ?? []).map((e, i) => ({
      id: evidenceId(i),
      url: e.url,
      title: e.title,
      stance: e.stance,
      note: '',
      accessed: null,
      sourceId: null,
    })),
    author: imported.author ?? '',
    created,
    modified: validStamp(imported.modified) ?? created,
    orphaned: place.placed === null,
  };
}
