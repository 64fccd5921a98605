// Attaches annotations read from a W3C Web Annotation (or Hypothesis) file to the documents of
// the library: found by ClaimDesk document IRI, source address, title or file name; placed by
// their selectors; kept as orphans when the text no longer holds them; never added twice.
// Everything is written in one transaction, so a refused import leaves the library untouched.
import { anchorTarget } from '../../../src-shared/anchoring/anchor';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import { fromImport, keptTarget } from '../../../src-shared/from-import';
import { parseW3cAnnotations, type ImportedAnnotation } from '../../../src-shared/export/w3c-import';
import { DOCUMENT_IRI_PREFIX } from '../../../src-shared/export/w3c-vocabulary';
import type {
  AnnotationRecord,
  AnnotationTarget,
  DocumentRecord,
  LabelRecord,
  SourceRecord,
} from '../../../src-shared/model';
import { err, ok, type Result } from '../../../src-shared/result';
import { foldText } from '../../../src-shared/text-fold';
import type { ClaimdeskDb } from './database';
import { addLabel } from './labels';
import { createSource, findSources } from './sources';
import { errorMessage } from '../../../src-shared/util/error-message';
import { plural } from '../../../src-shared/util/plural';
import { sha256Hex } from '../../../src-shared/util/sha256';

export interface AttachOutcome {
  /** Annotations added and placed in their document's text. */
  attached: number;
  /** Annotations added to their document whose passage could not be found (listed under Orphans). */
  orphaned: number;
  /** Annotations already in the library, or repeated in the file: not added again. */
  duplicates: number;
  /** Annotations whose document is not in the library, and the names of those documents. */
  unmatched: number;
  unmatchedDocuments: string[];
  labelsCreated: string[];
  sourcesCreated: string[];
}

/** The file's text → the annotations it holds, or what is wrong with it. */
export function readW3cFile(text: string): Result<ImportedAnnotation[]> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err(`This file is not a W3C annotation file: it is not valid JSON (${(e as Error).message})`);
  }
  return parseW3cAnnotations(json);
}

const UUID_IRI = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const OWN_IRI = 'urn:claimdesk:annotation:';

/**
 * The record id an imported annotation gets: ClaimDesk's own ids come back as they were, other
 * tools' ids map to a stable id, so importing the same file twice finds what the first added.
 */
export async function recordIdFor(externalId: string | null): Promise<string> {
  if (!externalId) return globalThis.crypto.randomUUID();
  const uuid = UUID_IRI.exec(externalId)?.[1];
  if (uuid) return uuid.toLowerCase();
  if (externalId.startsWith(OWN_IRI)) {
    try {
      return decodeURIComponent(externalId.slice(OWN_IRI.length));
    } catch {
      // A malformed escape: treat it as a foreign id.
    }
  }
  return `w3c-${(await sha256Hex(externalId)).slice(0, 32)}`;
}

const nameKey = (name: string): string => foldText(name.normalize('NFC'));

