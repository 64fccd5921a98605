// "Export data…": annotations as a CSV table, W3C Web Annotations, ClaimReview markup or a
// REFI-QDA project (for the whole library, the open document or the current search), the labels
// as a REFI-QDA codebook, or a backup of the whole library.
// ClaimReview lists, before anything is saved, each claim that still lacks what it requires.
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { MISSING } from '../../../src-shared/export/claimreview';
import {
  checkClaimReviews,
  exportData,
  type ClaimReviewCheck,
  type DataFormat,
  type ExportScope,
} from '../app/exports';
import { useLibrary } from '../app/library-context';
import {
  FormatChoice,
  type ExportDialogProps,
  type FormatOption,
  DialogHeader,
  ErrorBox,
  ScopeChoice,
  describeSearch,
  useRunner,
  type ScopeKind,
} from './dialog-parts';
import { Modal } from './Modal';
import { plural } from '../../../src-shared/util/plural';

export interface ExportDataDialogProps extends ExportDialogProps {
  /** Offered when ClaimReview lacks the organisation's name or address. */
  onOpenSettings?: () => void;
}

const FORMATS: FormatOption<DataFormat>[] = [
  {
    value: 'csv',
    label: 'CSV table',
    hint: 'one row per annotation, each evidence item in columns of its own, for spreadsheets',
  },
  { value: 'w3c', label: 'W3C Web Annotation', hint: 'JSON-LD that annotation tools (and Claimdesk) import' },
  { value: 'claimreview', label: 'ClaimReview', hint: 'schema.org markup of checked claims, for publishing' },
  {
    value: 'qdpx',
    label: 'REFI-QDA project',
    hint: '.qdpx with the texts and coded highlights, for ATLAS.ti, MAXQDA, NVivo, QualCoder',
  },
  { value: 'qdc', label: 'REFI-QDA codebook', hint: '.qdc of the labels, for the same tools' },
  { value: 'backup', label: 'Backup', hint: 'the whole library in one file, to restore or move' },
];

export function ExportDataDialog(props: ExportDataDialogProps): ReactElement {
  return (
    <Modal label="Export data" open={props.open} onClose={props.onClose} className="cd-xd">
      <DataForm {...props} />
    </Modal>
  );
}

function DataForm({
  onClose,
  currentDocumentId,
  searchResults,
  onOpenSettings,
}: ExportDataDialogProps): ReactElement {
  const [format, setFormat] = useState<DataFormat>('csv');
  const [kind, setKind] = useState<ScopeKind>('library');
  const { db } = useLibrary();
  const runner = useRunner('export-data');

  const scope = useMemo((): ExportScope | null => {
    if (kind === 'library') return {};
    if (kind === 'document') return currentDocumentId ? { documentIds: [currentDocumentId] } : null;
    return searchResults
      ? { documentIds: [...searchResults.documentIds], annotationIds: [...searchResults.annotationIds] }
      : null;
  }, [kind, currentDocumentId, searchResults]);

  const check = useClaimReviewCheck(format === 'claimreview' ? scope : null);
  const ready = format !== 'claimreview' || (check !== null && check.reviews.length > 0);
  const label =
    format === 'claimreview' && check ? `Export ${plural(check.reviews.length, 'ClaimReview')}` : 'Export';

  const start = (): void => {
    if (!scope && format !== 'backup') return;
    void runner.run(() => exportData(db, format, scope ?? {})).then((done) => done && onClose());
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <DialogHeader title="Export data" onClose={onClose} />
      <ErrorBox message={runner.error} />
      <FormatChoice name="data-format" formats={FORMATS} value={format} onChange={setFormat} />
      {format === 'backup' ? (
        <p className="cd-xd-hint">
          A backup holds every document, annotation, label and source, and your settings. Restore it with
          Import….
        </p>
      ) : (
        <ScopeChoice
          name="data-scope"
          value={kind}
          onChange={setKind}
          options={[
            { kind: 'library', label: 'Whole library' },
            {
              kind: 'document',
              label: 'This document',
              unavailable: currentDocumentId ? undefined : 'no document is open',
            },
            {
              kind: 'search',
              label: 'Current search results',
              unavailable: searchResults ? undefined : 'search first',
              hint: describeSearch(searchResults),
            },
          ]}
        />
      )}
      {format === 'claimreview' && (
        <ClaimReviewSummary check={check} onOpenSettings={onOpenSettings} onClose={onClose} />
      )}
      <div className="cd-xd-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="cd-xd-primary"
          disabled={runner.busy || !ready || (!scope && format !== 'backup')}
        >
          {runner.busy ? 'Exporting…' : label}
        </button>
      </div>
    </form>
  );
}

/** What a ClaimReview export of the scope would hold; null while it is being worked out. */
function useClaimReviewCheck(scope: ExportScope | null): ClaimReviewCheck | null {
  const { db } = useLibrary();
  const [result, setResult] = useState<{ scope: ExportScope; check: ClaimReviewCheck } | null>(null);
  useEffect(() => {
    if (!scope) return;
    let live = true;
    void checkClaimReviews(db, scope).then((check) => live && setResult({ scope, check }));
    return () => {
      live = false;
    };
  }, [db, scope]);
  // A result for another scope is stale: show nothing until this one's arrives.
  return result && result.scope === scope ? result.check : null;
}

function ClaimReviewSummary({
  check,
  onOpenSettings,
  onClose,
}: {
  check: ClaimReviewCheck | null;
  onOpenSettings?: () => void;
  onClose: () => void;
}): ReactElement {
  if (!check) return <p className="cd-xd-hint">Checking the claims…</p>;
  const { reviews, problems, quotes } = check;
  const needsSettings = problems.some((p) =>
    p.missing.some((m) => m === MISSING.organisationName || m === MISSING.organisationUrl),
  );
  return (
    <>
      <p className="cd-xd-hint" role="status">
        {reviews.length === 0
          ? 'No claim is ready for ClaimReview yet.'
          : `${plural(reviews.length, 'claim')} ready: those marked Checked or Published, with a verdict.`}
      </p>
      {problems.length > 0 && (
        <div className="cd-xd-problems" role="region" aria-label="Claims left out">
          <p>
            <strong>
              {plural(problems.length, 'claim')} cannot go into ClaimReview until{' '}
              {problems.length === 1 ? 'it has' : 'each has'} what is missing:
            </strong>
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p.annotationId}>
                <q dir="auto">{quotes.get(p.annotationId) || p.annotationId}</q> — missing{' '}
                {p.missing.join(', ')}
              </li>
            ))}
          </ul>
          {needsSettings && onOpenSettings && (
            <p>
              <button
                type="button"
                onClick={() => {
                  onClose();
                  onOpenSettings();
                }}
              >
                Open Settings…
              </button>
            </p>
          )}
        </div>
      )}
    </>
  );
}
