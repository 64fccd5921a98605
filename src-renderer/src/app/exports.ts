// The export actions behind the Export dialogs: read the part of the library asked for, run the
// exporter, and save the result through the bridge (a native save dialog on the desktop, a
// download in the browser); PDF goes to printToPDF on the desktop and to the print dialog in
// the browser.
import { serialiseBackup } from '../../../src-shared/export/backup';
import { toClaimReviews, type ClaimReviewExport } from '../../../src-shared/export/claimreview';
import { EXPORTS, type ExportFormat, type ExportRequest } from '../../../src-shared/export/formats';
import { APP_NAME } from '../../../src-shared/report/export-identity';
import { htmlLibraryReport } from '../../../src-shared/report/html-report';
import type { LibrarySnapshot } from '../../../src-shared/model';
import { err, ok, type Result } from '../../../src-shared/result';
import type { ClaimdeskBridge, SaveOutcome, SaveRequest } from '../../../src-shared/rpc-calls';
import { getBridge } from '../bridge/bridge';
import type { ClaimdeskDb } from '../db/database';
import { readSnapshot, type SnapshotScope } from '../db/snapshot';
import { printReport } from './print-report';

export type ReportFormat = 'html' | 'pdf' | 'md';
export type DataFormat = Exclude<ExportFormat, 'html' | 'md'> | 'backup';

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

/**
 * Makes the file in `format` and saves it as `name` plus the format's extension. `whenEmpty`,
 * when given, says why a file holding nothing is not saved.
 */
async function saveExport(
  bridge: ClaimdeskBridge,
  format: ExportFormat,
  snapshot: LibrarySnapshot,
  request: ExportRequest,
  name: string,
  whenEmpty?: string,
): Promise<Result<string | null>> {
  const { label, extension, mime, make } = EXPORTS[format];
  const made = await make(snapshot, request);
  if (made.items === 0 && whenEmpty !== undefined) return err(whenEmpty);
  return save(bridge, label, { suggestedName: `${name}.${extension}`, mime, content: made.content });
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
  const request = { documentIds, annotationIds: scope.annotationIds && [...scope.annotationIds], now };
  if (format !== 'pdf') return saveExport(bridge, format, snapshot, request, name);
  const html = htmlLibraryReport(snapshot, { ...request, generatedAt: now.toISOString() });
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
  const request = {
    documentIds: snapshot.documents.map((d) => d.id),
    annotationIds: scope.annotationIds && [...scope.annotationIds],
    now,
  };
  const name = `${EXPORTS[format].fileStem} ${stamp}`;
  // A project's sources are its documents: a document without highlights still goes.
  if (format === 'qdpx' && snapshot.documents.length === 0)
    return err('There is nothing to export: no document is in the chosen scope.');
  if (format !== 'qdc' && format !== 'qdpx' && snapshot.annotations.length === 0)
    return err('There is nothing to export: no annotation is in the chosen scope.');
  const whenEmpty =
    format === 'claimreview'
      ? 'No claim is ready for ClaimReview: see what each one still needs.'
      : undefined;
  return saveExport(bridge, format, snapshot, request, name, whenEmpty);
}
