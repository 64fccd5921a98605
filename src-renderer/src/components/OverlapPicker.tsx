// Clicking words under several highlights: a small menu to choose which annotation is meant.
import type { ReactElement } from 'react';
import type { AnnotationRecord, LabelRecord } from '../../../src-shared/model';
import { shortText } from '../app/short-text';

interface Props {
  annotations: readonly AnnotationRecord[];
  labels: ReadonlyMap<string, LabelRecord>;
  position: { top: number; left: number };
  onPick: (id: string) => void;
  onClose: () => void;
}

export function OverlapPicker({ annotations, labels, position, onPick, onClose }: Props): ReactElement {
  return (
    <div
      className="cd-overlap-picker"
      role="menu"
      aria-label="Choose annotation"
      style={{ top: position.top, left: position.left }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {annotations.map((a, i) => (
        <button key={a.id} type="button" role="menuitem" autoFocus={i === 0} onClick={() => onPick(a.id)}>
          <span
            className="cd-label-chip"
            style={{ ['--cd-label-color' as string]: labels.get(a.labelId)?.color }}
          >
            {labels.get(a.labelId)?.name ?? a.labelId}
          </span>{' '}
          <span dir="auto">{shortText(a.target.quote.exact, 90)}</span>
        </button>
      ))}
    </div>
  );
}
