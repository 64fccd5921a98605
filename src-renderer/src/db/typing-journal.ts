// Text typed into a claim, kept from the keystroke until its IndexedDB write has committed.
//
// A keystroke's write reads the claim and writes the changed field in one transaction: a few
// round trips to the storage process, so a renderer killed in between would lose keystrokes the
// page had already taken. localStorage is written synchronously and reaches the browser's storage
// at once, so each keystroke's patch is noted there first and struck off once its write has
// committed. Patches left behind by a window that is gone (its Web Lock released with it) are
// written when the app next starts, field by field like any edit.
import type { AnnotationRecord, EvidenceItem } from '../../../src-shared/model';
import { applyChanges } from './annotation-changes';
import type { ClaimdeskDb } from './database';

export type AnnotationPatch = Partial<
  Pick<
    AnnotationRecord,
    | 'labelId'
    | 'verdict'
    | 'rationale'
    | 'status'
    | 'priority'
    | 'notes'
    | 'claimantId'
    | 'evidence'
    | 'reviewUrl'
  >
>;

/** An edit of some fields of one evidence item. */
export interface EvidenceItemPatch {
  evidenceItem: string;
  changes: Partial<EvidenceItem>;
}

/** A change computed from the annotation as stored when the change is written. */
export type PatchFrom = (stored: AnnotationRecord) => AnnotationPatch;

/** Any patch as a change of the stored annotation. */
export function patchFrom(change: AnnotationPatch | EvidenceItemPatch | PatchFrom): PatchFrom {
  if (typeof change === 'function') return change;
  if ('evidenceItem' in change) {
    const { evidenceItem, changes } = change;
    return (stored) => ({
      evidence: stored.evidence.map((e) => (e.id === evidenceItem ? { ...e, ...changes } : e)),
    });
  }
  return () => change;
}

const PREFIX = 'claimdesk.typed:';
const LOCK_PREFIX = 'claimdesk-window:';

interface Entry {
  window: string;
  id: string;
  patch: AnnotationPatch | EvidenceItemPatch;
  modified: string;
}

const windowId = globalThis.crypto.randomUUID();
let held: Promise<void> | null = null;

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Holds this window's lock for as long as the window lives, so no other replays its notes. */
function holdLock(): void {
  held ??= new Promise<void>((resolve) => {
    void globalThis.navigator?.locks
      ?.request(LOCK_PREFIX + windowId, () => {
        resolve();
        return new Promise<never>(() => undefined);
      })
      .catch(() => resolve());
    if (!globalThis.navigator?.locks) resolve();
  });
}

/**
 * Notes a typed patch of annotation `id` until `written` has committed. `field` names the
 * field (one note per field: each keystroke's note replaces the one before).
 */
export function noteTyping(
  id: string,
  field: string,
  patch: AnnotationPatch | EvidenceItemPatch,
  modified: string,
  written: Promise<unknown>,
): void {
  const storage = store();
  if (!storage) return;
  holdLock();
  const key = `${PREFIX}${id}:${field}`;
  const entry = JSON.stringify({ window: windowId, id, patch, modified } satisfies Entry);
  try {
    storage.setItem(key, entry);
  } catch {
    return; // full: the write to IndexedDB goes ahead all the same
  }
  void written.then(
    () => {
      if (storage.getItem(key) === entry) storage.removeItem(key);
    },
    () => undefined,
  );
}

/** Writes the notes of windows that are gone, then strikes them off; resolves with how many. */
export async function replayTyping(db: ClaimdeskDb): Promise<number> {
  const storage = store();
  if (!storage) return 0;
  holdLock();
  const live = new Set(
    ((await globalThis.navigator?.locks?.query())?.held ?? []).map((lock) => lock.name ?? ''),
  );
  let written = 0;
  for (const key of Object.keys(storage).filter((k) => k.startsWith(PREFIX))) {
    const text = storage.getItem(key);
    let entry: Entry;
    try {
      entry = JSON.parse(text ?? '') as Entry;
    } catch {
      storage.removeItem(key);
      continue;
    }
    if (live.has(LOCK_PREFIX + entry.window)) continue;
    const change = patchFrom(entry.patch);
    await applyChanges(db, [entry.id], ([stored]) =>
      stored ? [{ before: stored, after: { ...stored, ...change(stored), modified: entry.modified } }] : [],
    );
    if (storage.getItem(key) === text) storage.removeItem(key);
    written += 1;
  }
  return written;
}
