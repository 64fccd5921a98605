// The window's modal dialogs: the command palette, shortcuts, labels, export, import, settings and
// the delete confirmation. At most one of the named dialogs is open; App says which.
import { useCallback, useMemo, type ReactElement } from 'react';
import type { LabelRecord } from '../../../src-shared/model';
import type { LibraryEntry } from '../db/database';
import { db } from '../db/instance';
import { CommandPalette } from '../components/CommandPalette';
import { DeleteConfirm, type DeleteRequest } from '../components/DeleteConfirm';
import { ExportDataDialog } from '../components/ExportDataDialog';
import { ExportReportDialog } from '../components/ExportReportDialog';
import { ImportDialog } from '../components/ImportDialog';
import { LabelsDialog } from '../components/LabelsDialog';
import { SettingsDialog } from '../components/SettingsDialog';
import { ShortcutsSheet } from '../components/ShortcutsSheet';
import type { Command } from './commands';
import type { SearchGroup } from './library-search';
import type { Notices } from './use-notices';

export type AppDialog =
  'palette' | 'shortcuts' | 'labels' | 'export-report' | 'export-data' | 'import' | 'settings';

interface Props extends Pick<Notices, 'notify' | 'onError' | 'onInfo'> {
  dialog: AppDialog | null;
  onDialog: (dialog: AppDialog | null) => void;
  deleting: DeleteRequest | null;
  onDeleting: (request: DeleteRequest | null) => void;
  commands: readonly Command[];
  documents: readonly LibraryEntry[];
  labels: readonly LabelRecord[];
  onOpenDocument: (id: string) => void;
  currentDocumentId: string | null;
  picked: ReadonlySet<string>;
  searchGroups: readonly SearchGroup[] | null;
  onLibraryReplaced: () => void;
}

export function AppDialogs({
  dialog,
  onDialog,
  deleting,
  onDeleting,
  commands,
  documents,
  labels,
  onOpenDocument,
  currentDocumentId,
  picked,
  searchGroups,
  onLibraryReplaced,
  notify,
  onError,
  onInfo,
}: Props): ReactElement {
  const closeDialog = useCallback(() => onDialog(null), [onDialog]);
  // The export dialogs take the search's results as ids; one object per result set, so their
  // ClaimReview check does not rerun on every render.
  const searchResults = useMemo(
    () =>
      searchGroups && searchGroups.length > 0
        ? {
            documentIds: searchGroups.map((g) => g.documentId),
            annotationIds: searchGroups.flatMap((g) => g.hits.map((a) => a.id)),
          }
        : null,
    [searchGroups],
  );
  return (
    <>
      <DeleteConfirm
        request={deleting}
        onClose={() => onDeleting(null)}
        onDeleted={(message) => notify('info', message)}
        onError={onError}
      />
      <CommandPalette
        open={dialog === 'palette'}
        commands={commands}
        documents={documents}
        onOpenDocument={onOpenDocument}
        onClose={closeDialog}
      />
      <ShortcutsSheet
        open={dialog === 'shortcuts'}
        commands={commands}
        labelNames={labels.map((l) => l.name)}
        onClose={closeDialog}
      />
      <LabelsDialog db={db} open={dialog === 'labels'} onClose={closeDialog} onError={onError} />
      <ExportReportDialog
        db={db}
        open={dialog === 'export-report'}
        onClose={closeDialog}
        onError={onError}
        onInfo={onInfo}
        currentDocumentId={currentDocumentId}
        documents={documents}
        picked={picked}
        searchResults={searchResults}
      />
      <ExportDataDialog
        db={db}
        open={dialog === 'export-data'}
        onClose={closeDialog}
        onError={onError}
        onInfo={onInfo}
        currentDocumentId={currentDocumentId}
        searchResults={searchResults}
        onOpenSettings={() => onDialog('settings')}
      />
      <ImportDialog
        db={db}
        open={dialog === 'import'}
        onClose={closeDialog}
        onError={onError}
        onInfo={onInfo}
        onLibraryReplaced={onLibraryReplaced}
      />
      <SettingsDialog
        db={db}
        open={dialog === 'settings'}
        onClose={closeDialog}
        onError={onError}
        onInfo={onInfo}
      />
    </>
  );
}
