// The Claimdesk window: toolbar, library, the article, and its annotations.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { blockOffsets } from '../../../src-shared/canonical';
import { trimRange } from '../../../src-shared/anchoring/selectors';
import { htmlReport } from '../../../src-shared/report/html-report';
import type { ParsedFile } from '../../../src-shared/model';
import type { Result } from '../../../src-shared/result';
import { getBridge } from '../bridge/bridge';
import { getSetting, newAnnotation, setSetting } from '../db/library';
import { db, history } from '../db/instance';
import { track } from './save-state';
import { ArticleView, type ArticleHandle } from '../editor/ArticleView';
import { selectionOffsets } from '../editor/selection-offsets';
import { AnnotationsPanel } from '../components/AnnotationsPanel';
import { LibraryList } from '../components/LibraryList';
import { Notices, type Notice } from '../components/Notices';
import { SelectionMenu } from '../components/SelectionMenu';
import { Toolbar } from '../components/Toolbar';
import { importBrowserFiles, storeResults, type OpenOutcome } from './import-files';
import { isTypingTarget, labelIndexOfKey } from './keyboard';
import { useAnnotations, useDocument, useDocuments, useLabels } from './use-library';

const CURRENT_DOC_KEY = 'ui.currentDocumentId';
const ACCEPT =
  '.txt,.text,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf';

function reportFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'article'} - Claimdesk report.html`;
}

export function App(): ReactElement {
  const bridge = getBridge();
  const documents = useDocuments();
  const labels = useLabels();
  const [currentId, setCurrentId] = useState<string | null>(null);
  const current = useDocument(currentId);
  const annotations = useAnnotations(current ? currentId : null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [menuAt, setMenuAt] = useState<{ top: number; left: number } | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const article = useRef<ArticleHandle | null>(null);
  const noticeId = useRef(0);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = ++noticeId.current;
    setNotices((list) => [...list.slice(-4), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 6000);
  }, []);

  const openDocument = useCallback((id: string) => {
    setCurrentId(id);
    setSelectedId(null);
    void setSetting(db, CURRENT_DOC_KEY, id);
  }, []);

  useEffect(() => {
    void getSetting<string | null>(db, CURRENT_DOC_KEY, null).then((id) => id && setCurrentId(id));
  }, []);

  const afterOpen = useCallback(
    ({ documentIds, errors }: OpenOutcome) => {
      for (const error of errors) notify('error', error);
      const first = documentIds[0];
      if (first) {
        openDocument(first);
        notify('info', `Opened ${documentIds.length} article${documentIds.length === 1 ? '' : 's'}.`);
      }
    },
    [notify, openDocument],
  );

  const openFiles = useCallback(async () => {
    if (bridge.edition === 'desktop') {
      const results = await bridge.openFiles();
      if (results.ok) afterOpen(await storeResults(results.value));
      else notify('error', results.error);
    } else {
      fileInput.current?.click();
    }
  }, [bridge, afterOpen, notify]);

  const exportReport = useCallback(async () => {
    if (!current) return;
    const content = htmlReport({
      document: current,
      annotations,
      labels,
      generatedAt: new Date().toISOString(),
    });
    const saved = await bridge.saveFile({
      suggestedName: reportFileName(current.title),
      mime: 'text/html',
      content,
    });
    if (!saved.ok) notify('error', `The report could not be saved: ${saved.error}`);
    else if (saved.value.path) notify('info', `Report saved: ${saved.value.path}`);
  }, [bridge, current, annotations, labels, notify]);

  const highlight = useCallback(
    async (labelId: string) => {
      const root = article.current?.root();
      if (!current || !root) return;
      const offsets = selectionOffsets(root, blockOffsets(current.blocks), window.getSelection());
      const range = offsets && trimRange(current.text, offsets.start, offsets.end);
      if (!range) return;
      const author = await getSetting(db, 'analystName', '');
      try {
        const record = newAnnotation({ document: current, ...range, labelId, author });
        await track(history.commit([{ before: null, after: record }]));
        setSelectedId(record.id);
        window.getSelection()?.removeAllRanges();
        setMenuAt(null);
      } catch (error) {
        notify('error', `The highlight could not be saved: ${String(error)}`);
      }
    },
    [current, notify],
  );

  const remove = useCallback(
    async (id: string) => {
      const index = annotations.findIndex((a) => a.id === id);
      const record = annotations[index];
      if (!record) return;
      await track(history.commit([{ before: record, after: null }]));
      const next = annotations[index + 1] ?? annotations[index - 1];
      setSelectedId(next?.id ?? null);
      if (next)
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`[data-annotation-id="${next.id}"]`)?.focus(),
        );
    },
    [annotations],
  );

  const reveal = useCallback((id: string) => {
    setSelectedId(id);
    article.current?.reveal(id);
  }, []);

  // Keys 1–9 label the selection; Ctrl+O / Ctrl+E mirror the desktop menu in the browser edition.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isTypingTarget(event.target)) return;
      const index = labelIndexOfKey(event);
      const label = index === null ? undefined : labels[index];
      if (label && window.getSelection()?.isCollapsed === false) {
        event.preventDefault();
        void highlight(label.id);
      } else if (event.key === 'Escape') {
        window.getSelection()?.removeAllRanges();
      } else if (
        (event.ctrlKey || event.metaKey) &&
        bridge.edition === 'web' &&
        (event.key === 'o' || event.key === 'e')
      ) {
        event.preventDefault();
        void (event.key === 'o' ? openFiles() : exportReport());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [labels, highlight, openFiles, exportReport, bridge]);

  // The label menu follows a non-empty selection inside the article.
  useEffect(() => {
    const onSelection = (): void => {
      const selection = window.getSelection();
      const root = article.current?.root();
      if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return setMenuAt(null);
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return setMenuAt(null);
      const rect = range.getBoundingClientRect();
      setMenuAt({ top: rect.top + window.scrollY - 44, left: Math.max(8, rect.left + window.scrollX) });
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  // Desktop: files opened from the menu, Open Recent, the OS or a second instance; menu commands.
  useEffect(() => {
    const offFiles = bridge.on('filesOpened', (results: Result<ParsedFile>[]) => {
      void storeResults(results).then(afterOpen);
    });
    const offMenu = bridge.on('menuCommand', (command) => {
      void (command === 'export-report' ? exportReport() : openFiles());
    });
    return () => {
      offFiles();
      offMenu();
    };
  }, [bridge, afterOpen, exportReport, openFiles]);

  // Files dropped anywhere on the window are opened.
  useEffect(() => {
    const over = (event: DragEvent): void => event.preventDefault();
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) void importBrowserFiles(files).then(afterOpen);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [afterOpen]);

  const labelById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const lookOf = useMemo(() => {
    const numbers = new Map(annotations.map((a, i) => [a.id, i + 1]));
    const labelOf = new Map(annotations.map((a) => [a.id, labelById.get(a.labelId)]));
    return (id: string) => {
      const label = labelOf.get(id);
      return label && { color: label.color, title: `${label.name} #${numbers.get(id) ?? ''}` };
    };
  }, [annotations, labelById]);

  return (
    <div className="cd-app">
      <Toolbar onOpen={() => void openFiles()} onExport={() => void exportReport()} canExport={!!current} />
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          void importBrowserFiles(files).then(afterOpen);
        }}
      />
      <div className="cd-main">
        <LibraryList documents={documents} currentId={current?.id ?? null} onOpen={openDocument} />
        <section className="cd-article" aria-label="Article">
          {current ? (
            <>
              <p className="cd-article-meta">
                {current.sourceFile} · article {current.articleIndex + 1}
                {current.credit ? ` · photo ${current.credit}` : ''}
              </p>
              <ArticleView
                document={current}
                annotations={annotations}
                lookOf={lookOf}
                handleRef={article}
                onMarkClick={(ids) => {
                  const id = ids[ids.length - 1];
                  if (id) setSelectedId(id);
                }}
              />
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
          onDelete={(id) => void remove(id)}
        />
      </div>
      {menuAt && <SelectionMenu labels={labels} position={menuAt} onPick={(id) => void highlight(id)} />}
      <Notices notices={notices} onDismiss={(id) => setNotices((list) => list.filter((n) => n.id !== id))} />
    </div>
  );
}
