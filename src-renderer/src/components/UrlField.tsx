// A web address field (evidence links, a claim's published fact-check): what is typed stays in
// the field, what is stored is the web address it makes — typed without its scheme it is
// completed to https://, and anything that is no web address is not kept, which the field says.
import { useState, type ReactElement } from 'react';
import { completeWebAddress } from '../../../src-shared/url-trust';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

/**
 * The URL field: what is typed stays in the field, what is stored is the web address it makes
 * (or nothing). Leaving the field shows the completed address, or why nothing was kept.
 */
export function UrlField({
  label,
  name,
  stored,
  save,
}: {
  /** The visible label and the accessible name. */
  label: string;
  name: string;
  stored: string;
  save: (url: string) => void;
}): ReactElement {
  const [draft, setDraft] = useState(stored);
  const [focused, setFocused] = useState(false);
  const { refused: tooLong, limit } = useTextLimits();
  // Only a change to the stored value (undo, another window) replaces what is shown, and not
  // while the analyst is typing in the field.
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    if (!focused) setDraft(stored);
  }
  const kept = completeWebAddress(draft);
  const refused = !focused && draft.trim() !== '' && kept === null;
  return (
    <>
      <label>
        {label}{' '}
        <input
          type="url"
          aria-label={name}
          placeholder="https://…"
          aria-invalid={refused}
          onFocus={() => setFocused(true)}
          {...limit(
            {
              value: draft,
              onChange: (e) => {
                const value = e.currentTarget.value;
                setDraft(value);
                const next = completeWebAddress(value) ?? '';
                if (next !== stored) save(next);
              },
            },
            name,
            TEXT_LIMITS.url,
          )}
          onBlur={() => {
            setFocused(false);
            if (kept !== null) setDraft(kept);
          }}
        />
      </label>
      {refused && (
        <span className="cd-field-warning" role="alert">
          “{draft.trim()}” is not a web address, so it is not kept. Type it as https://…
        </span>
      )}
      <LimitAlert message={tooLong} />
    </>
  );
}
