// Opening article files, the same in both editions: the bridge decides whether a native dialog
// or the browser's chooser is used; the desktop menu's Export report… opens the export dialog.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { OpenedFile } from '../../../src-shared/rpc-calls';
import { getBridge } from '../bridge/bridge';
import { useLibrary } from './library-context';
import { importBrowserFiles, storeResults, type OpenOutcome, type StoreOptions } from './import-files';

/** Files the desktop app opened by path, stored with their bytes (for decoding again). */
const storeOpened = (files: readonly OpenedFile[], options: StoreOptions): Promise<OpenOutcome> =>
  storeResults(
    files.map((f) => f.result),
    files.map((f) => f.bytes ?? undefined),
    options,
  );

export const ACCEPT_FILES =
  '.txt,.text,.md,.markdown,.html,.htm,.pdf,.docx,.json,.jsonld,text/plain,text/markdown,text/html,application/pdf';

interface Options {
  /** The desktop menu's Export report…: opens the Export report dialog. */
  openExportReport: () => void;
  fileInput: RefObject<HTMLInputElement | null>;
  afterOpen: (outcome: OpenOutcome) => void;
  /** Opens a large new file's first article while the rest is still being stored. */
  openEarly: (documentId: string) => void;
}

export function useFileActions({ openExportReport, fileInput, afterOpen, openEarly }: Options) {
  const bridge = getBridge();
  const { notify } = useLibrary().notices;

  const openFiles = useCallback(async () => {
    if (bridge.edition === 'desktop') {
      const results = await bridge.openFiles();
      if (results.ok) afterOpen(await storeOpened(results.value, { openEarly }));
      else notify('error', results.error);
    } else {
      fileInput.current?.click();
    }
  }, [bridge, afterOpen, openEarly, notify, fileInput]);

  const openBrowserFiles = useCallback(
    (files: readonly File[]) => void importBrowserFiles(files, { openEarly }).then(afterOpen),
    [afterOpen, openEarly],
  );

  // Desktop: files opened from the menu, Open Recent, the OS or a second instance; menu commands.
  // Subscribed once; the handlers read the latest callbacks through a ref kept current by an effect.
  const latest = useRef({ openExportReport, openFiles, afterOpen, openEarly });
  useEffect(() => {
    latest.current = { openExportReport, openFiles, afterOpen, openEarly };
  }, [openExportReport, openFiles, afterOpen, openEarly]);
  useEffect(() => {
    const offFiles = bridge.on('filesOpened', (results: OpenedFile[]) => {
      const openEarly = (id: string): void => latest.current.openEarly(id);
      void storeOpened(results, { openEarly }).then((o) => latest.current.afterOpen(o));
    });
    const offMenu = bridge.on('menuCommand', (command) => {
      if (command === 'export-report') latest.current.openExportReport();
      else void latest.current.openFiles();
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
    openLink: (url: string) => void bridge.openExternal(url),
  };
}
