// The window's command handlers (keys, palette, toolbar) and the annotation steps they share:
// reveal, delete with an Undo notice, and following undo/redo to the annotation it touched.
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { AnnotationRecord } from '../../../src-shared/model';
import type { HistoryEntry } from '../db/annotation-changes';
import type { LibraryEntry } from '../db/database';
import type { LibraryStep } from '../db/library-steps';
import type { DeleteRequest } from '../components/DeleteConfirm';
import type { LeftView } from '../components/LeftPane';
import type { ArticleHandle } from '../editor/ArticleView';
import type { AppDialog } from './AppDialogs';
import { useLibrary } from './library-context';
import { shortText } from './short-text';
import type { AnnotationActions } from './use-annotation-actions';
import type { CommandHandlers } from './use-app-commands';
import type { OpenDocument } from './use-current-article';
import type { useFileActions } from './use-file-actions';
import type { useDocument } from './use-library';
import type { Suggestions } from './use-suggestions';

export interface HandlerInputs {
  /** The open document's annotations, in reading order. */
  annotations: readonly AnnotationRecord[];
  selectedId: string | null;
  setSelectedId: (id: string | null) => void;
  selected: AnnotationRecord | undefined;
  current: ReturnType<typeof useDocument>;
  currentId: string | null;
  documents: readonly LibraryEntry[];
  actions: AnnotationActions;
  files: ReturnType<typeof useFileActions>;
  fillClaimant: Suggestions['fillClaimant'];
  openDocument: OpenDocument;
  openExportReport: () => void;
  article: RefObject<ArticleHandle | null>;
  searchInput: RefObject<HTMLInputElement | null>;
  setDialog: (dialog: AppDialog) => void;
  setOverlap: (overlap: null) => void;
  setDeleting: (request: DeleteRequest) => void;
  setQuery: (query: string) => void;
  setView: (view: LeftView) => void;
}

export interface AppHandlers {
  handlers: CommandHandlers;
  /** Selects an annotation and scrolls the article to it. */
  reveal: (id: string) => void;
  /** Deletes an annotation, selects its neighbour and offers Undo. */
  remove: (annotation: AnnotationRecord) => Promise<void>;
}

export function useAppHandlers({
  annotations,
  selectedId,
  setSelectedId,
  selected,
  current,
  currentId,
  documents,
  actions,
  files,
  fillClaimant,
  openDocument,
  openExportReport,
  article,
  searchInput,
  setDialog,
  setOverlap,
  setDeleting,
  setQuery,
  setView,
}: HandlerInputs): AppHandlers {
  const { notify } = useLibrary().notices;
  const latestUndo = useRef<() => void>(() => undefined);

  const focusAnnotation = useCallback((id: string) => {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-annotation-id="${id}"]`)?.focus());
  }, []);

  const reveal = useCallback(
    (id: string) => {
      setSelectedId(id);
      article.current?.reveal(id);
    },
    [article, setSelectedId],
  );

  const afterHistory = useCallback(
    (batch: HistoryEntry | null, verb = 'Undone') => {
      // A library step (a deletion, a merge) has no one annotation to point at: it is named.
      if (batch && !Array.isArray(batch)) return notify('info', `${verb}: ${(batch as LibraryStep).label}`);
      const touched = batch?.map((c) => c.after ?? c.before).find(Boolean);
      if (!touched) return;
      if (touched.documentId !== currentId) openDocument(touched.documentId, null);
      setSelectedId(batch?.some((c) => c.after?.id === touched.id) ? touched.id : null);
    },
    [currentId, openDocument, notify, setSelectedId],
  );

  const remove = useCallback(
    async (annotation: AnnotationRecord) => {
      const index = annotations.findIndex((a) => a.id === annotation.id);
      if (!(await actions.remove(annotation))) return;
      const next = annotations[index + 1] ?? annotations[index - 1];
      setSelectedId(next?.id ?? null);
      if (next) focusAnnotation(next.id);
      notify('info', `Deleted “${shortText(annotation.target.quote.exact, 48)}”.`, {
        topic: 'delete',
        // The same step as Ctrl+Z, with the handlers of the moment the button is pressed.
        action: { label: 'Undo', run: () => latestUndo.current() },
      });
    },
    [annotations, actions, focusAnnotation, notify, setSelectedId],
  );

  const handlers = useMemo<CommandHandlers>(
    () => ({
      openFiles: () => void files.openFiles(),
      exportReport: openExportReport,
      exportData: () => setDialog('export-data'),
      importData: () => setDialog('import'),
      showSettings: () => setDialog('settings'),
      undo: () => void actions.undo().then(afterHistory),
      redo: () => void actions.redo().then((entry) => afterHistory(entry, 'Redone')),
      nextAnnotation(step) {
        const live = annotations.filter((a) => !a.orphaned);
        const at = live.findIndex((a) => a.id === selectedId);
        const next = live[at < 0 ? (step > 0 ? 0 : live.length - 1) : at + step];
        if (next) {
          reveal(next.id);
          focusAnnotation(next.id);
        }
      },
      editSelected: () => document.querySelector<HTMLElement>('.cd-claim-editor select')?.focus(),
      deleteSelected: () => selected && void remove(selected),
      leaveEditor() {
        setOverlap(null);
        window.getSelection()?.removeAllRanges();
        if (selectedId) focusAnnotation(selectedId);
      },
      focusSearch: () => searchInput.current?.focus(),
      showPalette: () => setDialog('palette'),
      showShortcuts: () => setDialog('shortcuts'),
      showLabels: () => setDialog('labels'),
      deleteDocuments(scope) {
        if (!current) return;
        const ids = documents.filter((d) => d.sourceFile === current.sourceFile).map((d) => d.id);
        setDeleting(
          scope === 'article'
            ? { documentIds: [current.id], what: `“${current.title}”` }
            : { documentIds: ids, what: `every article of ${current.sourceFile}` },
        );
      },
      showView: (v) => {
        setQuery('');
        setView(v);
      },
      setVerdict(verdict) {
        if (selected) void actions.patch(selected, { verdict }, 'verdict');
      },
      applyLabel(labelId) {
        if (window.getSelection()?.isCollapsed === false) {
          void actions.highlight(labelId).then((record) => {
            if (!record) return;
            setSelectedId(record.id);
            window.getSelection()?.removeAllRanges();
            void fillClaimant(record);
          });
        } else if (selected) {
          void actions.patch(selected, { labelId }, 'label');
        }
      },
    }),
    [
      files,
      openExportReport,
      actions,
      afterHistory,
      annotations,
      selectedId,
      selected,
      reveal,
      focusAnnotation,
      remove,
      fillClaimant,
      current,
      documents,
      searchInput,
      setDeleting,
      setDialog,
      setOverlap,
      setQuery,
      setSelectedId,
      setView,
    ],
  );
  useEffect(() => {
    latestUndo.current = handlers.undo;
  }, [handlers]);
  return { handlers, reveal, remove };
}
