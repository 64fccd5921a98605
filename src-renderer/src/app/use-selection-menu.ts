// Where the label menu goes: above a non-empty selection inside the article, else nowhere.
import { useEffect, useState } from 'react';

export function useSelectionMenu(
  articleRoot: () => HTMLElement | null,
): { top: number; left: number } | null {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    const onSelection = (): void => {
      const selection = window.getSelection();
      const root = articleRoot();
      if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return setAt(null);
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return setAt(null);
      const rect = range.getBoundingClientRect();
      setAt({ top: rect.top + window.scrollY - 44, left: Math.max(8, rect.left + window.scrollX) });
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [articleRoot]);
  return at;
}
