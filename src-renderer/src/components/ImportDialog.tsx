// "Import…": W3C Web Annotation (or Hypothesis) files are added to the documents they annotate;
// ClaimReview files (published fact-checks) are read by the import service and kept;
// a REFI-QDA project (.qdpx) is read by the import service (off this thread, with its limits)
// and adds its documents and highlights; a backup replaces the whole library, after a confirmation that says what will be replaced. The
// desktop app also lists its automatic backups to restore from.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { parseBackup } from '../../../src-shared/export/backup';
import { looksLikeClaimReview } from '../../../src-shared/factcheck/claimreview-read';
import type { LibrarySnapshot } from '../../../src-shared/model';
import type { BackupInfo } from '../../../src-shared/rpc-calls';
import { backupText } from '../app/exports';
import { getBridge } from '../bridge/bridge';
import { useLibrary } from '../app/library-context';
import { libraryCounts, restoreSnapshot, snapshotCounts, type LibraryCounts } from '../db/snapshot';
import { describeFactChecks, storeFactChecks } from '../db/fact-checks';
import { attachQdpx, describeQdpx } from '../db/qdpx-attach';
import { attachW3cAnnotations, describeAttach } from '../db/w3c-attach';
import { DialogHeader, ErrorBox, useRunner } from './dialog-parts';
import { Modal } from './Modal';
import { displayDate } from '../app/dates';
import { plural } from '../../../src-shared/util/plural';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** After a backup replaced the library: undo history and the open document no longer apply. */
  onLibraryReplaced: () => void;
}

export const IMPORT_ACCEPT = '.json,.jsonld,.qdpx,application/json,application/ld+json';

