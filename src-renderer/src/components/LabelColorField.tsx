// The colour input of the Labels dialog: a preview of the highlight and a warning when text over
// the colour would be hard to read in either theme.
import { useEffect, useEffectEvent, useId, useRef, useState, type ReactElement } from 'react';
import { highlightContrast, isHexColor, MIN_TEXT_CONTRAST } from '../../../src-shared/label-colors';

interface ColorProps {
  color: string;
  /** For the input's accessible name. */
  name: string;
  sample: string;
  onCommit: (color: string) => void;
}

/**
 * A colour input with a preview of the highlight and a warning when text over it would be hard to
 * read. It stores on the native change event (the picker closing) or on blur, not on every
 * `input` event while the picker is dragged.
 */
export function ColorField({ color, name, sample, onCommit }: ColorProps): ReactElement {
  const [draft, setDraft] = useState(color);
  const [shownColor, setShownColor] = useState(color);
  if (color !== shownColor) {
    setShownColor(color);
    setDraft(color);
  }
  const input = useRef<HTMLInputElement>(null);
  const warningId = useId();

  const commit = (value: string): void => {
    if (value !== color) onCommit(value);
  };
  const onNativeChange = useEffectEvent(commit);
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const onChange = (): void => onNativeChange(element.value);
    element.addEventListener('change', onChange);
    return () => element.removeEventListener('change', onChange);
  }, []);

  const warning = legibilityWarning(draft);
  return (
    <div className="cd-labels-color">
      <input
        ref={input}
        type="color"
        aria-label={`Colour of ${name || 'the new label'}`}
        aria-describedby={warning ? warningId : undefined}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={(event) => commit(event.currentTarget.value)}
      />
      <span className="cd-labels-sample" style={{ ['--cd-mark-color' as string]: draft }} aria-hidden="true">
        {sample || 'Sample'}
      </span>
      {warning && (
        <p id={warningId} className="cd-labels-warning">
          {warning}
        </p>
      )}
    </div>
  );
}

function legibilityWarning(color: string): string | null {
  if (!isHexColor(color)) return null;
  const contrast = highlightContrast(color);
  const failing = (['light', 'dark'] as const).filter((theme) => contrast[theme] < MIN_TEXT_CONTRAST);
  if (failing.length === 0) return null;
  const where = failing.map((theme) => `${theme} theme (${contrast[theme].toFixed(1)}:1)`).join(' and ');
  return `⚠ Text over this colour is hard to read in the ${where}; it needs ${MIN_TEXT_CONTRAST}:1.`;
}
