// The export actions behind the Export dialogs: read the part of the library asked for, run the
// exporter, and save the result through the bridge (a native save dialog on the desktop, a
// download in the browser); PDF goes to printToPDF on the desktop and to the print dialog in
// the browser.
import { serialiseBackup } from '../../../src-shared/export/backup';
import { toClaimReviews, type ClaimReviewExport } from '../../../src-shared/export/claimreview';
import { annotationsToCsv } from '../../../src-shared/export/csv';
import { markdownReport } from '../../../src-shared/export/markdown-report';
import { toAnnotationCollection } from '../../../src-shared/export/w3c-export';
import { codebookQdc, qdpxArchive } from '../../../src-shared/qda/qde-write';
import type { LibrarySnapshot } from '../../../src-shared/model';
import { err, ok, type Result } from '../../../src-shared/result';
import { APP_NAME, GENERATOR, newCollectionId } from '../../../src-shared/report/export-identity';
import { htmlLibraryReport } from '../../../src-shared/report/html-report';
import type { ClaimdeskBridge, SaveOutcome, SaveRequest } from '../../../src-shared/rpc-calls';
import { getBridge } from '../bridge/bridge';
import type { ClaimdeskDb } from '../db/database';
import { readSnapshot, type SnapshotScope } from '../db/snapshot';
import { printReport } from './print-report';

export type ReportFormat = 'html' | 'pdf' | 'md';
export type DataFormat = 'csv' | 'w3c' | 'claimreview' | 'qdpx' | 'qdc' | 'backup';

/** What the analyst chose to export: documents (in order) and, for a search, its annotations. */
export type ExportScope = SnapshotScope;

export interface ExportOptions {
  bridge?: ClaimdeskBridge;
  now?: Date;
  /** Browser PDF: the tab opened in the click handler (see openPrintWindow). */
  printWindow?: Window | null;
}

