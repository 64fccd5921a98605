// The Labels dialog's form for a new label: a name and a colour that follows the palette's next
// unused colour until the analyst picks one.
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { nextUnusedColor } from '../../../src-shared/label-colors';
import type { LabelRecord } from '../../../src-shared/model';
import { ColorField } from './LabelColorField';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

interface AddProps {
  labels: readonly LabelRecord[];
  onAdd: (name: string, color: string) => Promise<boolean>;
}

export function AddLabelForm({ labels, onAdd }: AddProps): ReactElement {
  const [name, setName] = useState('');
  // Until the analyst picks one, the colour follows the palette's next unused colour.
  const [picked, setPicked] = useState<string | null>(null);
  const color = picked ?? nextUnusedColor(labels.map((l) => l.color));
  const nameId = useId();
  const { refused, limit } = useTextLimits();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (await onAdd(name, color)) {
      setName('');
      setPicked(null);
    }
  };

  return (
    <form className="cd-labels-add" aria-label="Add label" onSubmit={(event) => void submit(event)}>
      <label htmlFor={nameId}>New label</label>
      <input
        id={nameId}
        type="text"
        data-focus="add"
        dir="auto"
        {...limit(
          { value: name, onChange: (event) => setName(event.currentTarget.value) },
          'A label name',
          TEXT_LIMITS.labelName,
        )}
      />
      <ColorField color={color} name={name.trim()} sample={name.trim()} onCommit={setPicked} />
      <button type="submit">Add label</button>
      <LimitAlert message={refused} />
    </form>
  );
}
