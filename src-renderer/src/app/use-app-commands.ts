// The app's command list (palette, shortcuts sheet, keys) and the one keydown handler that
// runs them. Keys 1–9 highlight the selection with a label, or relabel the selected annotation.
import { useEffect, useMemo } from 'react';
import { VERDICTS, type LabelRecord, type Verdict } from '../../../src-shared/model';
import { VERDICT_NAMES } from '../../../src-shared/export/verdicts';
import { commandForKey, keys, type Command } from './commands';
import { isTypingTarget, labelIndexOfKey } from './keyboard';

export interface CommandHandlers {
  openFiles(): void;
  exportReport(): void;
  exportData(): void;
  importData(): void;
  showSettings(): void;
  undo(): void;
  redo(): void;
  nextAnnotation(step: 1 | -1): void;
  editSelected(): void;
  deleteSelected(): void;
  leaveEditor(): void;
  focusSearch(): void;
  showPalette(): void;
  showShortcuts(): void;
  showLabels(): void;
  showView(view: 'library' | 'sources' | 'orphans'): void;
  /** Asks to delete the open article, or every article of its file. */
  deleteDocuments(scope: 'article' | 'file'): void;
  applyLabel(labelId: string): void;
  setVerdict(verdict: Verdict | null): void;
}

export function useAppCommands(
  h: CommandHandlers,
  labels: readonly LabelRecord[],
  hasSelection: boolean,
): Command[] {
  const commands = useMemo<Command[]>(
    () => [
      {
        id: 'open',
        title: 'Open file…',
        keys: 'Ctrl+O',
        matches: keys.ctrl('o'),
        inFields: true,
        run: h.openFiles,
      },
      {
        id: 'export',
        title: 'Export report…',
        keys: 'Ctrl+E',
        matches: keys.ctrl('e'),
        inFields: true,
        run: h.exportReport,
      },
      { id: 'export-data', title: 'Export data…', run: h.exportData },
      { id: 'import', title: 'Import…', run: h.importData },
      { id: 'settings', title: 'Settings…', run: h.showSettings },
      { id: 'undo', title: 'Undo', keys: 'Ctrl+Z', matches: keys.ctrl('z'), run: h.undo },
      {
        id: 'redo',
        title: 'Redo',
        keys: 'Ctrl+Shift+Z',
        matches: (e) => keys.ctrlShift('z')(e) || keys.ctrl('y')(e),
        run: h.redo,
      },
      {
        id: 'next',
        title: 'Next annotation',
        keys: 'J',
        matches: keys.plain('j'),
        run: () => h.nextAnnotation(1),
      },
      {
        id: 'prev',
        title: 'Previous annotation',
        keys: 'K',
        matches: keys.plain('k'),
        run: () => h.nextAnnotation(-1),
      },
      {
        id: 'edit',
        title: 'Edit selected annotation',
        keys: 'Enter',
        matches: keys.plain('Enter'),
        enabled: hasSelection,
        run: h.editSelected,
      },
      {
        id: 'delete',
        title: 'Delete selected annotation',
        keys: 'Delete',
        matches: keys.plain('Delete'),
        enabled: hasSelection,
        run: h.deleteSelected,
      },
      {
        id: 'leave',
        title: 'Leave the editor',
        keys: 'Escape',
        matches: keys.plain('Escape'),
        inFields: true,
        run: h.leaveEditor,
      },
      { id: 'search', title: 'Search annotations', keys: '/', matches: keys.plain('/'), run: h.focusSearch },
      {
        id: 'palette',
        title: 'Command palette',
        keys: 'Ctrl+K',
        matches: keys.ctrl('k'),
        inFields: true,
        run: h.showPalette,
      },
      {
        id: 'shortcuts',
        title: 'Keyboard shortcuts',
        keys: '?',
        matches: (e) => e.key === '?',
        run: h.showShortcuts,
      },
      { id: 'labels', title: 'Edit labels…', run: h.showLabels },
      { id: 'library', title: 'Show library', run: () => h.showView('library') },
      { id: 'sources', title: 'Show sources', run: () => h.showView('sources') },
      { id: 'orphans', title: 'Show orphans', run: () => h.showView('orphans') },
      { id: 'delete-article', title: 'Delete this article…', run: () => h.deleteDocuments('article') },
      { id: 'delete-file', title: 'Delete all of this file…', run: () => h.deleteDocuments('file') },
      ...labels.map((l, i) => ({
        id: `label-${l.id}`,
        title: `Label as ${l.name}`,
        keys: i < 9 ? String(i + 1) : undefined,
        run: () => h.applyLabel(l.id),
      })),
      ...VERDICTS.map((v) => ({
        id: `verdict-${v}`,
        title: `Verdict: ${VERDICT_NAMES[v]}`,
        enabled: hasSelection,
        run: () => h.setVerdict(v),
      })),
      {
        id: 'verdict-none',
        title: 'Verdict: Not rated',
        enabled: hasSelection,
        run: () => h.setVerdict(null),
      },
    ],
    [h, labels, hasSelection],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // Dialogs (palette, labels, shortcuts) handle their own keys.
      if (event.defaultPrevented || (event.target instanceof Element && event.target.closest('dialog')))
        return;
      const typing = isTypingTarget(event.target);
      const index = typing ? null : labelIndexOfKey(event);
      const label = index === null ? undefined : labels[index];
      if (label) {
        event.preventDefault();
        h.applyLabel(label.id);
        return;
      }
      // Enter on a button or link activates it; the Enter command is for the article and the page.
      if (
        event.key === 'Enter' &&
        (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)
      )
        return;
      const command = commandForKey(commands, event, typing);
      if (!command) return;
      event.preventDefault();
      command.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, labels, h]);

  return commands;
}
