// Editing the label set: add, rename, recolour, reorder, merge and delete. Each operation is one
// transaction that checks before it writes, so a refused edit leaves the library as it was.
// Orders stay 0..n-1 without gaps because keys 1–9 follow them.
import { isHexColor, nextUnusedColor } from '../../../src-shared/label-colors';
import type { LabelRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from './database';

/** What becomes of a deleted label's annotations. */
export type LabelDisposal = { reassignTo: string } | { removeAnnotations: true };

function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/** The trimmed name, or an error when it is empty or another label already has it. */
function checkedName(name: string, labels: readonly LabelRecord[], exceptId?: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A label needs a name.');
  const clash = labels.find((l) => l.id !== exceptId && nameKey(l.name) === nameKey(trimmed));
  if (clash) throw new Error(`There is already a label named "${clash.name}".`);
  return trimmed;
}

function checkedColor(color: string): string {
  if (!isHexColor(color)) throw new Error(`A label colour must be written #rrggbb, not "${color}".`);
  return color.toLowerCase();
}

function labelIn(labels: readonly LabelRecord[], id: string): LabelRecord {
  const label = labels.find((l) => l.id === id);
  if (!label) throw new Error(`There is no label "${id}".`);
  return label;
}

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'label';
}

/** Writes orders 0..n-1 in the given sequence, touching only the labels whose order changes. */
async function storeOrder(db: ClaimdeskDb, sequence: readonly LabelRecord[]): Promise<void> {
  const moved = sequence.flatMap((l, order) =>
    l.order === order ? [] : [{ key: l.id, changes: { order } }],
  );
  if (moved.length > 0) await db.labels.bulkUpdate(moved);
}

function inOrder(db: ClaimdeskDb): Promise<LabelRecord[]> {
  return db.labels.orderBy('order').toArray();
}

/** Adds a label at the end (the next free key); without a colour it gets an unused palette one. */
export function addLabel(db: ClaimdeskDb, name: string, color?: string): Promise<LabelRecord> {
  return db.transaction('rw', db.labels, db.annotations, async () => {
    const labels = await inOrder(db);
    const trimmed = checkedName(name, labels);
    const chosen = color === undefined ? nextUnusedColor(labels.map((l) => l.color)) : checkedColor(color);
    // An id that annotations still carry (say, from an imported file) would silently adopt them.
    const taken = async (id: string): Promise<boolean> =>
      labels.some((l) => l.id === id) || (await db.annotations.where('labelId').equals(id).count()) > 0;
    const base = slugOf(trimmed);
    let id = base;
    for (let n = 2; await taken(id); n++) id = `${base}-${n}`;
    const record: LabelRecord = { id, name: trimmed, color: chosen, order: labels.length };
    await db.labels.add(record);
    return record;
  });
}

export function renameLabel(db: ClaimdeskDb, id: string, name: string): Promise<void> {
  return db.transaction('rw', db.labels, async () => {
    const labels = await inOrder(db);
    const label = labelIn(labels, id);
    await db.labels.update(label.id, { name: checkedName(name, labels, id) });
  });
}

export function recolorLabel(db: ClaimdeskDb, id: string, color: string): Promise<void> {
  return db.transaction('rw', db.labels, async () => {
    const chosen = checkedColor(color);
    const label = labelIn(await inOrder(db), id);
    await db.labels.update(label.id, { color: chosen });
  });
}

/** Moves a label to position `toIndex` (clamped to the list), shifting the others. */
export function moveLabel(db: ClaimdeskDb, id: string, toIndex: number): Promise<void> {
  return db.transaction('rw', db.labels, async () => {
    if (!Number.isInteger(toIndex))
      throw new Error(`A label position must be a whole number, not ${toIndex}.`);
    const labels = await inOrder(db);
    const label = labelIn(labels, id);
    const rest = labels.filter((l) => l.id !== id);
    const at = Math.min(Math.max(toIndex, 0), rest.length);
    await storeOrder(db, [...rest.slice(0, at), label, ...rest.slice(at)]);
  });
}

/**
 * Deletes a label, reassigning its annotations to another label or removing them; the last label
 * cannot go. Returns how many annotations were reassigned or removed.
 */
export function deleteLabel(
  db: ClaimdeskDb,
  id: string,
  disposal: LabelDisposal,
  now = new Date(),
): Promise<number> {
  return db.transaction('rw', db.labels, db.annotations, async () => {
    const labels = await inOrder(db);
    const label = labelIn(labels, id);
    if (labels.length === 1) {
      throw new Error(`"${label.name}" is the only label; a library needs at least one.`);
    }
    const annotations = db.annotations.where('labelId').equals(id);
    let affected: number;
    if ('reassignTo' in disposal) {
      const target = labelIn(labels, disposal.reassignTo);
      if (target.id === id) throw new Error(`"${label.name}" cannot be merged into itself.`);
      affected = await annotations.modify({ labelId: target.id, modified: now.toISOString() });
    } else {
      affected = await annotations.delete();
    }
    await db.labels.delete(id);
    await storeOrder(
      db,
      labels.filter((l) => l.id !== id),
    );
    return affected;
  });
}

/** Moves every annotation of `fromId` to `intoId` and deletes `fromId`; returns how many moved. */
export function mergeLabels(
  db: ClaimdeskDb,
  fromId: string,
  intoId: string,
  now = new Date(),
): Promise<number> {
  return deleteLabel(db, fromId, { reassignTo: intoId }, now);
}

/** Annotations per label id: every label (0 when unused) and any id annotations carry without a label. */
export function countAnnotationsByLabel(db: ClaimdeskDb): Promise<Map<string, number>> {
  return db.transaction('r', db.labels, db.annotations, async () => {
    const counts = new Map((await db.labels.toCollection().primaryKeys()).map((id) => [id, 0]));
    // Keys of the labelId index: the ids alone, without reading whole annotations.
    for (const labelId of await db.annotations.orderBy('labelId').keys()) {
      const id = String(labelId);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });
}
