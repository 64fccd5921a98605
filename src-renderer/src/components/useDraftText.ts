// A text field's draft: typed text is saved at once (no debounce, so closing the window loses at
// most the keystroke in flight), while the field keeps its caret: the stored value only flows
// back into the field while the field is not focused (undo, another window, another record).
import { useEffect, useRef, useState } from 'react';

export interface DraftBinding {
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  onFocus: () => void;
  onBlur: () => void;
}

export function useDraftText(stored: string, save: (value: string) => void): DraftBinding {
  const [draft, setDraft] = useState(stored);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(stored);
  }, [stored]);
  return {
    value: draft,
    onChange: (event) => {
      setDraft(event.currentTarget.value);
      save(event.currentTarget.value);
    },
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
    },
  };
}
