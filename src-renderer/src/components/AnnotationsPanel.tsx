// The side panel: the current article's annotations in document order. Click (or Enter) reveals
// a highlight in the article; Delete or Backspace on a focused item removes it.
import type { ReactElement } from 'react';
import type { AnnotationRecord, LabelRecord } from '../../../src-shared/model';

interface Props {
  annotations: readonly AnnotationRecord[];
  labels: ReadonlyMap<string, LabelRecord>;
  selectedId: string | null;
  onReveal: (id: string) => void;
  onDelete: (id: string) => void;
}

export function AnnotationsPanel({
  annotations,
  labels,
  selectedId,
  onReveal,
  onDelete,
}: Props): ReactElement {
  return (
    <aside className="cd-annotations" aria-label="Annotations">
      <h2 className="cd-panel-title">
        Annotations <span className="cd-count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 && (
        <p className="cd-empty">Select text in the article and press 1–5 to highlight a claim.</p>
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
                  if (event.key === 'Delete' || event.key === 'Backspace') {
                    event.preventDefault();
                    onDelete(a.id);
                  }
                }}
              >
                <span className="cd-annotation-head">
                  <span className="cd-annotation-number">{i + 1}</span>
                  <span className="cd-label-chip" style={{ ['--cd-label-color' as string]: label?.color }}>
                    {label?.name ?? a.labelId}
                  </span>
                </span>
                <span className="cd-annotation-quote" dir="auto">
                  {a.target.quote.exact}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
