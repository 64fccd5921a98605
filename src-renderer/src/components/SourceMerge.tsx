// Keeping the Sources registry clean: the "likely the same" offers above the list, and a source
// page's Merge into… and Delete actions. Each is one undoable step (Ctrl+Z), said so beside it.
import { useId, useState, type ReactElement } from 'react';
import type { SourceRecord } from '../../../src-shared/model';
import { useLibrary, type Library } from '../app/library-context';
import { track } from '../app/save-state';
import type { LibraryStep } from '../db/library-steps';
import { deleteSourceStep, mergeSourcesStep } from '../db/merge-sources';
import { likelySameSources } from '../db/source-matching';
import './sources.css';
import './library-menu.css';
import { errorMessage as message } from '../../../src-shared/util/error-message';

/** Runs a step through the undo history and says what it did (or why it was refused). */
async function runStep(build: () => Promise<LibraryStep>, { history, notices }: Library): Promise<void> {
  try {
    const step = await track(history.commitStep(build));
    if (step) notices.onInfo(`${step.label}. Undo (Ctrl+Z) takes it back.`);
  } catch (e) {
    notices.onError(`Not done: ${message(e)}`);
  }
}

export function LikelySameNotice({ sources }: { sources: readonly SourceRecord[] }): ReactElement | null {
  const context = useLibrary();
  const pairs = likelySameSources(sources);
  if (pairs.length === 0) return null;
  const merge = (from: SourceRecord, into: SourceRecord): Promise<void> =>
    runStep(() => mergeSourcesStep(context.db, [from.id], into.id), context);
  return (
    <section className="cd-duplicates" aria-label="Likely the same">
      <h3 className="cd-duplicates-title">Likely the same</h3>
      <ul>
        {pairs.map(({ sources: [a, b], reason }) => (
          <li key={`${a.id} ${b.id}`} className="cd-duplicate-group">
            <span dir="auto">
              {a.name} · {b.name}
            </span>{' '}
            <span className="cd-source-kind">{reason}</span>
            <span className="cd-duplicate-actions">
              <button type="button" onClick={() => void merge(b, a)}>
                Merge into <span dir="auto">{a.name}</span>
              </button>
              <button type="button" onClick={() => void merge(a, b)}>
                Merge into <span dir="auto">{b.name}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A source page's actions: merge it into another source, or delete it. */
export function SourceActions({
  source,
  sources,
  claimCount,
}: {
  source: SourceRecord;
  sources: readonly SourceRecord[];
  claimCount: number | undefined;
}): ReactElement {
  const context = useLibrary();
  const id = useId();
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const others = sources.filter((s) => s.id !== source.id);
  return (
    <section className="cd-source-actions" aria-label="Merge or delete">
      <label htmlFor={`${id}-into`}>Merge into</label>{' '}
      <select id={`${id}-into`} value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">Choose a source…</option>
        {others.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        disabled={target === ''}
        onClick={() => void runStep(() => mergeSourcesStep(context.db, [source.id], target), context)}
      >
        Merge
      </button>{' '}
      {confirming ? (
        <span role="group" aria-label="Confirm delete">
          Delete “{source.name}”? {claimCount ?? '…'} claim{claimCount === 1 ? '' : 's'} will have no claimant
          or cited source.{' '}
          <button
            type="button"
            className="cd-danger"
            onClick={() => void runStep(() => deleteSourceStep(context.db, source.id), context)}
          >
            Delete
          </button>{' '}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Delete source…
        </button>
      )}
    </section>
  );
}
