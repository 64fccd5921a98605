// The library: every article, grouped by the file it came from, narrowed by a title filter;
// below it, the files opened most recently, which re-open from their stored bytes. The list draws
// only the rows in view (fixed-height rows, see library-rows.ts), so 10,000 articles stay fast;
// arrow keys, Home and End move between articles, Enter opens one; rows can be chosen (Ctrl+click,
// Shift+click, Space, Shift+arrows: use-library-selection.ts) to export or delete them.
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
  type RefObject,
} from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { indexLibrary, libraryRows, visibleRange, type LibraryRows } from '../app/library-rows';
import { reopenRecentFile } from '../app/import-files';
import { useLibrary } from '../app/library-context';
import { recentFiles, type RecentFile } from '../db/files';
import type { LibraryEntry } from '../db/database';
import type { ArticlePlace } from './ArticleMeta';
import { useLibrarySelection } from '../app/use-library-selection';
import type { DeleteRequest } from './DeleteConfirm';
import { LibraryRowMenu } from './LibraryRowMenu';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';
import './import-progress.css';
import './library-list.css';

interface Props {
  documents: readonly LibraryEntry[];
  currentId: string | null;
  /** Opens an article, with the file (and its place there) it was opened from. */
  onOpen: (id: string, from?: ArticlePlace) => void;
  /** The articles chosen (Ctrl/Shift+click), for Export report and Delete. */
  picked: ReadonlySet<string>;
  onPick: (ids: ReadonlySet<string>) => void;
  onExportPicked: () => void;
  onDelete?: (request: DeleteRequest) => void;
}

const NO_RECENT: RecentFile[] = [];

