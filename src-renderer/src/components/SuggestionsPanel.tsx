// Suggestions: the open article's most check-worthy sentences not yet highlighted, best first,
// each with the claimant its cue names. On a focused suggestion, A (or Enter) accepts it as a
// Claim with that claimant and X (or Delete) dismisses it; the arrows move between suggestions, and
// focus shows the sentence in the article.
import { useEffect, useRef, type ReactElement } from 'react';
import type { SuggestedSentence } from '../../../src-shared/intel/suggest';
import type { Suggestions } from '../app/use-suggestions';
import { SUGGESTION_LIMITS } from '../db/suggestion-store';
import './suggestions.css';

interface Props {
  suggestions: Suggestions;
  /** An accepted suggestion's new annotation, to select. */
  onAccepted: (annotationId: string) => void;
}

const percent = (score: number): string => `${Math.round(score * 100)}%`;

export function SuggestionsPanel(props: Props): ReactElement {
  const { shown: suggestions, limit, setLimit: onLimit, show: onShow, focused } = props.suggestions;
  const { accept, dismiss } = props.suggestions;
  const onAccepted = props.onAccepted;
  const onAccept = (s: SuggestedSentence): void =>
    void accept(s).then((record) => record && onAccepted(record.id));
  const onDismiss = (s: SuggestedSentence): void => void dismiss(s);
  const list = useRef<HTMLDivElement>(null);
  // After an accept or dismiss, the item at its place takes focus once it has left the list.
  const refocus = useRef<{ start: number; index: number } | null>(null);

  const focusAt = (index: number): void => {
    const items = list.current?.querySelectorAll<HTMLElement>('.cd-suggestion');
    if (items && items.length > 0) items[Math.max(0, Math.min(index, items.length - 1))]?.focus();
  };

  useEffect(() => {
    const gone = refocus.current;
    if (gone === null || suggestions?.some((s) => s.start === gone.start)) return;
    refocus.current = null;
    focusAt(gone.index);
  }, [suggestions]);

  return (
    <details className="cd-suggestions" open>
      <summary className="cd-panel-title">
        Suggestions <span className="cd-count">{suggestions === null ? '…' : suggestions.length}</span>
      </summary>
      <div className="cd-suggestions-bar">
        <label>
          Show{' '}
          <select
            aria-label="Suggestions per article"
            value={limit}
            onChange={(e) => onLimit(Number(e.currentTarget.value))}
          >
            {SUGGESTION_LIMITS.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? 'none' : n}
              </option>
            ))}
          </select>
        </label>
        <span className="cd-suggestions-keys" aria-hidden="true">
          <kbd>A</kbd> accept · <kbd>X</kbd> dismiss
        </span>
      </div>
      {suggestions !== null && suggestions.length === 0 && limit > 0 && (
        <p className="cd-empty">No more sentences to suggest in this article.</p>
      )}
      <div className="cd-suggestion-list" ref={list} role="listbox" aria-label="Suggested claims">
        {suggestions?.map((s, i) => (
          <div
            key={`${s.start}-${s.end}`}
            role="option"
            aria-selected={s.start === focused}
            tabIndex={i === 0 || s.start === focused ? 0 : -1}
            className="cd-suggestion"
            data-suggestion-start={s.start}
            aria-keyshortcuts="A X"
            aria-description={`Check-worthiness ${percent(s.score)}${s.claimant ? `, said by ${s.claimant}` : ''}. A accepts it as a claim, X dismisses it.`}
            onFocus={() => onShow(s)}
            onClick={() => onShow(s)}
            onKeyDown={(event) => {
              if (event.ctrlKey || event.metaKey || event.altKey) return;
              const key = event.key.toLowerCase();
              const act =
                key === 'a' || key === 'enter'
                  ? onAccept
                  : ['x', 'delete', 'backspace'].includes(key)
                    ? onDismiss
                    : null;
              if (act) {
                refocus.current = { start: s.start, index: i };
                act(s);
              } else if (key === 'arrowdown' || key === 'arrowup')
                focusAt(i + (key === 'arrowdown' ? 1 : -1));
              else return;
              event.preventDefault();
              event.stopPropagation();
            }}
          >
            <span className="cd-suggestion-head">
              <span className="cd-suggestion-score" title="Check-worthiness">
                {percent(s.score)}
              </span>
              {s.claimant && (
                <span className="cd-suggestion-claimant" dir="auto">
                  {s.claimant}
                </span>
              )}
            </span>
            <span className="cd-suggestion-text" dir="auto">
              {s.text}
            </span>
          </div>
        ))}
      </div>
    </details>
  );
}
