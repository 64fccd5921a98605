// Opening article files and exporting the report, the same in both editions: the bridge decides
// whether a native dialog or the browser's chooser and downloads are used.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { htmlReport } from '../../../src-shared/report/html-report';
import type { AnnotationRecord, DocumentRecord, LabelRecord, ParsedFile } from '../../../src-shared/model';
import type { Result } from '../../../src-shared/result';
import { getBridge } from '../bridge/bridge';
import { importBrowserFiles, storeResults, type OpenOutcome } from './import-files';

export const ACCEPT_FILES =
  '.txt,.text,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf';

function reportFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'article'} - Claimdesk report.html`;
}

interface Options {
  current: DocumentRecord | undefined;
  annotations: readonly AnnotationRecord[];
  labels: readonly LabelRecord[];
  fileInput: RefObject<HTMLInputElement | null>;
  afterOpen: (outcome: OpenOutcome) => void;
  notify: (kind: 'error' | 'info', text: string) => void;
}

export function useFileActions({ current, annotations, labels, fileInput, afterOpen, notify }: Options) {
  const bridge = getBridge();

  const openFiles = useCallback(async () => {
    if (bridge.edition === 'desktop') {
      const results = await bridge.openFiles();
      if (results.ok) afterOpen(await storeResults(results.value));
      else notify('error', results.error);
    } else {
      fileInput.current?.click();
    }
  }, [bridge, afterOpen, notify, fileInput]);

  const openBrowserFiles = useCallback(
    (files: readonly File[]) => void importBrowserFiles(files).then(afterOpen),
    [afterOpen],
  );

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

  // Desktop: files opened from the menu, Open Recent, the OS or a second instance; menu commands.
  // Subscribed once; the handlers read the latest callbacks through a ref kept current by an effect.
  const latest = useRef({ exportReport, openFiles, afterOpen });
  useEffect(() => {
    latest.current = { exportReport, openFiles, afterOpen };
  }, [exportReport, openFiles, afterOpen]);
  useEffect(() => {
    const offFiles = bridge.on('filesOpened', (results: Result<ParsedFile>[]) => {
      void storeResults(results).then((o) => latest.current.afterOpen(o));
    });
    const offMenu = bridge.on('menuCommand', (command) => {
      void (command === 'export-report' ? latest.current.exportReport() : latest.current.openFiles());
    });
    return () => {
      offFiles();
      offMenu();
    };
  }, [bridge]);

  // Files dropped anywhere on the window are opened.
  useEffect(() => {
    const over = (event: DragEvent): void => event.preventDefault();
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) openBrowserFiles(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openBrowserFiles]);

  return {
    openFiles,
    openBrowserFiles,
    exportReport,
    openLink: (url: string) => void bridge.openExternal(url),
  };
}
