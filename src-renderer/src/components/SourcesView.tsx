// The Sources view: every claimant and cited outlet, possible duplicates to merge, a form to add
// one, and a source's own page with its details and every claim attributed to it.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceRecord } from '../../../src-shared/model';
import { claimsBySource, createSource, findSources, updateSource, type SourceClaim } from '../db/sources';
import { useLibrary } from '../app/library-context';
import { LikelySameNotice, SourceActions } from './SourceMerge';
import { DraftFields, EMPTY_DRAFT, fromDraft, sameDraft, toDraft, type Draft } from './SourceDraftFields';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';
import './sources.css';
import { errorMessage as message } from '../../../src-shared/util/error-message';

export interface SourcesViewProps {
  onOpenAnnotation: (documentId: string, annotationId: string) => void;
}

const NO_SOURCES: SourceRecord[] = [];
const byName = new Intl.Collator(undefined, { numeric: true }).compare;

export function SourcesView({ onOpenAnnotation }: SourcesViewProps): ReactElement {
  const { db } = useLibrary();
  const sources = useLiveQuery(
    async () => (await db.sources.toArray()).sort((a, b) => byName(a.name, b.name)),
    [db],
    NO_SOURCES,
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The source whose page was last open, so going back puts focus where the analyst left.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  // A source merged away or deleted elsewhere simply drops its page.
  const selected = selectedId === null ? undefined : sources.find((s) => s.id === selectedId);

  return (
    <section className="cd-sources" aria-label="Sources">
      {selected ? (
        <SourcePage
          key={selected.id}
          source={selected}
          sources={sources}
          onBack={() => {
            setReturnTo(selected.id);
            setSelectedId(null);
          }}
          onOpenAnnotation={onOpenAnnotation}
        />
      ) : (
        <SourceList sources={sources} focusId={returnTo} onOpen={setSelectedId} />
      )}
    </section>
  );
}

interface ListProps {
  sources: readonly SourceRecord[];
  focusId: string | null;
  onOpen: (id: string) => void;
}

function SourceList({ sources, focusId, onOpen }: ListProps): ReactElement {
  const [filter, setFilter] = useState('');
  const { refused, limit } = useTextLimits();
  const list = useRef<HTMLUListElement>(null);
  const shown = filter.trim() === '' ? sources : findSources(sources, filter, Infinity).map((m) => m.source);

  useEffect(() => {
    if (focusId === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button[data-source-id]') ?? [];
    [...buttons].find((b) => b.dataset.sourceId === focusId)?.focus();
  }, [focusId]);

  return (
    <div className="cd-sources-list-view">
      <h2 className="cd-panel-title">
        Sources <span className="cd-count">{sources.length}</span>
      </h2>
      <input
        type="search"
        className="cd-sources-filter"
        aria-label="Filter sources"
        placeholder="Filter by name or alias…"
        dir="auto"
        {...limit(
          { value: filter, onChange: (event) => setFilter(event.currentTarget.value) },
          'The filter',
          TEXT_LIMITS.search,
        )}
      />
      <LimitAlert message={refused} />
      <LikelySameNotice sources={sources} />
      {sources.length === 0 && (
        <p className="cd-empty">No sources yet. Add one below, or while annotating.</p>
      )}
      {sources.length > 0 && shown.length === 0 && <p className="cd-empty">No source matches “{filter}”.</p>}
      <ul ref={list} className="cd-sources-list">
        {shown.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="cd-library-item cd-source-item"
              data-source-id={s.id}
              onClick={() => onOpen(s.id)}
            >
              <span className="cd-source-name" dir="auto">
                {s.name}
              </span>
              <span className="cd-source-kind">{s.kind}</span>
              {s.aliases.length > 0 && (
                <span className="cd-source-aliases" dir="auto">
                  {s.aliases.join(', ')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <AddSourceForm />
    </div>
  );
}

function AddSourceForm(): ReactElement {
  const { db, notices } = useLibrary();
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await createSource(db, fromDraft(draft));
      // The kind is kept: analysts tend to add several of a kind in a row.
      setDraft({ ...EMPTY_DRAFT, kind: draft.kind });
    } catch (e) {
      notices.onError(`Could not add the source: ${message(e)}`);
    }
  };
  return (
    <form className="cd-source-form" aria-label="Add source" onSubmit={(event) => void submit(event)}>
      <h3 className="cd-panel-title">Add source</h3>
      <DraftFields draft={draft} onChange={setDraft} withNote={false} />
      <button type="submit">Add source</button>
    </form>
  );
}

interface PageProps {
  source: SourceRecord;
  sources: readonly SourceRecord[];
  onBack: () => void;
  onOpenAnnotation: (documentId: string, annotationId: string) => void;
}

function SourcePage({ source, sources, onBack, onOpenAnnotation }: PageProps): ReactElement {
  const { db, notices } = useLibrary();
  const heading = useRef<HTMLHeadingElement>(null);
  const [base, setBase] = useState(source);
  const [draft, setDraft] = useState(() => toDraft(source));
  // A change stored elsewhere (a merge adding aliases) shows here unless the analyst is editing.
  if (base !== source) {
    setBase(source);
    if (sameDraft(draft, toDraft(base))) setDraft(toDraft(source));
  }
  const refused = useRef<Draft | null>(null);
  const titleId = useId();
  const claims = useLiveQuery(() => claimsBySource(db, source.id), [db, source.id]);

  useEffect(() => heading.current?.focus(), []);

  /** Stores the draft if it changed; false when it was refused (the refusal is reported once). */
  const commit = async (): Promise<boolean> => {
    if (sameDraft(draft, toDraft(source))) return true;
    try {
      setDraft(toDraft(await updateSource(db, source.id, fromDraft(draft))));
      refused.current = null;
      return true;
    } catch (e) {
      if (!refused.current || !sameDraft(refused.current, draft)) notices.onError(`Not saved: ${message(e)}`);
      refused.current = draft;
      return false;
    }
  };

  const back = async (): Promise<void> => {
    if (await commit()) onBack();
  };

  return (
    <article
      className="cd-source-page"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          void back();
        }
      }}
    >
      <button type="button" className="cd-source-back" onClick={() => void back()}>
        ← All sources
      </button>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="cd-source-title" dir="auto">
        {source.name}
      </h2>
      <form
        className="cd-source-form"
        aria-label="Source details"
        onSubmit={(event) => {
          event.preventDefault();
          void commit();
        }}
        // Saved as the analyst moves on, like the annotation fields: there is no separate "edit mode".
        onBlur={() => void commit()}
      >
        <DraftFields draft={draft} onChange={setDraft} withNote />
        <button type="submit">Save</button>
      </form>
      <SourceActions source={source} sources={sources} claimCount={claims?.length} />
      <SourceClaims claims={claims} onOpenAnnotation={onOpenAnnotation} />
    </article>
  );
}

function SourceClaims({
  claims,
  onOpenAnnotation,
}: {
  claims: SourceClaim[] | undefined;
  onOpenAnnotation: (documentId: string, annotationId: string) => void;
}): ReactElement {
  const groups: { document: SourceClaim['document']; claims: SourceClaim[] }[] = [];
  for (const claim of claims ?? []) {
    const last = groups[groups.length - 1];
    if (last?.document.id === claim.document.id) last.claims.push(claim);
    else groups.push({ document: claim.document, claims: [claim] });
  }
  return (
    <section className="cd-source-claims" aria-label="Claims">
      <h3 className="cd-panel-title">
        Claims <span className="cd-count">{claims?.length ?? ''}</span>
      </h3>
      {claims?.length === 0 && (
        <p className="cd-empty">No claim is attributed to or cites this source yet.</p>
      )}
      {groups.map(({ document, claims: inDocument }) => (
        <section key={document.id} className="cd-source-doc" aria-label={document.title}>
          <h4 className="cd-source-doc-title" dir="auto">
            {document.title} <span className="cd-source-doc-file">{document.sourceFile}</span>
          </h4>
          <ul>
            {inDocument.map(({ annotation, role }) => (
              <li key={annotation.id}>
                <button
                  type="button"
                  className="cd-annotation cd-source-claim"
                  onClick={() => onOpenAnnotation(document.id, annotation.id)}
                >
                  <span className={`cd-source-role cd-source-role-${role}`}>
                    {role === 'claimant' ? 'Claimant' : 'Cited'}
                  </span>
                  {annotation.orphaned && <span className="cd-source-role">Orphaned</span>}
                  <span className="cd-annotation-quote" dir="auto">
                    {annotation.target.quote.exact}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