/** YYYY-MM-DD in the analyst's time zone, for file names. */
function day(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file name from a title: letters and digits of any script kept, the rest one dash. */
export function fileSlug(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

function reportBaseName(snapshot: LibrarySnapshot, now: Date): string {
  const only = snapshot.documents.length === 1 ? snapshot.documents[0] : undefined;
  return only ? `${fileSlug(only.title, 'article')} - Claimdesk report` : `Claimdesk report ${day(now)}`;
}

function savedMessage(what: string, saved: SaveOutcome): string | null {
  return saved.path ? `${what} saved: ${saved.path}` : null;
}

async function save(
  bridge: ClaimdeskBridge,
  what: string,
  request: SaveRequest,
): Promise<Result<string | null>> {
  const saved = await bridge.saveFile(request);
  if (!saved.ok) return err(`The ${what.toLowerCase()} could not be saved: ${saved.error}`);
  return ok(savedMessage(what, saved.value));
}

/** The documents a report covers: the scope's, or those of its annotations. */
function reportDocumentIds(snapshot: LibrarySnapshot, scope: ExportScope): string[] {
  return scope.documentIds ? [...scope.documentIds] : snapshot.documents.map((d) => d.id);
}

/**
 * Exports a report. Returns the message to show (null when the analyst cancelled the save), or
 * what went wrong.
 */
export async function exportReport(
  db: ClaimdeskDb,
  format: ReportFormat,
  scope: ExportScope,
  options: ExportOptions = {},
): Promise<Result<string | null>> {
  const { printWindow } = options;
  try {
    const result = await makeReport(db, format, scope, options);
    // A print tab left blank by a failure would only puzzle the analyst.
    if (!result.ok && printWindow && !printWindow.closed) printWindow.close();
    return result;
  } catch (error) {
    if (printWindow && !printWindow.closed) printWindow.close();
    throw error;
  }
}

async function makeReport(
  db: ClaimdeskDb,
  format: ReportFormat,
  scope: ExportScope,
  { bridge = getBridge(), now = new Date(), printWindow = null }: ExportOptions,
): Promise<Result<string | null>> {
  const snapshot = await readSnapshot(db, scope);
  if (snapshot.documents.length === 0)
    return err('There is nothing to report: no document is in the chosen scope.');
  const documentIds = reportDocumentIds(snapshot, scope);
  const name = reportBaseName(snapshot, now);
  if (format === 'md')
    return save(bridge, 'Report', {
      suggestedName: `${name}.md`,
      mime: 'text/markdown',
      content: markdownReport(snapshot, documentIds),
    });
  const html = htmlLibraryReport(snapshot, {
    documentIds,
    annotationIds: scope.annotationIds,
    generatedAt: now.toISOString(),
  });
  if (format === 'html')
    return save(bridge, 'Report', { suggestedName: `${name}.html`, mime: 'text/html', content: html });
  if (bridge.edition === 'web') {
    const printed = await printReport(html, printWindow);
    return printed.ok
      ? ok('The report is open for printing: choose “Save as PDF” in the print dialog.')
      : printed;
  }
  const saved = await bridge.printToPdf({ suggestedName: `${name}.pdf`, html });
  if (!saved.ok) return err(`The PDF could not be made: ${saved.error}`);
  return ok(savedMessage('PDF', saved.value));
}

/** The backup file's text for the whole library. */
export async function backupText(db: ClaimdeskDb, now = new Date()): Promise<string> {
  return serialiseBackup(await readSnapshot(db), { app: APP_NAME, createdAt: now.toISOString() });
}

export interface ClaimReviewCheck extends ClaimReviewExport {
  /** The quoted claim of each annotation with a problem, to name it to the analyst. */
  quotes: Map<string, string>;
}

/** What a ClaimReview export of the scope would hold, and which claims it would leave out. */
export async function checkClaimReviews(db: ClaimdeskDb, scope: ExportScope): Promise<ClaimReviewCheck> {
  const snapshot = await readSnapshot(db, scope);
  const result = toClaimReviews(snapshot, scope.annotationIds ? [...scope.annotationIds] : undefined);
  const quotes = new Map(snapshot.annotations.map((a) => [a.id, a.target.quote.exact]));
  return { ...result, quotes };
}

/** Exports annotation data (CSV, W3C, ClaimReview) for the scope, or a backup of the whole library. */
export async function exportData(
  db: ClaimdeskDb,
  format: DataFormat,
  scope: ExportScope,
  { bridge = getBridge(), now = new Date() }: ExportOptions = {},
): Promise<Result<string | null>> {
  const stamp = day(now);
  if (format === 'backup')
    return save(bridge, 'Backup', {
      suggestedName: `claimdesk-backup-${stamp}.json`,
      mime: 'application/json',
      content: await backupText(db, now),
    });
  const snapshot = await readSnapshot(db, scope);
  const ids = scope.annotationIds ? [...scope.annotationIds] : undefined;
  if (format === 'qdc')
    return save(bridge, 'Codebook', {
      suggestedName: `Claimdesk codebook ${stamp}.qdc`,
      mime: 'application/xml',
      content: await codebookQdc(snapshot.labels, APP_NAME),
    });
  if (format === 'qdpx') {
    // The documents are the project's sources: a document without highlights still goes.
    if (snapshot.documents.length === 0)
      return err('There is nothing to export: no document is in the chosen scope.');
    const { bytes } = await qdpxArchive(snapshot, { origin: APP_NAME, now, annotationIds: ids });
    return save(bridge, 'REFI-QDA project', {
      suggestedName: `Claimdesk project ${stamp}.qdpx`,
      mime: 'application/zip',
      content: bytes,
    });
  }
  if (snapshot.annotations.length === 0)
    return err('There is nothing to export: no annotation is in the chosen scope.');
  switch (format) {
    case 'csv':
      return save(bridge, 'Table', {
        suggestedName: `Claimdesk annotations ${stamp}.csv`,
        mime: 'text/csv',
        content: annotationsToCsv(snapshot, ids),
      });
    case 'w3c':
      return save(bridge, 'Annotations', {
        suggestedName: `Claimdesk annotations ${stamp}.jsonld`,
        mime: 'application/ld+json',
        content: `${JSON.stringify(
          toAnnotationCollection(snapshot, {
            id: newCollectionId(),
            generator: GENERATOR,
            annotationIds: ids,
          }),
          null,
          2,
        )}\n`,
      });
    case 'claimreview': {
      const { reviews } = toClaimReviews(snapshot, ids);
      if (reviews.length === 0)
        return err('No claim is ready for ClaimReview: see what each one still needs.');
      return save(bridge, 'ClaimReview file', {
        suggestedName: `Claimdesk ClaimReview ${stamp}.json`,
        mime: 'application/ld+json',
        content: `${JSON.stringify(reviews, null, 2)}\n`,
      });
    }
  }
}
