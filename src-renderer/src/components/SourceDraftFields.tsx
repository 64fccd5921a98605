// A source's editable fields as the Sources view's add form and a source's page show them — name,
// kind, aliases, web address and reliability note — each within its size limit (text-limits.ts).
import { useId, type ReactElement } from 'react';
import type { SourceKind, SourceRecord } from '../../../src-shared/model';
import { SOURCE_KINDS, type SourceFields } from '../db/sources';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

const LIMITS = {
  name: TEXT_LIMITS.sourceName,
  aliases: TEXT_LIMITS.aliases,
  url: TEXT_LIMITS.url,
  reliabilityNote: TEXT_LIMITS.reliabilityNote,
};

/** A source's editable fields as typed: aliases comma-separated, URL as text. */
export interface Draft {
  name: string;
  kind: SourceKind;
  aliases: string;
  url: string;
  reliabilityNote: string;
}

export const EMPTY_DRAFT: Draft = { name: '', kind: 'person', aliases: '', url: '', reliabilityNote: '' };

export function toDraft(s: SourceRecord): Draft {
  return {
    name: s.name,
    kind: s.kind,
    aliases: s.aliases.join(', '),
    url: s.url ?? '',
    reliabilityNote: s.reliabilityNote,
  };
}

export function fromDraft(d: Draft): SourceFields {
  return { ...d, aliases: d.aliases.split(',') };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return (Object.keys(a) as (keyof Draft)[]).every((k) => a[k] === b[k]);
}

/** The fields both the add form and a source page edit; the note only where there is room for it. */
export function DraftFields({
  draft,
  onChange,
  withNote,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  withNote: boolean;
}): ReactElement {
  const id = useId();
  const { refused, limit } = useTextLimits();
  const bind = (field: keyof typeof LIMITS, label: string) =>
    limit(
      {
        value: draft[field],
        onChange: (event) => onChange({ ...draft, [field]: event.currentTarget.value }),
      },
      label,
      LIMITS[field],
    );
  const text = (field: 'name' | 'aliases' | 'url', label: string, hint?: string): ReactElement => (
    <label className="cd-source-field" htmlFor={`${id}-${field}`}>
      <span>{label}</span>
      <input
        id={`${id}-${field}`}
        type={field === 'url' ? 'url' : 'text'}
        dir={field === 'url' ? 'ltr' : 'auto'}
        required={field === 'name'}
        placeholder={hint}
        {...bind(field, label)}
      />
    </label>
  );
  return (
    <>
      {text('name', 'Name')}
      <label className="cd-source-field" htmlFor={`${id}-kind`}>
        <span>Kind</span>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(event) => onChange({ ...draft, kind: event.target.value as SourceKind })}
        >
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {text('aliases', 'Aliases', 'comma-separated')}
      {text('url', 'URL', 'https://…')}
      {withNote && (
        <label className="cd-source-field cd-source-note" htmlFor={`${id}-note`}>
          <span>Reliability note</span>
          <textarea id={`${id}-note`} dir="auto" rows={3} {...bind('reliabilityNote', 'Reliability note')} />
        </label>
      )}
      <LimitAlert message={refused} />
    </>
  );
}
