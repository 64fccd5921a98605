// The left column: the library, the sources registry, the orphans — or search results while
// the search field holds a query.
import type { ReactElement, ReactNode } from 'react';

export type LeftView = 'library' | 'sources' | 'orphans';

const TABS: readonly [LeftView, string][] = [
  ['library', 'Library'],
  ['sources', 'Sources'],
  ['orphans', 'Orphans'],
];

interface Props {
  view: LeftView;
  onView: (view: LeftView) => void;
  searching: boolean;
  children: ReactNode;
}

export function LeftPane({ view, onView, searching, children }: Props): ReactElement {
  return (
    <div className="cd-left">
      {!searching && (
        <div className="cd-tabs" role="tablist" aria-label="Views">
          {TABS.map(([id, name]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={view === id}
              tabIndex={view === id ? 0 : -1}
              onClick={() => onView(id)}
              onKeyDown={(e) => {
                const i = TABS.findIndex(([t]) => t === id);
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (step) onView((TABS[(i + step + TABS.length) % TABS.length] as [LeftView, string])[0]);
              }}
            >
              {name}
            </button>
          ))}
        </div>
      )}
      <div className="cd-left-body">{children}</div>
    </div>
  );
}
