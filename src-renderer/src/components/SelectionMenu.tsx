// The small label menu that appears over a text selection in the article; each button is also
// reachable by its number key. mousedown is cancelled so the selection survives the click.
import type { ReactElement } from 'react';
import type { LabelRecord } from '../../../src-shared/model';

interface Props {
  labels: readonly LabelRecord[];
  position: { top: number; left: number };
  onPick: (labelId: string) => void;
}

export function SelectionMenu({ labels, position, onPick }: Props): ReactElement {
  return (
    <div
      className="cd-selection-menu"
      role="toolbar"
      aria-label="Highlight as"
      style={{ top: position.top, left: position.left }}
    >
      {labels.slice(0, 9).map((label, i) => (
        <button
          key={label.id}
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(label.id)}
          title={`${label.name} (${i + 1})`}
        >
          <span className="cd-key">{i + 1}</span>
          <span className="cd-label-chip" style={{ ['--cd-label-color' as string]: label.color }}>
            {label.name}
          </span>
        </button>
      ))}
    </div>
  );
}
