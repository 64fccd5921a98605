// Which article is open, where it was opened from, and opening one: from the library, a search,
// an import's outcome. The open article is remembered across restarts, and another article
// opens at its headline, not scrolled to where the last one was left.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { getSetting, setSetting } from '../db/library';
import type { ArticlePlace } from '../components/ArticleMeta';
import type { OpenOutcome } from './import-files';
import { useLibrary } from './library-context';

const CURRENT_DOC_KEY = 'ui.currentDocumentId';

export type OpenDocument = (id: string, annotationId?: string | null, from?: ArticlePlace) => void;

export interface CurrentArticle {
  currentId: string | null;
  /** Where the open article was opened from, when that is known (an article in two files). */
  place: (ArticlePlace & { id: string }) | null;
  openDocument: OpenDocument;
  /** An annotation to reveal once its document is on screen. */
  pendingRevealRef: RefObject<string | null>;
}

export function useCurrentArticle(
  setSelectedId: (id: string | null) => void,
  columnRef: RefObject<HTMLElement | null>,
): CurrentArticle {
  const { db } = useLibrary();
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [place, setPlace] = useState<CurrentArticle['place']>(null);
  const pendingRevealRef = useRef<string | null>(null);

  const openDocument = useCallback<OpenDocument>(
    (id, annotationId = null, from) => {
      setPlace(from ? { id, ...from } : null);
      setCurrentId(id);
      setSelectedId(annotationId);
      pendingRevealRef.current = annotationId;
      void setSetting(db, CURRENT_DOC_KEY, id);
    },
    [db, setSelectedId],
  );

  useEffect(() => {
    void getSetting<string | null>(db, CURRENT_DOC_KEY, null).then((id) => id && setCurrentId(id));
  }, [db]);

  useLayoutEffect(() => {
    const column = columnRef.current;
    if (column) column.scrollTop = 0;
  }, [columnRef, currentId]);

  return { currentId, place, openDocument, pendingRevealRef };
}

/** What the window does once files are opened: report, and show the first article. */
export function useAfterOpen(openDocument: OpenDocument, showLibrary: () => void) {
  const { notify } = useLibrary().notices;
  const openEarly = useCallback(
    (id: string) => {
      openDocument(id);
      showLibrary();
    },
    [openDocument, showLibrary],
  );

  const afterOpen = useCallback(
    ({ documentIds, errors, orphaned, openedEarly, file, info }: OpenOutcome) => {
      for (const error of errors) notify('error', error);
      for (const message of info ?? []) notify('info', message);
      if (orphaned > 0)
        notify(
          'error',
          `${orphaned} annotation${orphaned === 1 ? '' : 's'} could not be placed in the changed text — see Orphans.`,
        );
      const first = documentIds[0];
      if (first) {
        // Not when the first article was opened early: the analyst may have moved on since.
        if (!openedEarly) {
          openDocument(first, null, file === undefined ? undefined : { file, articleIndex: 0 });
          showLibrary();
        }
        notify('info', `Opened ${documentIds.length} article${documentIds.length === 1 ? '' : 's'}.`);
      }
    },
    [notify, openDocument, showLibrary],
  );
  return { openEarly, afterOpen };
}
