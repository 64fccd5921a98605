// Annotations as an RFC 4180 CSV table for spreadsheets: one row per annotation, its evidence
// items side by side in groups of columns at the end of the row (Evidence 1 stance, Evidence 1
// title, …, Evidence 2 stance, …), as many groups as the annotation with the most evidence needs.
import type { EvidenceItem, LibrarySnapshot } from '../model';
import { completeWebAddress } from '../url-trust';
import { PRIORITY_NAMES, STANCE_NAMES, STATUS_NAMES } from './display-names';
import {
  citedSourceNames,
  indexSnapshot,
  labelName,
  selectAnnotations,
  type SnapshotIndex,
} from './snapshot-index';
import { VERDICT_NAMES } from './verdicts';

export const CSV_COLUMNS = [
  'Document',
  'Source file',
  'Quote',
  'Start',
  'End',
  'Label',
  'Verdict',
  'Rationale',
  'Status',
  'Priority',
  'Claimant',
  'Cited sources',
  'Notes',
  'Analyst',
  'Created',
  'Modified',
  'Published fact-check',
  'Article URL',
  'Article published',
] as const;

/** The columns of each evidence item, after the fixed ones: `Evidence 1 stance` and so on. */
export const EVIDENCE_FIELDS = ['stance', 'title', 'URL', 'source', 'note', 'accessed'] as const;

/** The header: the fixed columns, then one group per evidence item (at least one group). */
export function csvColumns(evidenceGroups: number): string[] {
  const groups = Array.from({ length: Math.max(1, evidenceGroups) }, (_, i) =>
    EVIDENCE_FIELDS.map((f) => `Evidence ${i + 1} ${f}`),
  );
  return [...CSV_COLUMNS, ...groups.flat()];
}

function evidenceCells(e: EvidenceItem, index: SnapshotIndex): string[] {
  return [
    STANCE_NAMES[e.stance],
    e.title,
    // Completed as the editor completes it; anything else as stored (shown, never a link).
    completeWebAddress(e.url) ?? e.url,
    (e.sourceId && index.sources.get(e.sourceId)?.name) || '',
    e.note,
    e.accessed ?? '',
  ];
}

// Excel and LibreOffice read a cell starting with one of these as a formula (CSV injection);
// a leading apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised against formula injection, then quoted if RFC 4180 requires it. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV file: a UTF-8 BOM (so Excel reads Arabic as UTF-8), a header row, CRLF line ends.
 * Cited sources are one name per line inside their cell; an annotation with fewer evidence
 * items than the most has empty cells in the groups it does not fill.
 */
export function annotationsToCsv(snapshot: LibrarySnapshot, annotationIds?: string[]): string {
  const index = indexSnapshot(snapshot);
  const selected = selectAnnotations(snapshot, index, annotationIds);
  const groups = Math.max(1, ...selected.map((a) => a.evidence.length));
  const rows: string[] = [csvColumns(groups).map(csvCell).join(',')];
  for (const a of selected) {
    const doc = index.documents.get(a.documentId);
    const row: (string | number)[] = [
      doc?.title ?? '',
      doc?.sourceFile ?? '',
      a.target.quote.exact,
      a.target.position.start,
      a.target.position.end,
      labelName(index, a),
      a.verdict ? VERDICT_NAMES[a.verdict] : '',
      a.rationale,
      STATUS_NAMES[a.status],
      PRIORITY_NAMES[a.priority],
      (a.claimantId && index.sources.get(a.claimantId)?.name) || '',
      citedSourceNames(index, a).join('\n'),
      a.notes,
      a.author,
      a.created,
      a.modified,
      a.reviewUrl ?? '',
      doc?.url ?? '',
      doc?.published ?? '',
      ...a.evidence.flatMap((e) => evidenceCells(e, index)),
      ...Array<string>((groups - a.evidence.length) * EVIDENCE_FIELDS.length).fill(''),
    ];
    rows.push(row.map(csvCell).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