function RecentFiles({ onOpen }: { onOpen: (id: string) => void }): ReactElement | null {
  const { db } = useLibrary();
  const recent = useLiveQuery(() => recentFiles(db), [db], NO_RECENT);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (recent.length === 0) return null;

  const reopen = async (file: RecentFile): Promise<void> => {
    setOpening(file.id);
    setError(null);
    try {
      const outcome = await reopenRecentFile(file.id, file.name);
      setError(outcome.errors[0] ?? null);
      const first = outcome.documentIds[0];
      if (first) onOpen(first);
    } finally {
      setOpening(null);
    }
  };

  return (
    <section className="cd-recent-files" aria-label="Recent files">
      <h2 className="cd-panel-title">Recent files</h2>
      {error && (
        <p className="cd-empty" role="alert">
          {error}
        </p>
      )}
      <ul>
        {recent.map((file) => (
          <li key={file.id}>
            <button
              type="button"
              className="cd-library-item"
              title={`Open ${file.name} again`}
              disabled={opening !== null}
              aria-busy={opening === file.id}
              onClick={() => void reopen(file)}
            >
              {file.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The nearest ancestor that scrolls (the left pane's body). */
function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return document.documentElement;
}

/** Which rows of `list` meet its scroll parent's view, kept current on scroll and resize. */
function useRowsInView(list: RefObject<HTMLElement | null>, layout: LibraryRows): [number, number] {
  const [range, setRange] = useState<[number, number]>([0, 0]);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const scroller = scrollParent(el);
    const update = (): void => {
      const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      const next = visibleRange(layout.tops, -top, -top + scroller.clientHeight);
      setRange((old) => (old[0] === next[0] && old[1] === next[1] ? old : next));
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, [list, layout]);
  return range;
}

export function LibraryList({
  documents,
  currentId,
  onOpen,
  picked,
  onPick,
  onExportPicked,
  onDelete,
}: Props): ReactElement {
  const [filter, setFilter] = useState('');
  const { refused, limit } = useTextLimits();
  // An article in two files has a row in each: the count is of articles.
  const articles = useMemo(() => new Set(documents.map((d) => d.id)).size, [documents]);
  const index = useMemo(() => indexLibrary(documents), [documents]);
  const layout = useMemo(() => libraryRows(index, filter), [index, filter]);
  const list = useRef<HTMLDivElement>(null);
  const [first, last] = useRowsInView(list, layout);
  const selection = useLibrarySelection(layout, documents, onDelete, picked, onPick);
  // A row to focus once it is drawn (keyboard moves can land outside the drawn rows).
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const bringIntoView = (row: number): void => {
    const el = list.current;
    if (!el) return;
    const scroller = scrollParent(el);
    const listTop =
      el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    const top = listTop + (layout.tops[row] ?? 0);
    const bottom = listTop + (layout.tops[row + 1] ?? 0);
    // Recent files, pinned at the pane's bottom, covers the rows behind it.
    const covered = scroller.querySelector('.cd-recent-files')?.getBoundingClientRect().height ?? 0;
    const seen = scroller.clientHeight - covered;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + seen) scroller.scrollTop = bottom - seen;
  };

  useEffect(() => {
    if (focusRow === null) return;
    const button = list.current?.querySelector<HTMLElement>(`[data-row="${focusRow}"]`);
    if (button) {
      button.focus();
      setFocusRow(null);
    }
  }, [focusRow, first, last]);

  // The article opened (from search, a new import) is scrolled into the list's view.
  useEffect(() => {
    const row = layout.rows.findIndex((r) => r.kind === 'entry' && r.entry.id === currentId);
    if (row >= 0) bringIntoView(row);
    // Only when the current article changes, not on every filter keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, row: number): void => {
    const entries = layout.rows.flatMap((r, i) => (r.kind === 'entry' ? [i] : []));
    const at = entries.indexOf(row);
    const target =
      event.key === 'ArrowDown'
        ? entries[at + 1]
        : event.key === 'ArrowUp'
          ? entries[at - 1]
          : event.key === 'Home'
            ? entries[0]
            : event.key === 'End'
              ? entries[entries.length - 1]
              : undefined;
    const targetRow = target === undefined ? undefined : layout.rows[target];
    const current = layout.rows[row];
    if (current && selection.onKey(event, current, targetRow?.kind === 'entry' ? targetRow.entry : undefined))
      return;
    if (target === undefined) return;
    event.preventDefault();
    bringIntoView(target);
    setFocusRow(target);
  };

  const drawn: ReactElement[] = [];
  for (let i = first; i < last; i++) {
    const row = layout.rows[i];
    if (!row) continue;
    const style = { top: layout.tops[i] };
    drawn.push(
      row.kind === 'file' ? (
        <h3
          key={`file:${row.file}`}
          className="cd-library-row cd-library-file"
          style={style}
          title={row.file}
          onContextMenu={(event) => selection.onContextMenu(event, row)}
        >
          {row.file}
        </h3>
      ) : (
        <button
          key={`${row.entry.sourceFile}:${row.entry.id}`}
          type="button"
          data-row={i}
          className="cd-library-row cd-library-item"
          style={style}
          aria-current={row.entry.id === currentId ? 'true' : undefined}
          aria-pressed={selection.count > 0 ? selection.isSelected(row.entry.id) : undefined}
          dir={row.entry.direction}
          title={row.entry.title}
          onClick={(event) =>
            selection.onClick(event, row.entry) ||
            onOpen(row.entry.id, { file: row.entry.sourceFile, articleIndex: row.entry.articleIndex })
          }
          onContextMenu={(event) => selection.onContextMenu(event, row)}
          onKeyDown={(event) => onKeyDown(event, i)}
        >
          <span className="cd-library-title">{row.entry.title}</span>
        </button>
      ),
    );
  }

  return (
    <>
      <nav className="cd-library" aria-label="Library">
        <h2 className="cd-panel-title">
          Library{' '}
          <span className="cd-count" data-count={articles}>
            {articles.toLocaleString()}
          </span>
        </h2>
        {documents.length === 0 ? (
          <p className="cd-empty">No articles yet. Open a file to start.</p>
        ) : (
          <input
            type="search"
            className="cd-library-filter"
            aria-label="Filter library"
            placeholder="Filter by title"
            {...limit(
              { value: filter, onChange: (event) => setFilter(event.currentTarget.value) },
              'The filter',
              TEXT_LIMITS.search,
            )}
          />
        )}
        <LimitAlert message={refused} />
        {documents.length > 0 && layout.entries === 0 && (
          <p className="cd-empty">No titles match “{filter}”.</p>
        )}
        {selection.count > 0 && (
          <div className="cd-library-picked">
            <p role="status">{selection.count.toLocaleString()} selected · Delete removes them</p>
            <button type="button" className="cd-link" onClick={onExportPicked}>
              Export report…
            </button>{' '}
            <button type="button" className="cd-link" onClick={() => onPick(new Set())}>
              Clear
            </button>
          </div>
        )}
        {filter !== '' && layout.entries > 0 && (
          <p className="cd-library-matches" role="status">
            {layout.entries.toLocaleString()} of {documents.length.toLocaleString()}
          </p>
        )}
        <div ref={list} className="cd-library-rows" style={{ height: layout.tops[layout.rows.length] }}>
          {drawn}
        </div>
      </nav>
      {selection.menu && (
        <LibraryRowMenu at={selection.menu.at} items={selection.menu.items} onClose={selection.closeMenu} />
      )}
      <RecentFiles onOpen={(id) => onOpen(id)} />
    </>
  );
}
