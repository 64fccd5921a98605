// The side panel: the current article's annotations in document order, and the claim editor
// for the selected one. Click reveals a highlight; Enter opens it for editing; Delete removes it.
import type { ReactElement, ReactNode } from 'react';
import type { AnnotationRecord, LabelRecord } from '../../../src-shared/model';
import { VERDICT_NAMES } from '../../../src-shared/export/verdicts';

interface Props {
  annotations: readonly AnnotationRecord[];
  labels: ReadonlyMap<string, LabelRecord>;
  selectedId: string | null;
  onReveal: (id: string) => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  /** The editor of the selected annotation. */
  children?: ReactNode;
  /** The article's suggested claims, shown above its annotations. */
  suggestions?: ReactNode;
}

export function AnnotationsPanel(props: Props): ReactElement {
  const { annotations, labels, selectedId, onReveal, onEdit, onDelete, children, suggestions } = props;
  return (
    <aside className="cd-annotations" aria-label="Annotations">
      {suggestions}
      <h2 className="cd-panel-title">
        Annotations <span className="cd-count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 && (
        <p className="cd-empty">
          Select text in the article and press a label’s number (1 for Claim) to highlight it.
        </p>
      )}
      <ol className="cd-annotation-list">
        {annotations.map((a, i) => {
          const label = labels.get(a.labelId);
          return (
            <li key={a.id}>
              <button
                type="button"
                className="cd-annotation"
                aria-current={a.id === selectedId ? 'true' : undefined}
                data-annotation-id={a.id}
                onClick={() => onReveal(a.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Delete' || event.key === 'Backspace') onDelete(a.id);
                  else if (event.key === 'Enter') onEdit(a.id);
                  else return;
                  event.preventDefault();
                  event.stopPropagation();
                }}
              >
                <span className="cd-annotation-head">
                  <span className="cd-annotation-number">{i + 1}</span>
                  <span className="cd-label-chip" style={{ ['--cd-label-color' as string]: label?.color }}>
                    {label?.name ?? a.labelId}
                  </span>
                  {a.verdict && <span className="cd-verdict">{VERDICT_NAMES[a.verdict]}</span>}
                  {a.orphaned && <span className="cd-orphan-badge">orphan</span>}
                </span>
                <span className="cd-annotation-quote" dir="auto">
                  {a.target.quote.exact}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {children}
    </aside>
  );
}