/** A REFI-QDA project: named so, or a ZIP archive (what a .qdpx is) under another name. */
async function isQdpx(file: File): Promise<boolean> {
  if (/\.qdpx$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

interface PendingRestore {
  snapshot: LibrarySnapshot;
  /** Where it comes from, as the analyst knows it: a file name or a backup's date. */
  origin: string;
  current: LibraryCounts;
}

function describeCounts(c: LibraryCounts): string {
  return `${plural(c.documents, 'document')}, ${plural(c.annotations, 'annotation')}, ${plural(c.labels, 'label')} and ${plural(c.sources, 'source')}`;
}

function isBackup(text: string): boolean {
  try {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return (
      typeof json === 'object' &&
      json !== null &&
      (json as { format?: unknown }).format === 'claimdesk-backup'
    );
  } catch {
    return false;
  }
}

const when = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : displayDate(iso, true);
};

export function ImportDialog(props: ImportDialogProps): ReactElement {
  return (
    <Modal label="Import" open={props.open} onClose={props.onClose} className="cd-xd">
      <ImportForm {...props} />
    </Modal>
  );
}

function ImportForm({ onClose, onLibraryReplaced }: ImportDialogProps): ReactElement {
  const { db, notices } = useLibrary();
  const { onError } = notices;
  const bridge = getBridge();
  const desktop = bridge.edition === 'desktop';
  const fileInput = useRef<HTMLInputElement>(null);
  const runner = useRunner('import');
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);

  useEffect(() => {
    if (!desktop) return;
    let live = true;
    void bridge.listBackups().then((listed) => {
      if (!live) return;
      if (listed.ok) setBackups(listed.value);
      else onError(listed.error);
    });
    return () => {
      live = false;
    };
  }, [bridge, desktop, onError]);

  /** A backup's text → the confirmation, or why it cannot be restored. */
  const offerRestore = async (text: string, origin: string) => {
    const parsed = parseBackup(text);
    if (!parsed.ok) return parsed;
    setPending({ snapshot: parsed.value, origin, current: await libraryCounts(db) });
    return { ok: true as const, value: null };
  };

  const importFile = (file: File): void => {
    setOutcome(null);
    void runner.run(async () => {
      if (await isQdpx(file)) return importProject(file);
      const text = await file.text();
      if (isBackup(text)) return offerRestore(text, file.name);
      if (looksLikeClaimReview(text)) return importFactChecks(file);
      const attached = await attachW3cAnnotations(db, text);
      if (!attached.ok) return { ok: false, error: `${file.name}: ${attached.error}` };
      const message = describeAttach(attached.value);
      setOutcome(message);
      return { ok: true, value: message };
    });
  };

  const importProject = async (file: File) => {
    const parsed = await bridge.importFile(file.name, new Uint8Array(await file.arrayBuffer()), {});
    if (!parsed.ok) return parsed;
    const attached = await attachQdpx(db, parsed.value);
    if (!attached.ok) return attached;
    const message = `${file.name}: ${describeQdpx(attached.value)}`;
    setOutcome(message);
    return { ok: true as const, value: message };
  };

  /** Published fact-checks (ClaimReview JSON-LD): read by the import service, like .qdpx. */
  const importFactChecks = async (file: File) => {
    const parsed = await bridge.importFile(file.name, new Uint8Array(await file.arrayBuffer()), {});
    if (!parsed.ok) return parsed;
    const stored = await storeFactChecks(db, file.name, parsed.value.factChecks ?? []);
    if (!stored.ok) return stored;
    const message = describeFactChecks(file.name, stored.value);
    setOutcome(message);
    return { ok: true as const, value: message };
  };

  const chooseBackup = (backup: BackupInfo): void => {
    setOutcome(null);
    void runner.run(async () => {
      const read = await bridge.readBackup(backup.name);
      return read.ok ? offerRestore(read.value, `the automatic backup of ${when(backup.createdAt)}`) : read;
    });
  };

  const restore = (plan: PendingRestore): void => {
    void runner
      .run(async () => {
        // On the desktop the library about to be replaced is kept as an automatic backup first.
        if (desktop) {
          const kept = await bridge.storeBackup(await backupText(db), 'daily');
          if (!kept.ok)
            return {
              ok: false,
              error: `The current library could not be backed up first, so nothing was restored: ${kept.error}`,
            };
        }
        const counts = await restoreSnapshot(db, plan.snapshot);
        onLibraryReplaced();
        return { ok: true, value: `Library restored from ${plan.origin}: ${describeCounts(counts)}.` };
      })
      .then((done) => done && onClose());
  };

  if (pending) {
    const incoming = snapshotCounts(pending.snapshot);
    return (
      <div>
        <DialogHeader title="Restore backup" onClose={onClose} />
        <ErrorBox message={runner.error} />
        <div className="cd-xd-confirm" role="alertdialog" aria-label="Replace the library?">
          <p>
            <strong>Restoring replaces the whole library.</strong>
          </p>
          <p>
            Your {describeCounts(pending.current)}, and your settings (analyst and organisation), will be
            replaced by the {describeCounts(incoming)} of {pending.origin}.
          </p>
          <p>
            {desktop
              ? 'The library as it is now is kept as an automatic backup first, so you can go back to it.'
              : 'This cannot be undone: export a backup of the current library first if you may want it again.'}
          </p>
        </div>
        <div className="cd-xd-actions">
          <button type="button" onClick={() => setPending(null)} disabled={runner.busy}>
            Cancel
          </button>
          <button
            type="button"
            className="cd-xd-danger"
            onClick={() => restore(pending)}
            disabled={runner.busy}
          >
            {runner.busy ? 'Restoring…' : 'Replace library'}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div>
      <DialogHeader title="Import" onClose={onClose} />
      <ErrorBox message={runner.error} />
      {outcome && (
        <p className="cd-xd-confirm cd-xd-outcome" role="status">
          {outcome}
        </p>
      )}
      <fieldset>
        <legend>From a file</legend>
        <p className="cd-xd-hint">
          A W3C Web Annotation file (Claimdesk’s own export, or Hypothesis) adds its annotations to the
          articles already in the library. A REFI-QDA project (.qdpx, from ATLAS.ti, MAXQDA, NVivo or
          QualCoder) adds its text sources and their codings. Published fact-checks (ClaimReview JSON-LD) are
          kept to show beside matching claims under “Checked before”. A Claimdesk backup replaces the whole
          library — you will be asked first.
        </p>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={runner.busy}>
          {runner.busy ? 'Importing…' : 'Choose a file…'}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={IMPORT_ACCEPT}
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) importFile(file);
          }}
        />
      </fieldset>
      {desktop && (
        <fieldset>
          <legend>Automatic backups</legend>
          {backups === null ? (
            <p className="cd-xd-hint">Looking for backups…</p>
          ) : backups.length === 0 ? (
            <p className="cd-xd-hint">
              None yet: Claimdesk keeps one a day and one on quitting, the last ten.
            </p>
          ) : (
            <ul className="cd-xd-backups" aria-label="Automatic backups">
              {backups.map((b) => (
                <li key={b.name}>
                  <span>
                    {when(b.createdAt)}{' '}
                    <small className="cd-xd-hint">({Math.max(1, Math.round(b.size / 1024))} KB)</small>
                  </span>
                  <button type="button" onClick={() => chooseBackup(b)} disabled={runner.busy}>
                    Restore…
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      <div className="cd-xd-actions">
        <button type="button" onClick={onClose}>
          {outcome ? 'Done' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
