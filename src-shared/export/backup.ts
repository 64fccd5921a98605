// The library backup file: a versioned JSON wrapper around a LibrarySnapshot, and the strict
// reader that restores one — every record checked field by field, unknown fields dropped.
import {
  ARTICLE_DETAILS,
  PRIORITIES,
  STATUSES,
  VERDICTS,
  type AnnotationRecord,
  type DocBlock,
  type DocumentRecord,
  type EvidenceItem,
  type InlineLink,
  type LabelRecord,
  type LibrarySnapshot,
  type SettingsRecord,
  type SourceRecord,
  type TextPositionSelector,
} from '../model';
import { err, ok, type Result } from '../result';
import {
  bool,
  CheckError,
  finite,
  integer,
  listOf,
  nullable,
  oneOf,
  optional,
  record,
  str,
  uniqueIds,
  type Check,
} from './record-check';

export const BACKUP_FORMAT = 'claimdesk-backup';
export const BACKUP_VERSION = 1;

export interface BackupMeta {
  app: string;
  createdAt: string;
}

const offset = integer(0);

const inlineLink = record<InlineLink>({ start: offset, end: offset, href: str });

export const docBlock = record<DocBlock>({
  kind: oneOf(['title', 'caption', 'paragraph', 'heading', 'quote', 'list-item']),
  text: str,
  direction: oneOf(['ltr', 'rtl']),
  level: optional(integer(1, 6)),
  links: optional(listOf(inlineLink)),
});

/** The record checks, also used on records that arrive from a desk (Teams). */
export const documentRecord = record<DocumentRecord>({
  id: str,
  sourceFile: str,
  articleIndex: offset,
  title: str,
  caption: nullable(str),
  credit: nullable(str),
  author: nullable(str),
  published: nullable(str),
  direction: oneOf(['ltr', 'rtl']),
  format: oneOf(['news-dump', 'text', 'markdown', 'html', 'pdf', 'docx']),
  encoding: str,
  blocks: listOf(docBlock),
  text: str,
  importedAt: str,
  previousVersionId: optional(nullable(str)),
  supersededBy: optional(nullable(str)),
  url: optional(nullable(str)),
  outlet: optional(nullable(str)),
  analystFields: optional(listOf(oneOf(ARTICLE_DETAILS))),
});

const positionRecord = record<TextPositionSelector>({
  type: oneOf(['TextPositionSelector']),
  start: offset,
  end: offset,
});
const position: Check<TextPositionSelector> = (v, path) => {
  const p = positionRecord(v, path);
  if (p.end < p.start)
    throw new CheckError(`${path}: the end (${p.end}) comes before the start (${p.start})`);
  return p;
};

const evidenceItem = record<EvidenceItem>({
  id: str,
  url: str,
  title: str,
  stance: oneOf(['supports', 'refutes', 'context']),
  note: str,
  accessed: nullable(str),
  sourceId: nullable(str),
});

export const annotationRecord = record<AnnotationRecord>({
  id: str,
  documentId: str,
  target: record({
    quote: record({ type: oneOf(['TextQuoteSelector']), exact: str, prefix: str, suffix: str }),
    position,
  }),
  labelId: str,
  verdict: nullable(oneOf(VERDICTS)),
  rationale: str,
  status: oneOf(STATUSES),
  priority: oneOf(PRIORITIES),
  notes: str,
  claimantId: nullable(str),
  evidence: listOf(evidenceItem),
  reviewUrl: optional(str),
  author: str,
  modifiedBy: optional(str),
  created: str,
  modified: str,
  orphaned: bool,
});

export const labelRecord = record<LabelRecord>({ id: str, name: str, color: str, order: finite });

export const sourceRecord = record<SourceRecord>({
  id: str,
  name: str,
  kind: oneOf(['person', 'organisation', 'outlet', 'document']),
  aliases: listOf(str),
  url: nullable(str),
  reliabilityNote: str,
});

const settingsRecord = record<SettingsRecord>({
  analystName: str,
  organisationName: str,
  organisationUrl: str,
});

const librarySnapshot = record<LibrarySnapshot>({
  documents: uniqueIds(listOf(documentRecord)),
  annotations: uniqueIds(listOf(annotationRecord)),
  labels: uniqueIds(listOf(labelRecord)),
  sources: uniqueIds(listOf(sourceRecord)),
  settings: settingsRecord,
});

/** The backup file's text (compact JSON: backups of large libraries stay small and quick). */
export function serialiseBackup(snapshot: LibrarySnapshot, meta: BackupMeta): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: meta.createdAt,
    app: meta.app,
    library: snapshot,
  });
}

/** Reads a backup file; the error says what is wrong in words fit to show the analyst. */
export function parseBackup(text: string): Result<LibrarySnapshot> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err(`This file is not a ClaimDesk backup: it is not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT)
    return err('This file is not a ClaimDesk backup');
  const { version } = data as { version?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err('This backup has no valid format version; the file may be damaged');
  if (version > BACKUP_VERSION)
    return err(
      `This backup was made by a newer version of ClaimDesk (backup format ${version}); this version can restore format ${BACKUP_VERSION} only. Update ClaimDesk to restore it.`,
    );
  try {
    return ok(librarySnapshot((data as { library?: unknown }).library, 'library'));
  } catch (e) {
    if (e instanceof CheckError) return err(`This backup is damaged and was not restored: ${e.message}`);
    throw e;
  }
}
