// The window's modal dialogs: the command palette, shortcuts, labels, export, import, settings and
// the delete confirmation. At most one of the named dialogs is open; App says which.
import { useCallback, useMemo, type ReactElement } from 'react';
import type { LabelRecord } from '../../../src-shared/model';
import type { LibraryEntry } from '../db/database';
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

export type AppDialog =
  'palette' | 'shortcuts' | 'labels' | 'export-report' | 'export-data' | 'import' | 'settings';

interface Props {
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
      <DeleteConfirm request={deleting} onClose={() => onDeleting(null)} />
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
      <LabelsDialog open={dialog === 'labels'} onClose={closeDialog} />
      <ExportReportDialog
        open={dialog === 'export-report'}
        onClose={closeDialog}
        currentDocumentId={currentDocumentId}
        documents={documents}
        picked={picked}
        searchResults={searchResults}
      />
      <ExportDataDialog
        open={dialog === 'export-data'}
        onClose={closeDialog}
        currentDocumentId={currentDocumentId}
        searchResults={searchResults}
        onOpenSettings={() => onDialog('settings')}
      />
      <ImportDialog open={dialog === 'import'} onClose={closeDialog} onLibraryReplaced={onLibraryReplaced} />
      <SettingsDialog open={dialog === 'settings'} onClose={closeDialog} />
    </>
  );
}
