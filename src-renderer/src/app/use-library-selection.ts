// Choosing library rows to act on: Ctrl+click or Space toggles an article, Shift+click takes a
// range, Shift+arrow keys extend; Delete asks to delete the chosen articles (or the focused one),
// and the context menu (right-click, Shift+F10, the menu key) offers the same for a row or file.
// The chosen articles are the app's (App.tsx): Export report offers them as its selection too.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { LibraryEntry } from '../db/database';
import type { DeleteRequest } from '../components/DeleteConfirm';
import type { RowMenuItem } from '../components/LibraryRowMenu';
import type { LibraryRow, LibraryRows } from './library-rows';

const plural = (n: number): string => `${n.toLocaleString()} article${n === 1 ? '' : 's'}`;

export interface LibrarySelection {
  isSelected(id: string): boolean;
  count: number;
  /** True when the click was a selection gesture (the article is not opened). */
  onClick(event: MouseEvent, entry: LibraryEntry): boolean;
  /** True when the key was handled. */
  onKey(event: KeyboardEvent<HTMLElement>, row: LibraryRow, target?: LibraryEntry): boolean;
  onContextMenu(event: MouseEvent, row: LibraryRow): void;
  menu: { at: { x: number; y: number }; items: RowMenuItem[] } | null;
  closeMenu(): void;
}

export function useLibrarySelection(
  layout: LibraryRows,
  documents: readonly LibraryEntry[],
  onDelete: ((request: DeleteRequest) => void) | undefined,
  picked: ReadonlySet<string>,
  setPicked: (ids: ReadonlySet<string>) => void,
): LibrarySelection {
  const anchor = useRef<string | null>(null);
  const [menu, setMenu] = useState<LibrarySelection['menu']>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  // Articles deleted meanwhile are no longer chosen.
  const live = useMemo(() => new Set(documents.map((d) => d.id)), [documents]);
  const chosen = [...picked].filter((id) => live.has(id));
  const order = (): string[] => layout.rows.flatMap((r) => (r.kind === 'entry' ? [r.entry.id] : []));

  const toggle = (id: string): void => {
    anchor.current = id;
    setPicked(new Set(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]));
  };
  const range = (id: string): void => {
    const ids = order();
    const [a, b] = [ids.indexOf(anchor.current ?? id), ids.indexOf(id)].sort((x, y) => x - y);
    setPicked(new Set([...chosen, ...ids.slice(Math.max(0, a ?? 0), (b ?? 0) + 1)]));
  };

  const deleteArticles = (entry: LibraryEntry): DeleteRequest =>
    chosen.length > 1 && chosen.includes(entry.id)
      ? { documentIds: chosen, what: `the ${plural(chosen.length)} selected` }
      : { documentIds: [entry.id], what: `“${entry.title}”` };
  const deleteFile = (file: string): DeleteRequest => ({
    documentIds: documents.filter((d) => d.sourceFile === file).map((d) => d.id),
    what: `every article of ${file}`,
  });

  const itemsFor = (row: LibraryRow): RowMenuItem[] => {
    if (!onDelete) return [];
    const file = row.kind === 'file' ? row.file : row.entry.sourceFile;
    const items: RowMenuItem[] = [];
    if (row.kind === 'entry') {
      const request = deleteArticles(row.entry);
      const many = request.documentIds.length > 1;
      items.push({
        label: many ? `Delete ${plural(request.documentIds.length)} selected…` : 'Delete this article…',
        run: () => onDelete(request),
      });
    }
    items.push({ label: `Delete all of ${file}…`, run: () => onDelete(deleteFile(file)) });
    return items;
  };

  const openMenu = (x: number, y: number, row: LibraryRow): void => {
    const items = itemsFor(row);
    if (items.length > 0) setMenu({ at: { x, y }, items });
  };

  return {
    isSelected: (id) => chosen.includes(id),
    count: chosen.length,
    onClick(event, entry) {
      if (event.ctrlKey || event.metaKey) toggle(entry.id);
      else if (event.shiftKey) range(entry.id);
      else {
        anchor.current = entry.id;
        if (chosen.length > 0) setPicked(new Set());
        return false;
      }
      return true;
    },
    onKey(event, row, target) {
      const entry = row.kind === 'entry' ? row.entry : null;
      if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && onDelete) {
        const box = event.currentTarget.getBoundingClientRect();
        openMenu(box.left + 16, box.bottom, row);
      } else if (event.key === 'Delete' && onDelete) {
        onDelete(entry ? deleteArticles(entry) : deleteFile((row as { file: string }).file));
      } else if (event.key === ' ' && entry) toggle(entry.id);
      else if (event.shiftKey && target && entry && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        anchor.current ??= entry.id;
        setPicked(new Set([...chosen, entry.id, target.id]));
        return false; // the list still moves focus
      } else return false;
      event.preventDefault();
      return true;
    },
    onContextMenu(event, row) {
      if (!onDelete) return;
      event.preventDefault();
      openMenu(event.clientX, event.clientY, row);
    },
    menu,
    closeMenu,
  };
}
