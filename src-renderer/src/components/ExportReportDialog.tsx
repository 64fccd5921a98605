// "Export report…": the fact-check report as HTML, PDF or Markdown, for the open document, the
// documents ticked in the dialog (each with its number of annotations; the articles picked in the
// library come ticked), the whole library, or the current search's results. The dialog opens with
// the choice it was last left with.
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocumentRecord } from '../../../src-shared/model';
import { exportReport, type ExportScope, type ReportFormat } from '../app/exports';
import { useLibrary } from '../app/library-context';
import { openPrintWindow } from '../app/print-report';
import { getBridge } from '../bridge/bridge';
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

export interface ExportReportDialogProps extends ExportDialogProps {
  /** The library's documents, in its order, offered for "Selected documents". */
  documents: readonly Pick<DocumentRecord, 'id' | 'title'>[];
  /** The articles picked in the library (Ctrl/Shift+click). */
  picked?: ReadonlySet<string>;
}

/** The scope the dialog was last left with, offered again when it next opens. */
let lastChoice: { kind: ScopeKind; ids: ReadonlySet<string> } | null = null;

/** Each document's number of annotations, from the annotations' documentId index alone. */
function useAnnotationCounts(): ReadonlyMap<string, number> | undefined {
  const { db } = useLibrary();
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const id of await db.annotations.orderBy('documentId').keys())
      counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
    return counts;
  }, [db]);
}

const PDF_IN_BROWSER = 'opens the browser’s print dialog: choose “Save as PDF”';

const FORMATS: FormatOption<ReportFormat>[] = [
  { value: 'html', label: 'HTML', hint: 'one self-contained file for any browser' },
  { value: 'pdf', label: 'PDF', hint: 'for printing and sending' },
  { value: 'md', label: 'Markdown', hint: 'plain text for wikis and editors' },
];

export function ExportReportDialog(props: ExportReportDialogProps): ReactElement {
  return (
    <Modal label="Export report" open={props.open} onClose={props.onClose} className="cd-xd">
      <ReportForm {...props} />
    </Modal>
  );
}

/** Mounted only while the dialog is open, so each opening starts from the current state. */
function ReportForm({
  onClose,
  currentDocumentId,
  documents: listed,
  picked,
  searchResults,
}: ExportReportDialogProps): ReactElement {
  // An article in two files is listed twice in the library, once here.
  const documents = useMemo(() => [...new Map(listed.map((d) => [d.id, d])).values()], [listed]);
  const { db } = useLibrary();
  const counts = useAnnotationCounts();
  const [format, setFormat] = useState<ReportFormat>('html');
  const [kind, setKind] = useState<ScopeKind>(() => {
    if (picked && picked.size > 1) return 'selected';
    const last = lastChoice?.kind;
    if (last === 'selected' || last === 'library') return last;
    if (last === 'search' && searchResults) return last;
    return currentDocumentId ? 'document' : searchResults ? 'search' : 'selected';
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(() =>
    picked && picked.size > 1
      ? picked
      : (lastChoice?.ids ?? new Set(currentDocumentId ? [currentDocumentId] : [])),
  );
  useEffect(() => {
    lastChoice = { kind, ids: selected };
  }, [kind, selected]);
  const runner = useRunner('export-report');
  const web = getBridge().edition === 'web';

  const scope = ((): ExportScope | null => {
    if (kind === 'document') return currentDocumentId ? { documentIds: [currentDocumentId] } : null;
    if (kind === 'search')
      return searchResults
        ? { documentIds: [...searchResults.documentIds], annotationIds: [...searchResults.annotationIds] }
        : null;
    const ids = documents.filter((d) => kind === 'library' || selected.has(d.id)).map((d) => d.id);
    return ids.length > 0 ? { documentIds: ids } : null;
  })();

  const toggle = (id: string, on: boolean): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const start = (): void => {
    if (!scope) return;
    // The print tab must open now, while the click still counts as the analyst's.
    const printWindow = format === 'pdf' && web ? openPrintWindow() : null;
    void runner.run(() => exportReport(db, format, scope, { printWindow })).then((done) => done && onClose());
  };

  return (
    <form
      className="cd-xd-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <DialogHeader title="Export report" onClose={onClose} />
      <ErrorBox message={runner.error} />
      <FormatChoice
        name="report-format"
        formats={web ? FORMATS.map((f) => (f.value === 'pdf' ? { ...f, hint: PDF_IN_BROWSER } : f)) : FORMATS}
        value={format}
        onChange={setFormat}
      />
      <ScopeChoice
        name="report-scope"
        value={kind}
        onChange={setKind}
        options={[
          {
            kind: 'document',
            label: 'This document',
            unavailable: currentDocumentId ? undefined : 'no document is open',
          },
          { kind: 'selected', label: 'Selected documents', hint: `${selected.size} chosen` },
          {
            kind: 'library',
            label: 'Whole library',
            unavailable: documents.length > 0 ? undefined : 'the library is empty',
            hint: `${documents.length.toLocaleString()} document${documents.length === 1 ? '' : 's'}`,
          },
          {
            kind: 'search',
            label: 'Current search results',
            unavailable: searchResults ? undefined : 'search first',
            hint: describeSearch(searchResults),
          },
        ]}
      >
        {kind === 'selected' && (
          <div className="cd-xd-docs" role="group" aria-label="Documents">
            {documents.length === 0 && <p className="cd-xd-hint">The library is empty.</p>}
            {documents.map((d) => (
              <label key={d.id}>
                <input
                  type="checkbox"
                  checked={selected.has(d.id)}
                  onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                />
                <span dir="auto">{d.title}</span>
                <small className="cd-xd-count">{annotationCount(counts?.get(d.id) ?? 0)}</small>
              </label>
            ))}
          </div>
        )}
      </ScopeChoice>
      {kind === 'selected' && documents.length > 1 && (
        <p className="cd-xd-hint">
          <button type="button" onClick={() => setSelected(new Set(documents.map((d) => d.id)))}>
            Select all
          </button>{' '}
          <button type="button" onClick={() => setSelected(new Set())}>
            Select none
          </button>
        </p>
      )}
      <div className="cd-xd-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="cd-xd-primary" disabled={!scope || runner.busy}>
          {runner.busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </form>
  );
}

const annotationCount = (n: number): string =>
  n === 0 ? 'no annotations' : `${n} annotation${n === 1 ? '' : 's'}`;
