// "Settings…": the analyst's name (recorded as each new annotation's author), the
// organisation that publishes the fact checks (ClaimReview's author: its name and web address),
// the window's theme (ThemeChoice, applied at once) and the desk this library shares with
// (DeskSettings).
import { useEffect, useId, useState, type ReactElement } from 'react';
import type { SettingsRecord } from '../../../src-shared/model';
import { useLibrary } from '../app/library-context';
import { readSettings, vetSettings, writeSettings } from '../db/snapshot';
import { DeskSettings } from './DeskSettings';
import { DialogHeader, ErrorBox, useRunner } from './dialog-parts';
import { Modal } from './Modal';
import { ThemeChoice } from './ThemeChoice';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

export interface SettingsDialogProps {
  open: boolean;
  onClose: () => void;
}

export function SettingsDialog(props: SettingsDialogProps): ReactElement {
  return (
    <Modal label="Settings" open={props.open} onClose={props.onClose} className="cd-xd">
      <SettingsForm {...props} />
    </Modal>
  );
}

const FIELDS: { key: keyof SettingsRecord; label: string; hint: string }[] = [
  { key: 'analystName', label: 'Analyst name', hint: 'Recorded as the author of the annotations you make.' },
  { key: 'organisationName', label: 'Organisation name', hint: 'Publishes the fact checks (ClaimReview).' },
  {
    key: 'organisationUrl',
    label: 'Organisation web address',
    hint: 'Where the fact checks are published: a full http:// or https:// address.',
  },
];

function SettingsForm({ onClose }: SettingsDialogProps): ReactElement {
  const { db } = useLibrary();
  const id = useId();
  const [draft, setDraft] = useState<SettingsRecord | null>(null);
  const runner = useRunner('settings');
  const { refused, limit } = useTextLimits();

  useEffect(() => {
    let live = true;
    void readSettings(db).then((s) => live && setDraft(s));
    return () => {
      live = false;
    };
  }, [db]);

  const urlProblem = draft && !vetSettings(draft).ok;

  const save = (): void => {
    if (!draft) return;
    void runner
      .run(async () => {
        const vetted = vetSettings(draft);
        if (!vetted.ok) return vetted;
        await writeSettings(db, vetted.value);
        return { ok: true, value: 'Settings saved.' };
      })
      .then((done) => done && onClose());
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <DialogHeader title="Settings" onClose={onClose} />
      <ErrorBox message={runner.error} />
      {draft === null ? (
        <p className="cd-xd-hint">Loading…</p>
      ) : (
        FIELDS.map((f) => (
          <div key={f.key} className="cd-xd-field">
            <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
            <input
              id={`${id}-${f.key}`}
              type="text"
              inputMode={f.key === 'organisationUrl' ? 'url' : undefined}
              dir="auto"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-${f.key}-hint`}
              aria-invalid={f.key === 'organisationUrl' && urlProblem ? true : undefined}
              {...limit(
                {
                  value: draft[f.key],
                  onChange: (e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => d && { ...d, [f.key]: value });
                  },
                },
                f.label,
                f.key === 'organisationUrl' ? TEXT_LIMITS.url : TEXT_LIMITS.settingsName,
              )}
            />
            <small id={`${id}-${f.key}-hint`} className="cd-xd-hint">
              {f.hint}
            </small>
          </div>
        ))
      )}
      <LimitAlert message={refused} />
      <ThemeChoice />
      <DeskSettings />
      <div className="cd-xd-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="cd-xd-primary" disabled={draft === null || runner.busy}>
          Save
        </button>
      </div>
    </form>
  );
}
