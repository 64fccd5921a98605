// Search results across the library, grouped by document, each with its label, verdict and
// claimant; choosing one opens the document at the highlight. The query syntax is listed above.
import { useMemo, type ReactElement } from 'react';
import type { LabelRecord, SourceRecord } from '../../../src-shared/model';
import { VERDICT_NAMES } from '../../../src-shared/export/verdicts';
import { SEARCH_SYNTAX } from '../../../src-shared/search/query';
import type { SearchGroup } from '../app/library-search';

interface Props {
  groups: readonly SearchGroup[] | null;
  labels: ReadonlyMap<string, LabelRecord>;
  sources: readonly SourceRecord[];
  onOpen: (documentId: string, annotationId: string) => void;
}

export function SearchResults({ groups, labels, sources, onOpen }: Props): ReactElement {
  const count = groups?.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  const sourceNames = useMemo(() => new Map(sources.map((s) => [s.id, s.name])), [sources]);
  return (
    <section className="cd-search-results" aria-label="Search results">
      <h2 className="cd-panel-title">
        Search results <span className="cd-count">{groups ? count : '…'}</span>
      </h2>
      <details className="cd-search-help">
        <summary>Search syntax</summary>
        <dl>
          {SEARCH_SYNTAX.map(([form, meaning]) => (
            <div key={form}>
              <dt>
                <code>{form}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
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
                  <span className="cd-search-meta">
                    {a.verdict ? VERDICT_NAMES[a.verdict] : 'Not rated'}
                    {a.claimantId && sourceNames.has(a.claimantId) && (
                      <>
                        {' · '}
                        <bdi>{sourceNames.get(a.claimantId)}</bdi>
                      </>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