/** The last path segment of a file path or URL, for matching a file name however it was given. */
function baseName(path: string): string {
  const bare = path.replace(/[?#].*$/, '').replace(/[\\/]+$/, '');
  return nameKey(bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\')) + 1));
}

class DocumentFinder {
  private byId: Map<string, DocumentRecord>;
  private live: DocumentRecord[];

  constructor(documents: readonly DocumentRecord[]) {
    this.byId = new Map(documents.map((d) => [d.id, d]));
    this.live = documents.filter((d) => !d.supersededBy);
  }

  /** A replaced version's annotations belong on its latest version, as on re-opening a file. */
  private latest(doc: DocumentRecord): DocumentRecord {
    const seen = new Set<string>();
    let at = doc;
    while (at.supersededBy && !seen.has(at.id)) {
      seen.add(at.id);
      const next = this.byId.get(at.supersededBy);
      if (!next) break;
      at = next;
    }
    return at;
  }

  /** Candidate documents, best first: by content hash, then source address or file, then title. */
  candidates(imported: ImportedAnnotation): DocumentRecord[] {
    const { source, sourceTitle } = imported;
    if (source.startsWith(DOCUMENT_IRI_PREFIX)) {
      let id = source.slice(DOCUMENT_IRI_PREFIX.length);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Left as written.
      }
      const doc = this.byId.get(id);
      if (doc) return [this.latest(doc)];
    }
    const title = sourceTitle ? nameKey(sourceTitle) : null;
    const bySource = this.live.filter((d) => d.sourceFile === source);
    const byTitle = title === null ? [] : this.live.filter((d) => nameKey(d.title) === title);
    const file = baseName(source);
    const byFile = file === '' ? [] : this.live.filter((d) => baseName(d.sourceFile) === file);
    // A news dump holds many articles under one file name: its title picks the one.
    const both = (list: DocumentRecord[]) => list.filter((d) => byTitle.includes(d));
    return [...new Set([...both(bySource), ...both(byFile), ...bySource, ...byTitle, ...byFile])];
  }
}

function placeIn(doc: DocumentRecord, target: Partial<AnnotationTarget>): AnnotationTarget | null {
  const { quote, position } = target;
  if (quote && quote.exact !== '') {
    const at = anchorTarget(doc.text, {
      quote,
      position: position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
    });
    return at ? describeRange(doc.text, at.start, at.end) : null;
  }
  if (position && position.end > position.start && position.end <= doc.text.length)
    return describeRange(doc.text, position.start, position.end);
  return null;
}

export const sameSpot = (a: AnnotationTarget): string =>
  `${a.position.start}:${a.position.end}:${a.quote.exact}`;

interface Prepared {
  imported: ImportedAnnotation;
  id: string;
}

/** Label and claimant lookups that create what the library lacks, remembering what they made. */
export class Vocabulary {
  readonly labelsCreated: string[] = [];
  readonly sourcesCreated: string[] = [];
  private labels: Map<string, LabelRecord>;

  constructor(
    private readonly db: ClaimdeskDb,
    labels: readonly LabelRecord[],
    private sources: SourceRecord[],
  ) {
    this.labels = new Map();
    for (const l of labels) {
      this.labels.set(nameKey(l.name), l);
      if (!this.labels.has(nameKey(l.id))) this.labels.set(nameKey(l.id), l);
    }
  }

  /** `color`: the new label's colour, when one must be made (else the palette's next). */
  async label(name: string | null, fallback: string, color?: string): Promise<string> {
    const key = name === null ? '' : nameKey(name);
    if (key === '') return fallback;
    const known = this.labels.get(key);
    if (known) return known.id;
    const made = await addLabel(this.db, (name as string).trim(), color);
    this.labels.set(key, made);
    this.labelsCreated.push(made.name);
    return made.id;
  }

  async claimant(name: string | null): Promise<string | null> {
    if (name === null || name.trim() === '') return null;
    const found = findSources(this.sources, name, 1)[0];
    if (found?.rank === 'exact') return found.source.id;
    const made = await createSource(this.db, { name, kind: 'person' });
    this.sources = [...this.sources, made];
    this.sourcesCreated.push(made.name);
    return made.id;
  }
}

/**
 * Adds the file's annotations to the library in one transaction. Unknown labels and claimants
 * are created; status and priority, which the format does not carry, start as for a new
 * highlight. Returns what happened, or why the file was refused (then nothing changed).
 */
export async function attachW3cAnnotations(
  db: ClaimdeskDb,
  fileText: string,
  now = new Date(),
): Promise<Result<AttachOutcome>> {
  const read = readW3cFile(fileText);
  if (!read.ok) return read;
  if (read.value.length === 0) return err('This file holds no annotations.');
  // Ids are worked out before the transaction: IndexedDB commits a transaction that waits on
  // anything else (here Web Crypto).
  const prepared: Prepared[] = await Promise.all(
    read.value.map(async (imported) => ({ imported, id: await recordIdFor(imported.externalId) })),
  );
  const importedAt = now.toISOString();
  const outcome: AttachOutcome = {
    attached: 0,
    orphaned: 0,
    duplicates: 0,
    unmatched: 0,
    unmatchedDocuments: [],
    labelsCreated: [],
    sourcesCreated: [],
  };
  try {
    await db.transaction('rw', [db.documents, db.annotations, db.labels, db.sources], async () => {
      const finder = new DocumentFinder(await db.documents.toArray());
      const labels = await db.labels.orderBy('order').toArray();
      const vocabulary = new Vocabulary(db, labels, await db.sources.toArray());
      const fallbackLabel = labels[0]?.id ?? 'claim';
      const existingIds = new Set(await db.annotations.toCollection().primaryKeys());
      const spots = new Map<string, Set<string>>();
      const spotsOf = async (documentId: string): Promise<Set<string>> => {
        let set = spots.get(documentId);
        if (!set) {
          const list = await db.annotations.where('documentId').equals(documentId).toArray();
          set = new Set(list.map((a) => sameSpot(a.target)));
          spots.set(documentId, set);
        }
        return set;
      };
      const unmatched = new Set<string>();
      const added: AnnotationRecord[] = [];
      for (const { imported, id } of prepared) {
        if (existingIds.has(id)) {
          outcome.duplicates++;
          continue;
        }
        const candidates = finder.candidates(imported);
        if (candidates.length === 0) {
          outcome.unmatched++;
          unmatched.add(imported.sourceTitle ?? imported.source);
          continue;
        }
        let doc = candidates[0] as DocumentRecord;
        let target: AnnotationTarget | null = null;
        for (const candidate of candidates) {
          target = placeIn(candidate, imported.target);
          if (target) {
            doc = candidate;
            break;
          }
        }
        // Labels and claimants are made only for what is added, not for a duplicate.
        const spot = sameSpot(target ?? keptTarget(imported.target));
        const taken = await spotsOf(doc.id);
        if (taken.has(spot)) {
          outcome.duplicates++;
          continue;
        }
        taken.add(spot);
        existingIds.add(id);
        added.push(
          fromImport(
            imported,
            {
              id,
              documentId: doc.id,
              labelId: await vocabulary.label(imported.labelName, fallbackLabel),
              claimantId: await vocabulary.claimant(imported.claimantName),
              placed: target,
            },
            { importedAt },
          ),
        );
        if (target) outcome.attached++;
        else outcome.orphaned++;
      }
      await db.annotations.bulkAdd(added);
      outcome.unmatchedDocuments = [...unmatched];
      outcome.labelsCreated = vocabulary.labelsCreated;
      outcome.sourcesCreated = vocabulary.sourcesCreated;
    });
  } catch (error) {
    const reason = errorMessage(error);
    return err(`The annotations could not be imported, and the library was left as it was: ${reason}`);
  }
  return ok(outcome);
}

/** The outcome in one sentence for the analyst. */
export function describeAttach(outcome: AttachOutcome): string {
  const parts = [`Imported ${plural(outcome.attached + outcome.orphaned, 'annotation')}`];
  if (outcome.orphaned > 0)
    parts.push(`${plural(outcome.orphaned, 'annotation')} could not be placed in the text (see Orphans)`);
  if (outcome.duplicates > 0)
    parts.push(`${plural(outcome.duplicates, 'was', 'were')} already in the library`);
  if (outcome.unmatched > 0) {
    const names = outcome.unmatchedDocuments.slice(0, 3).map((n) => `“${n}”`);
    const more =
      outcome.unmatchedDocuments.length > 3 ? ` and ${outcome.unmatchedDocuments.length - 3} more` : '';
    parts.push(
      `${plural(outcome.unmatched, 'annotation')} ${outcome.unmatched === 1 ? 'belongs' : 'belong'} to articles not in the library (${names.join(', ')}${more}): open those articles, then import again`,
    );
  }
  if (outcome.labelsCreated.length > 0) parts.push(`new labels: ${outcome.labelsCreated.join(', ')}`);
  return `${parts.join('; ')}.`;
}
