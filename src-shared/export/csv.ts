// Annotations as an RFC 4180 CSV table for spreadsheets: one row per annotation.
import type { LibrarySnapshot } from '../model';
import { PRIORITY_NAMES, STATUS_NAMES } from './display-names';
import { citedSourceNames, indexSnapshot, labelName, selectAnnotations } from './snapshot-index';
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
  'Evidence URLs',
  'Notes',
  'Analyst',
  'Created',
  'Modified',
  'Article URL',
  'Article published',
] as const;

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
 * Lists (cited sources, evidence URLs) are one item per line inside their cell.
 */
export function annotationsToCsv(snapshot: LibrarySnapshot, annotationIds?: string[]): string {
  const index = indexSnapshot(snapshot);
  const rows: string[] = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const a of selectAnnotations(snapshot, index, annotationIds)) {
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
      a.evidence.map((e) => e.url).join('\n'),
      a.notes,
      a.author,
      a.created,
      a.modified,
      doc?.url ?? '',
      doc?.published ?? '',
    ];
    rows.push(row.map(csvCell).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
