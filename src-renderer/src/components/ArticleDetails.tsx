// The article's details above its text — outlet, author, publication date and web address — and
// the form in which the analyst records or corrects them (kept when the file is opened again).
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { ArticleDetail, DocumentRecord } from '../../../src-shared/model';
import { displayDate } from '../app/dates';
import { useLibrary } from '../app/library-context';
import { openExternalLink } from '../app/open-link';
import { articleDetails, updateArticleDetails, type ArticleDetails as Details } from '../db/article-details';
import { track } from '../app/save-state';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';
import './article-details.css';
import { errorMessage } from '../../../src-shared/util/error-message';

const LABELS: Record<ArticleDetail, string> = {
  url: 'Web address',
  published: 'Published',
  outlet: 'Outlet',
  author: 'Author',
};

/** A stored date as the date field shows it (YYYY-MM-DD), the calendar day the page gave. */
const dayOf = (value: string | null): string => value?.slice(0, 10) ?? '';

export function ArticleDetails({ document: doc }: { document: DocumentRecord }): ReactElement {
  const { db, notices } = useLibrary();
  const { onError } = notices;
  const id = useId();
  const [draft, setDraft] = useState<Details | null>(null);
  const details = articleDetails(doc);
  const { refused, limit } = useTextLimits();

  if (draft) {
    const submit = async (event: FormEvent): Promise<void> => {
      event.preventDefault();
      try {
        await track(updateArticleDetails(db, doc.id, draft));
        setDraft(null);
      } catch (e) {
        onError(`Not saved: ${errorMessage(e)}`);
      }
    };
    return (
      <form className="cd-article-details-form" aria-label="Article details" onSubmit={(e) => void submit(e)}>
        {(Object.keys(LABELS) as ArticleDetail[]).map((field) => {
          const binding = {
            value: draft[field] ?? '',
            onChange: (event: { currentTarget: { value: string } }) =>
              setDraft({ ...draft, [field]: event.currentTarget.value }),
          };
          // The date field takes only a date; the others have a size limit.
          const max = field === 'url' ? TEXT_LIMITS.url : TEXT_LIMITS.articleDetail;
          return (
            <label key={field} htmlFor={`${id}-${field}`}>
              <span>{LABELS[field]}</span>
              <input
                id={`${id}-${field}`}
                type={field === 'published' ? 'date' : field === 'url' ? 'url' : 'text'}
                dir={field === 'url' ? 'ltr' : 'auto'}
                {...(field === 'published' ? binding : limit(binding, LABELS[field], max))}
              />
            </label>
          );
        })}
        <LimitAlert message={refused} />
        <button type="submit">Save details</button>
        <button type="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </form>
    );
  }

  const date = details.published && new Date(details.published);
  return (
    <div className="cd-article-details" role="group" aria-label="Article details">
      {details.outlet && <span dir="auto">{details.outlet}</span>}
      {details.author && <span dir="auto">by {details.author}</span>}
      {date && !Number.isNaN(date.getTime()) && (
        <time dateTime={details.published ?? undefined}>{displayDate(details.published as string)}</time>
      )}
      {details.url && (
        <a
          href={details.url}
          title={details.url}
          dir="ltr"
          rel="noopener noreferrer"
          target="_blank"
          onClick={(event) => {
            event.preventDefault();
            openExternalLink(details.url as string, onError);
          }}
        >
          {details.url}
        </a>
      )}
      <button
        type="button"
        className="cd-link"
        onClick={() => setDraft({ ...details, published: dayOf(details.published) })}
      >
        {details.url || details.published || details.outlet || details.author
          ? 'Edit details'
          : 'Add details'}
      </button>
    </div>
  );
}
