// The Claimdesk window: toolbar, library (or sources, orphans, search results), the article,
// and its annotations with the claim editor. The library it shows comes from the library
// context (main.tsx); the state and handlers live in the app's use-* hooks.
import { useCallback, useMemo, useRef, useState, type ReactElement } from 'react';
import { AppDialogs, type AppDialog } from './AppDialogs';
import { ArticleView } from '../editor/ArticleView';
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
import { useLibrary } from './library-context';
import { useAfterOpen } from './use-current-article';
import { openExternalLink } from './open-link';
import { useLibrarySearch } from './library-search';
import { useAnnotationActions, useHistoryResetOnLabelRemoval } from './use-annotation-actions';
import { useAppCommands } from './use-app-commands';
import { useAppHandlers } from './use-app-handlers';
import { ACCEPT_FILES, useFileActions } from './use-file-actions';
import { useLabels, useLibraryEntries, useSources } from './use-library';
import { useOpenArticle } from './use-open-article';
import { useSelectionMenu } from './use-selection-menu';
import { useSuggestions } from './use-suggestions';
import { useWindowServices } from './use-window-services';

export function App(): ReactElement {
  const { history, notices } = useLibrary();
  const documents = useLibraryEntries();
  const labels = useLabels();
  const sources = useSources();
  const {
    current,
    currentId,
    place,
    annotations,
    selectedId,
    setSelectedId,
    selected,
    openDocument,
    article,
    articleColumn,
    articleRoot,
  } = useOpenArticle();
  const [view, setView] = useState<LeftView>('library');
  const showLibrary = useCallback(() => setView('library'), []);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const [overlap, setOverlap] = useState<{ ids: string[]; top: number; left: number } | null>(null);
  // Articles chosen in the library (Ctrl/Shift+click) for Export report and Delete.
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [deleting, setDeleting] = useState<DeleteRequest | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const searchGroups = useLibrarySearch(query);

  useWindowServices();
  const { openEarly, afterOpen } = useAfterOpen(openDocument, showLibrary);
  const { onError } = notices;
  const openLink = useCallback((href: string) => openExternalLink(href, onError), [onError]);
  const openExportReport = useCallback(() => setDialog('export-report'), []);
  const files = useFileActions({ openExportReport, fileInput, afterOpen, openEarly });
  const actions = useAnnotationActions(current, articleRoot);
  const menuAt = useSelectionMenu(articleRoot);
  const suggestions = useSuggestions(current, annotations, labels, actions);
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
            <SourcesView onOpenAnnotation={openDocument} />
          ) : view === 'orphans' ? (
            <OrphansView labels={labelById} onOpen={openDocument} onDelete={(a) => void remove(a)} />
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
              onOpenLink={files.openLink}
              onOpenAnnotation={openDocument}
            />
          )}
        </AnnotationsPanel>
        <Notices />
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
      />
    </div>
  );
}
