// The claim editor's "Checked before" section: the claims elsewhere in the library (other
// articles, other versions of this one) and the imported fact-checks that say the same thing as
// the selected claim, each with its verdict, claimant or reviewer, date and article. Each is a
// button: a claim opens its article at the highlight, a fact-check its page in the browser.
import type { ReactElement } from 'react';
import { VERDICT_NAMES } from '../../../src-shared/export/verdicts';
import type { AnnotationRecord } from '../../../src-shared/model';
import { vetExternalUrl } from '../../../src-shared/url-trust';
import { useCheckedBefore, type CheckedBeforeMatch } from '../app/checked-before';
import './checked-before.css';

interface Props {
  annotation: AnnotationRecord;
  onOpenAnnotation: (documentId: string, annotationId: string) => void;
  onOpenLink: (url: string) => void;
}

const day = (iso: string | null): string | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
};

function Match({ match, onOpen }: { match: CheckedBeforeMatch; onOpen: () => void }): ReactElement {
  const verdict = match.verdict ? VERDICT_NAMES[match.verdict] : null;
  const rating =
    match.kind === 'fact-check'
      ? verdict && verdict.toLowerCase() !== match.ratingText.toLowerCase()
        ? `${verdict} · “${match.ratingText}”`
        : match.ratingText
      : (verdict ?? 'Not rated');
  const where =
    match.kind === 'fact-check'
      ? `Fact-check${match.reviewer ? ` by ${match.reviewer}` : ''}`
      : `${match.title || 'Untitled'}${match.otherVersion ? ' (another version)' : ''}`;
  const who = match.claimant ? `${match.claimant}` : null;
  const facts = [who, day(match.date)].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className="cd-checked-match"
      onClick={onOpen}
      disabled={match.kind === 'fact-check' && !vetExternalUrl(match.url)}
      title={
        match.kind === 'fact-check' ? 'Open the fact-check in the browser' : 'Open the claim in its article'
      }
    >
      <span className="cd-checked-head">
        <span className={`cd-verdict${match.verdict ? ` cd-verdict-${match.verdict}` : ''}`}>{rating}</span>
        <span className="cd-checked-where" dir="auto">
          {where}
        </span>
      </span>
      <span className="cd-checked-quote" dir="auto">
        {match.quote}
      </span>
      {facts && (
        <span className="cd-checked-facts" dir="auto">
          {facts}
        </span>
      )}
    </button>
  );
}

export function CheckedBefore({ annotation, onOpenAnnotation, onOpenLink }: Props): ReactElement {
  const found = useCheckedBefore(annotation);
  const open = (m: CheckedBeforeMatch): void => {
    if (m.kind === 'claim') onOpenAnnotation(m.documentId, m.id);
    else {
      const url = vetExternalUrl(m.url);
      if (url) onOpenLink(url);
    }
  };
  const seen = found ? found.articles : null;
  return (
    <section className="cd-checked" aria-label="Checked before">
      <h3 className="cd-checked-title">
        Checked before
        {seen !== null && (
          <span className="cd-checked-seen">
            seen in {seen} article{seen === 1 ? '' : 's'}
          </span>
        )}
      </h3>
      {found === undefined ? (
        <p className="cd-checked-empty">Looking…</p>
      ) : found.matches.length === 0 ? (
        <p className="cd-checked-empty">No similar claim in the library or the imported fact-checks.</p>
      ) : (
        <ul>
          {found.matches.map((m) => (
            <li key={m.id}>
              <Match match={m} onOpen={() => open(m)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
