// The claim record of the selected annotation, edited in the side panel: label, verdict and
// rationale, status, priority, claimant, evidence, notes and the published fact-check's URL.
// Every change is saved at once.
import { useCallback, useState, type ReactElement } from 'react';
import {
  PRIORITIES,
  STATUSES,
  VERDICTS,
  type AnnotationRecord,
  type LabelRecord,
  type Priority,
  type SourceKind,
  type SourceRecord,
  type Status,
  type Verdict,
} from '../../../src-shared/model';
import { PRIORITY_NAMES, STATUS_NAMES } from '../../../src-shared/export/display-names';
import { VERDICT_NAMES } from '../../../src-shared/export/verdicts';
import { CheckedBefore } from './CheckedBefore';
import { EvidenceEditor } from './EvidenceEditor';
import { SourcePicker } from './SourcePicker';
import { UrlField } from './UrlField';
import { useDraftText } from './useDraftText';
import { displayDate } from '../app/dates';
import { useLibrary } from '../app/library-context';
import { createSource } from '../db/sources';
import { TEXT_LIMITS, withLimit } from './text-limits';
import type { AnnotationPatch, EvidenceItemPatch, PatchFrom } from '../db/typing-journal';

export type { AnnotationPatch, EvidenceItemPatch, PatchFrom };

interface Props {
  annotation: AnnotationRecord;
  labels: readonly LabelRecord[];
  sources: readonly SourceRecord[];
  /** `field` groups successive edits of one field into one undo step. */
  onPatch: (patch: AnnotationPatch | EvidenceItemPatch | PatchFrom, field: string) => void;
  onOpenLink: (url: string) => void;
  /** Opens another claim in its article ("Checked before"). */
  onOpenAnnotation: (documentId: string, annotationId: string) => void;
}

export function ClaimEditor({
  annotation: a,
  labels,
  sources,
  onPatch,
  onOpenLink,
  onOpenAnnotation,
}: Props): ReactElement {
  const { db } = useLibrary();
  const onCreateSource = useCallback(
    (name: string, kind: SourceKind) => createSource(db, { name, kind }),
    [db],
  );
  const [refused, setRefused] = useState<string | null>(null);
  const rationale = withLimit(
    useDraftText(a.rationale, (value) => onPatch({ rationale: value }, 'rationale')),
    'Rationale',
    TEXT_LIMITS.rationale,
    setRefused,
  );
  const notes = withLimit(
    useDraftText(a.notes, (value) => onPatch({ notes: value }, 'notes')),
    'Notes',
    TEXT_LIMITS.notes,
    setRefused,
  );
  return (
    <form className="cd-claim-editor" aria-label="Claim" onSubmit={(e) => e.preventDefault()}>
      <label>
        Label
        <select
          aria-label="Label"
          value={a.labelId}
          onChange={(e) => onPatch({ labelId: e.currentTarget.value }, 'label')}
        >
          {labels.map((l, i) => (
            <option key={l.id} value={l.id}>
              {i < 9 ? `${i + 1} · ` : ''}
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <div className="cd-field-row">
        <label>
          Verdict
          <select
            aria-label="Verdict"
            value={a.verdict ?? ''}
            onChange={(e) =>
              onPatch({ verdict: (e.currentTarget.value || null) as Verdict | null }, 'verdict')
            }
          >
            <option value="">Not rated</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_NAMES[v]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            value={a.status}
            onChange={(e) => onPatch({ status: e.currentTarget.value as Status }, 'status')}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select
            aria-label="Priority"
            value={a.priority}
            onChange={(e) => onPatch({ priority: e.currentTarget.value as Priority }, 'priority')}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Rationale
        <input aria-label="Rationale" placeholder="One line: why this verdict" dir="auto" {...rationale} />
      </label>
      <SourcePicker
        label="Claimant"
        sources={sources}
        value={a.claimantId}
        onChange={(id) => onPatch({ claimantId: id }, 'claimant')}
        onCreate={onCreateSource}
        kindForNew="person"
      />
      <CheckedBefore annotation={a} onOpenAnnotation={onOpenAnnotation} onOpenLink={onOpenLink} />
      <EvidenceEditor
        items={a.evidence}
        onChange={(update, field) => onPatch((stored) => ({ evidence: update(stored.evidence) }), field)}
        onItemChange={(id, changes, field) => onPatch({ evidenceItem: id, changes }, field)}
        onOpenLink={onOpenLink}
        sources={sources}
        onCreateSource={onCreateSource}
      />
      <label>
        Notes
        <textarea aria-label="Notes" rows={4} dir="auto" {...notes} />
      </label>
      <UrlField
        label="Published fact-check"
        name="Published fact-check URL"
        stored={a.reviewUrl ?? ''}
        save={(value) => onPatch({ reviewUrl: value }, 'reviewUrl')}
      />
      {refused && (
        <p className="cd-picker-error" role="alert">
          {refused}
        </p>
      )}
      <p className="cd-claim-meta">
        {a.author ? `${a.author} · ` : ''}created {displayDate(a.created, true)} · modified{' '}
        {displayDate(a.modified, true)}
        {a.modifiedBy && a.modifiedBy !== a.author ? ` by ${a.modifiedBy}` : ''}
      </p>
    </form>
  );
}
