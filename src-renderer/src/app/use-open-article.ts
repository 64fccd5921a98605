// The article on screen and its annotations, the one selected, and revealing an annotation once
// its article has arrived (after search, sources, orphans, undo).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleHandle } from '../editor/ArticleView';
import { useCurrentArticle } from './use-current-article';
import { useAnnotations, useDocument } from './use-library';

export function useOpenArticle() {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const articleColumn = useRef<HTMLElement>(null);
  const article = useRef<ArticleHandle | null>(null);
  const articleRoot = useCallback(() => article.current?.root() ?? null, []);
  const { currentId, place, openDocument, pendingRevealRef } = useCurrentArticle(
    setSelectedId,
    articleColumn,
  );
  const current = useDocument(currentId);
  const loaded = useAnnotations(current ? currentId : null);
  // The document and its annotations load separately; never pair one document with another's.
  const annotations = useMemo(() => loaded.filter((a) => a.documentId === current?.id), [loaded, current]);
  const selected = annotations.find((a) => a.id === selectedId);

  // Both the document and its annotations must have arrived before the reveal.
  useEffect(() => {
    const id = pendingRevealRef.current;
    if (id && current && annotations.some((a) => a.id === id && a.documentId === current.id)) {
      pendingRevealRef.current = null;
      requestAnimationFrame(() => article.current?.reveal(id));
    }
  }, [annotations, current, pendingRevealRef]);

  return {
    current,
    currentId,
    place,
    openDocument,
    annotations,
    selectedId,
    setSelectedId,
    selected,
    /** The article column, scrolled to the top when another article opens. */
    articleColumn,
    /** The article view's handle: reveal an annotation, the editor's root element. */
    article,
    /** The article's root element, once it is on screen. */
    articleRoot,
  };
}
