// Search results across the library, grouped by document; choosing one opens the document at
// the highlight.
import type { ReactElement } from 'react';
import type { LabelRecord } from '../../../src-shared/model';
import type { SearchGroup } from '../app/library-search';

interface Props {
  groups: readonly SearchGroup[] | null;
  labels: ReadonlyMap<string, LabelRecord>;
  onOpen: (documentId: string, annotationId: string) => void;
}

export function SearchResults({ groups, labels, onOpen }: Props): ReactElement {
  const count = groups?.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  return (
    <section className="cd-search-results" aria-label="Search results">
      <h2 className="cd-panel-title">
        Search results <span className="cd-count">{groups ? count : '…'}</span>
      </h2>
      {groups?.length === 0 && <p className="cd-empty">No annotation matches.</p>}
      {groups?.map((group) => (
        <section key={group.documentId} aria-label={group.title} className="cd-search-group">
          <h3 className="cd-library-file">{group.title}</h3>
          <ul>
            {group.hits.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="cd-search-hit"
                  onClick={() => onOpen(group.documentId, a.id)}
                >
                  <span
                    className="cd-label-chip"
                    style={{ ['--cd-label-color' as string]: labels.get(a.labelId)?.color }}
                  >
                    {labels.get(a.labelId)?.name ?? a.labelId}
                  </span>{' '}
                  <span dir="auto">{a.target.quote.exact}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
