// The evidence list of a claim: each item a link (URL, title), its stance toward the claim,
// a note and the date it was accessed. Links are opened only through the vetted bridge call.
import { useState, type ReactElement } from 'react';
import type { EvidenceItem, EvidenceStance, SourceKind, SourceRecord } from '../../../src-shared/model';
import { STANCE_NAMES } from '../../../src-shared/export/display-names';
import { completeWebAddress, vetExternalUrl } from '../../../src-shared/url-trust';
import { UrlField } from './UrlField';
import { SourcePicker } from './SourcePicker';
import { useDraftText } from './useDraftText';
import { TEXT_LIMITS, withLimit } from './text-limits';

interface SourceProps {
  sources: readonly SourceRecord[];
  onCreateSource: (name: string, kind: SourceKind) => Promise<SourceRecord>;
}

interface Props extends SourceProps {
  items: readonly EvidenceItem[];
  /**
   * An edit as a function of the stored list, so edits to different items or fields never
   * overwrite each other with a stale copy of the list.
   */
  onChange: (update: (items: readonly EvidenceItem[]) => EvidenceItem[], field: string) => void;
  /** An edit of some fields of one item (typed text among them: written as one small patch). */
  onItemChange: (id: string, changes: Partial<EvidenceItem>, field: string) => void;
  onOpenLink: (url: string) => void;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function EvidenceRow({
  item,
  index,
  update,
  remove,
  onOpenLink,
  sources,
  onCreateSource,
}: SourceProps & {
  item: EvidenceItem;
  index: number;
  update: (patch: Partial<EvidenceItem>, field: string) => void;
  remove: () => void;
  onOpenLink: (url: string) => void;
}): ReactElement {
  const [refused, setRefused] = useState<string | null>(null);
  const n = index + 1;
  const limited = (binding: ReturnType<typeof useDraftText>, label: string, limit: number) =>
    withLimit(binding, `Evidence ${n} ${label}`, limit, setRefused);
  const title = limited(
    useDraftText(item.title, (value) => update({ title: value }, 'title')),
    'title',
    TEXT_LIMITS.evidenceTitle,
  );
  const note = limited(
    useDraftText(item.note, (value) => update({ note: value }, 'note')),
    'note',
    TEXT_LIMITS.evidenceNote,
  );
  const vetted = vetExternalUrl(completeWebAddress(item.url) ?? '');
  return (
    <li className="cd-evidence-item">
      <UrlField
        label="URL"
        name={`Evidence ${n} URL`}
        stored={item.url}
        save={(value) => update({ url: value }, 'url')}
      />
      <label>
        Title <input aria-label={`Evidence ${n} title`} {...title} />
      </label>
      <SourcePicker
        label={`Source of evidence ${n}`}
        sources={sources}
        value={item.sourceId}
        onChange={(id) => update({ sourceId: id }, 'source')}
        onCreate={onCreateSource}
        kindForNew="outlet"
      />
      <label>
        Stance{' '}
        <select
          aria-label={`Evidence ${n} stance`}
          value={item.stance}
          onChange={(e) => update({ stance: e.currentTarget.value as EvidenceStance }, 'stance')}
        >
          {(Object.keys(STANCE_NAMES) as EvidenceStance[]).map((s) => (
            <option key={s} value={s}>
              {STANCE_NAMES[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Accessed{' '}
        <input
          type="date"
          aria-label={`Evidence ${n} accessed`}
          value={item.accessed ?? ''}
          onChange={(e) => update({ accessed: e.currentTarget.value || null }, 'accessed')}
        />
      </label>
      <label>
        Note <input aria-label={`Evidence ${n} note`} {...note} />
      </label>
      {refused && (
        <p className="cd-picker-error" role="alert">
          {refused}
        </p>
      )}
      <div className="cd-evidence-actions">
        {vetted && (
          <button type="button" onClick={() => onOpenLink(vetted)}>
            Open link
          </button>
        )}
        <button type="button" onClick={remove} aria-label={`Remove evidence ${n}`}>
          Remove
        </button>
      </div>
    </li>
  );
}

export function EvidenceEditor({
  items,
  onChange,
  onItemChange,
  onOpenLink,
  sources,
  onCreateSource,
}: Props): ReactElement {
  return (
    <fieldset className="cd-evidence">
      <legend>Evidence</legend>
      <ol>
        {items.map((item, i) => (
          <EvidenceRow
            key={item.id}
            item={item}
            index={i}
            onOpenLink={onOpenLink}
            sources={sources}
            onCreateSource={onCreateSource}
            update={(patch, field) => onItemChange(item.id, patch, `evidence:${item.id}:${field}`)}
            remove={() =>
              onChange((stored) => stored.filter((it) => it.id !== item.id), `evidence:${item.id}:remove`)
            }
          />
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange(
            (stored) => [
              ...stored,
              {
                id: crypto.randomUUID(),
                url: '',
                title: '',
                stance: 'supports',
                note: '',
                accessed: today(),
                sourceId: null,
              },
            ],
            'evidence:add',
          )
        }
      >
        Add evidence
      </button>
    </fieldset>
  );
}
