// The Claimdesk window: toolbar, library (or sources, orphans, search results), the article,
// and its annotations with the claim editor.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { desk, resumeDesk } from '../desk/desk-instance';
import type { SourceKind, SourceRecord } from '../../../src-shared/model';
import { createSource } from '../db/sources';
import { db, history } from '../db/instance';
import { AppDialogs, type AppDialog } from './AppDialogs';
import { startAutoBackup } from './auto-backup';
import { ArticleView, type ArticleHandle } from '../editor/ArticleView';
import { AnnotationsPanel } from '../components/AnnotationsPanel';
import { SuggestionMarks } from '../components/SuggestionMarks';
import { SuggestionsPanel } from '../components/SuggestionsPanel';
import { ArticleMeta } from '../components/ArticleMeta';
import { ImportProgress } from '../components/ImportProgress';
import { ClaimEditor } from '../components/ClaimEditor';
import type { DeleteRequest } from '../components/DeleteConfirm';
import { LeftPane, type LeftView } from '../components/LeftPane';
import { LibraryList } from '../components/LibraryList';
import { Notices } from '../components/Notices';
import { OrphansView } from '../components/OrphansView';
import { OverlapPicker } from '../components/OverlapPicker';
import { SearchResults } from '../components/SearchResults';
import { SelectionMenu } from '../components/SelectionMenu';
import { SourcesView } from '../components/SourcesView';
import { Toolbar } from '../components/Toolbar';
import { useAfterOpen, useCurrentArticle } from './use-current-article';
import { openExternalLink } from './open-link';
import { useLibrarySearch } from './library-search';
import { useAnnotationActions, useHistoryResetOnLabelRemoval } from './use-annotation-actions';
import { useAppCommands } from './use-app-commands';
import { useAppHandlers } from './use-app-handlers';
import { ACCEPT_FILES, useFileActions } from './use-file-actions';
import { useAnnotations, useDocument, useLabels, useLibraryEntries } from './use-library';
import { useSelectionMenu } from './use-selection-menu';
import { useNotices } from './use-notices';
import { useSuggestions } from './use-suggestions';

const NO_SOURCES: SourceRecord[] = [];

