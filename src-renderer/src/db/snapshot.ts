// The whole library (or the part an export needs) read as a LibrarySnapshot, a backup restored
// over it in one transaction, and the analyst's settings that exports and ClaimReview read.
import { parseBackup } from '../../../src-shared/export/backup';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import type {
  AnnotationRecord,
  DocumentRecord,
  LibrarySnapshot,
  SettingsRecord,
} from '../../../src-shared/model';
import { err, ok, type Result } from '../../../src-shared/result';
import { vetExternalUrl } from '../../../src-shared/url-trust';
import { isOnDesk } from '../desk/desk-setting';
import { libraryFilesOf, type ClaimdeskDb } from './database';
import { errorMessage } from '../../../src-shared/util/error-message';

/** The settings table's keys for the SettingsRecord fields (analystName predates this module). */
export const SETTING_KEYS: Readonly<Record<keyof SettingsRecord, string>> = {
  analystName: 'analystName',
  organisationName: 'organisationName',
  organisationUrl: 'organisationUrl',
};

export const EMPTY_SETTINGS: Readonly<SettingsRecord> = {
  analystName: '',
  organisationName: '',
  organisationUrl: '',
};

const FIELDS = Object.keys(SETTING_KEYS) as (keyof SettingsRecord)[];

export async function readSettings(db: ClaimdeskDb): Promise<SettingsRecord> {
  const rows = await db.settings.bulkGet(FIELDS.map((f) => SETTING_KEYS[f]));
  const settings = { ...EMPTY_SETTINGS };
  FIELDS.forEach((f, i) => {
    const value = rows[i]?.value;
    if (typeof value === 'string') settings[f] = value;
  });
  return settings;
}

/** Trimmed settings, or what is wrong with them in words fit to show the analyst. */
export function vetSettings(settings: SettingsRecord): Result<SettingsRecord> {
  const url = settings.organisationUrl.trim();
  const vetted = url === '' ? '' : vetExternalUrl(url);
  if (vetted === null)
    return err(`The organisation’s web address “${url}” must be a full http:// or https:// address.`);
  return ok({
    analystName: settings.analystName.trim(),
    organisationName: settings.organisationName.trim(),
    organisationUrl: vetted,
  });
}

/** Stores the settings after vetting them; throws with the reason when they are refused. */
export async function writeSettings(db: ClaimdeskDb, settings: SettingsRecord): Promise<SettingsRecord> {
  const vetted = vetSettings(settings);
  if (!vetted.ok) throw new Error(vetted.error);
  await db.settings.bulkPut(FIELDS.map((f) => ({ key: SETTING_KEYS[f], value: vetted.value[f] })));
  return vetted.value;
}

/** Which part of the library an export needs; everything when both are left out. */
export interface SnapshotScope {
  /** These documents (in this order) and their annotations. */
  documentIds?: readonly string[];
  /** Only these annotations (with their documents, unless documentIds names the documents). */
  annotationIds?: readonly string[];
}

/**
 * The library, or the scoped part of it, read in one transaction so an export never mixes the
 * states before and after a concurrent edit. Labels, sources and settings always come whole:
 * exporters look names up in them.
 */
export function readSnapshot(db: ClaimdeskDb, scope: SnapshotScope = {}): Promise<LibrarySnapshot> {
  const tables = [db.documents, db.annotations, db.labels, db.sources, db.settings];
  return db.transaction('r', tables, async () => {
    const { documentIds, annotationIds } = scope;
    let documents: DocumentRecord[];
    let annotations: AnnotationRecord[];
    if (documentIds) {
      const ids = [...new Set(documentIds)];
      documents = (await db.documents.bulkGet(ids)).filter((d): d is DocumentRecord => d !== undefined);
      annotations = await db.annotations.where('documentId').anyOf(ids).toArray();
      if (annotationIds) {
        const wanted = new Set(annotationIds);
        annotations = annotations.filter((a) => wanted.has(a.id));
      }
    } else if (annotationIds) {
      annotations = (await db.annotations.bulkGet([...new Set(annotationIds)])).filter(
        (a): a is AnnotationRecord => a !== undefined,
      );
      const ids = [...new Set(annotations.map((a) => a.documentId))];
      documents = (await db.documents.bulkGet(ids)).filter((d): d is DocumentRecord => d !== undefined);
    } else {
      documents = await db.documents.orderBy('importedAt').toArray();
      annotations = await db.annotations.toArray();
    }
    return {
      documents,
      annotations,
      labels: await db.labels.orderBy('order').toArray(),
      sources: await db.sources.toArray(),
      settings: await readSettings(db),
    };
  });
}

export interface LibraryCounts {
  documents: number;
  annotations: number;
  labels: number;
  sources: number;
}

export function snapshotCounts(snapshot: LibrarySnapshot): LibraryCounts {
  return {
    documents: snapshot.documents.length,
    annotations: snapshot.annotations.length,
    labels: snapshot.labels.length,
    sources: snapshot.sources.length,
  };
}

export function libraryCounts(db: ClaimdeskDb): Promise<LibraryCounts> {
  return db.transaction('r', db.documents, db.annotations, db.labels, db.sources, async () => ({
    documents: await db.documents.count(),
    annotations: await db.annotations.count(),
    labels: await db.labels.count(),
    sources: await db.sources.count(),
  }));
}

/**
 * Replaces the whole library — documents, annotations, labels, sources and the three settings —
 * with the snapshot, in one transaction: if any record is refused, the old library stays as it
 * was. Other settings (which document was open) are kept. A library needs labels, so a snapshot
 * without any gets the default set.
 */
export async function restoreSnapshot(db: ClaimdeskDb, snapshot: LibrarySnapshot): Promise<LibraryCounts> {
  const tables = [db.documents, db.libraryFiles, db.annotations, db.labels, db.sources, db.settings];
  const labels = snapshot.labels.length > 0 ? snapshot.labels : DEFAULT_LABELS.map((l) => ({ ...l }));
  await db.transaction('rw', tables, async () => {
    await Promise.all(
      [db.documents, db.libraryFiles, db.annotations, db.labels, db.sources].map((t) => t.clear()),
    );
    await db.documents.bulkAdd(snapshot.documents);
    await db.libraryFiles.bulkAdd(libraryFilesOf(snapshot.documents));
    await db.annotations.bulkAdd(snapshot.annotations);
    await db.labels.bulkAdd(labels);
    await db.sources.bulkAdd(snapshot.sources);
    await db.settings.bulkPut(FIELDS.map((f) => ({ key: SETTING_KEYS[f], value: snapshot.settings[f] })));
  });
  return snapshotCounts({ ...snapshot, labels });
}

/** Reads a backup file's text and restores it; a damaged file changes nothing and says why. */
export async function restoreBackup(db: ClaimdeskDb, text: string): Promise<Result<LibraryCounts>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  // Restoring replaces the whole library; on a desk that would delete, for every member, all
  // the desk holds that the backup does not. Disconnected, the backup merges on reconnect.
  if (await isOnDesk(db))
    return err(
      'This library is connected to a desk: restoring a backup would replace the library of every ' +
        'member. Disconnect from the desk first (Settings → Desk); on reconnecting, the backup ' +
        'and the desk are merged.',
    );
  try {
    return ok(await restoreSnapshot(db, parsed.value));
  } catch (error) {
    const reason = errorMessage(error);
    return err(`The backup could not be restored, and the library was left as it was: ${reason}`);
  }
}