export function App(): ReactElement {
  const documents = useLibraryEntries();
  const labels = useLabels();
  const sources = useLiveQuery(() => db.sources.orderBy('name').toArray(), [], NO_SOURCES);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const articleColumn = useRef<HTMLElement>(null);
  const { currentId, place, openDocument, pendingRevealRef } = useCurrentArticle(
    setSelectedId,
    articleColumn,
  );
  const current = useDocument(currentId);
  const loaded = useAnnotations(current ? currentId : null);
  // The document and its annotations load separately; never pair one document with another's.
  const annotations = useMemo(() => loaded.filter((a) => a.documentId === current?.id), [loaded, current]);
  const [view, setView] = useState<LeftView>('library');
  const showLibrary = useCallback(() => setView('library'), []);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const [overlap, setOverlap] = useState<{ ids: string[]; top: number; left: number } | null>(null);
  const { notices, notify, dismiss, onError, onInfo } = useNotices();
  // Articles chosen in the library (Ctrl/Shift+click) for Export report and Delete.
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [deleting, setDeleting] = useState<DeleteRequest | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const article = useRef<ArticleHandle | null>(null);
  const searchGroups = useLibrarySearch(query);
  const selected = annotations.find((a) => a.id === selectedId);

  useEffect(() => startAutoBackup({ db, onError }), [onError]);
  useEffect(() => {
    resumeDesk().catch((e: unknown) => onError(`Could not reconnect to the desk: ${String(e)}`));
    const off = desk.onProblem(onError);
    return () => {
      off();
      void desk.stop();
    };
  }, [onError]);

  // Reveal an annotation once its document is on screen (after search, sources, orphans, undo).
  // Both the document and its annotations must have arrived: they load separately.
  useEffect(() => {
    const id = pendingRevealRef.current;
    if (id && current && annotations.some((a) => a.id === id && a.documentId === current.id)) {
      pendingRevealRef.current = null;
      requestAnimationFrame(() => article.current?.reveal(id));
    }
  }, [annotations, current, pendingRevealRef]);

  const { openEarly, afterOpen } = useAfterOpen(openDocument, notify, showLibrary);

  const openLink = useCallback((href: string) => openExternalLink(href, onError), [onError]);
  const articleRoot = useCallback(() => article.current?.root() ?? null, []);
  const openExportReport = useCallback(() => setDialog('export-report'), []);
  const files = useFileActions({ openExportReport, fileInput, afterOpen, openEarly, notify });
  const actions = useAnnotationActions(current, articleRoot, onError);
  const menuAt = useSelectionMenu(articleRoot);
  const suggestions = useSuggestions(current, annotations, labels, actions, onError);
  const { fillClaimant } = suggestions;

  const { handlers, reveal, remove } = useAppHandlers({
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
    notify,
    article,
    searchInput,
    setDialog,
    setOverlap,
    setDeleting,
    setQuery,
    setView,
  });
  const commands = useAppCommands(handlers, labels, !!selected);

  const labelById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const marked = useMemo(() => annotations.filter((a) => !a.orphaned), [annotations]);

  const createSourceInline = useCallback(
    (name: string, kind: SourceKind) => createSource(db, { name, kind }),
    [],
  );

  useHistoryResetOnLabelRemoval(labels);

  return (
    <div className="cd-app">
      <Toolbar
        onOpen={handlers.openFiles}
        onExport={handlers.exportReport}
        canExport={documents.length > 0}
        onExportData={handlers.exportData}
        onImport={handlers.importData}
        onSettings={handlers.showSettings}
        query={query}
        onQuery={setQuery}
        searchRef={searchInput}
        onUndo={handlers.undo}
        onRedo={handlers.redo}
        canUndo={actions.canUndo}
        canRedo={actions.canRedo}
        onLabels={handlers.showLabels}
        onShortcuts={handlers.showShortcuts}
      />
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={ACCEPT_FILES}
        hidden
        onChange={(event) => {
          const chosen = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          files.openBrowserFiles(chosen);
        }}
      />
      <div className="cd-main">
        <LeftPane view={view} onView={setView} searching={searchGroups !== null}>
          {searchGroups !== null ? (
            <SearchResults groups={searchGroups} labels={labelById} sources={sources} onOpen={openDocument} />
          ) : view === 'sources' ? (
            <SourcesView
              db={db}
              history={history}
              onOpenAnnotation={openDocument}
              onError={onError}
              onInfo={onInfo}
            />
          ) : view === 'orphans' ? (
            <OrphansView db={db} labels={labelById} onOpen={openDocument} onDelete={(a) => void remove(a)} />
          ) : (
            <LibraryList
              documents={documents}
              currentId={current?.id ?? null}
              onOpen={(id, from) => openDocument(id, null, from)}
              picked={picked}
              onPick={setPicked}
              onExportPicked={openExportReport}
              onDelete={setDeleting}
            />
          )}
        </LeftPane>
        <section ref={articleColumn} className="cd-article" aria-label="Article">
          {current ? (
            <>
              <ArticleMeta
                document={current}
                place={place?.id === current.id ? place : undefined}
                onOpen={(id) => openDocument(id)}
                onError={onError}
              />
              <ArticleView
                document={current}
                annotations={marked}
                labels={labelById}
                handleRef={article}
                onOpenLink={openLink}
                onMarkClick={(ids, at) => {
                  if (ids.length === 1) setSelectedId(ids[0] as string);
                  else setOverlap({ ids, ...at });
                }}
              />
              <SuggestionMarks root={articleRoot} blocks={current.blocks} suggestions={suggestions} />
            </>
          ) : (
            <p className="cd-empty cd-article-empty">Open an article file — or drop one here — to start.</p>
          )}
        </section>
        <AnnotationsPanel
          annotations={annotations}
          labels={labelById}
          selectedId={selectedId}
          onReveal={reveal}
          onEdit={(id) => {
            setSelectedId(id);
            requestAnimationFrame(handlers.editSelected);
          }}
          onDelete={(id) => {
            const a = annotations.find((x) => x.id === id);
            if (a) void remove(a);
          }}
          suggestions={current && <SuggestionsPanel suggestions={suggestions} onAccepted={setSelectedId} />}
        >
          {selected && (
            <ClaimEditor
              key={selected.id}
              annotation={selected}
              labels={labels}
              sources={sources}
              onPatch={(patch, field) => void actions.patch(selected, patch, field)}
              onCreateSource={createSourceInline}
              onOpenLink={files.openLink}
              onOpenAnnotation={openDocument}
            />
          )}
        </AnnotationsPanel>
        <Notices notices={notices} onDismiss={dismiss} />
      </div>
      {menuAt && <SelectionMenu labels={labels} position={menuAt} onPick={handlers.applyLabel} />}
      {overlap && (
        <OverlapPicker
          annotations={overlap.ids.flatMap((id) => annotations.filter((a) => a.id === id))}
          labels={labelById}
          position={overlap}
          onPick={(id) => {
            setOverlap(null);
            reveal(id);
          }}
          onClose={() => setOverlap(null)}
        />
      )}
      <ImportProgress />
      <AppDialogs
        dialog={dialog}
        onDialog={setDialog}
        deleting={deleting}
        onDeleting={setDeleting}
        commands={commands}
        documents={documents}
        labels={labels}
        onOpenDocument={openEarly}
        currentDocumentId={current?.id ?? null}
        picked={picked}
        searchGroups={searchGroups}
        onLibraryReplaced={() => {
          // Undo would replay records of the library that was replaced.
          history.clear();
          setSelectedId(null);
        }}
        notify={notify}
        onError={onError}
        onInfo={onInfo}
      />
    </div>
  );
}
