// Reads a REFI-QDA project.qde (and a .qdc codebook) as other tools write them: an allow-list
// of what Claimdesk can use — users, codes (nested ones flattened), text sources with their
// plain-text selections and codings, notes — and nothing else; unknown elements and
// attributes, and sources Claimdesk cannot hold (pictures, PDFs, audio, video), are passed over.
// Tools differ in GUID case and braces, so GUIDs are compared normalised.
import { err, ok, type Result } from '../result';
import { CODEBOOK_NAMESPACE, PROJECT_NAMESPACE, type QdaCode } from './qda-model';
import { childrenNamed, firstChild, readXml, type XmlElement } from './xml-read';

export interface QdeSelection {
  guid: string;
  /** Code points from the start of the source's plain text (REFI-QDA counting). */
  start: number;
  end: number;
  /** One entry per Coding: its GUID and the Code it applies. */
  codings: { guid: string; codeGuid: string }[];
  noteGuids: string[];
  creatingUser: string | null;
  created: string | null;
}

export interface QdeSource {
  guid: string;
  name: string;
  /** The text given inline (PlainTextContent), or null. */
  content: string | null;
  /** Where the text file lies (plainTextPath), or null. */
  path: string | null;
  selections: QdeSelection[];
}

export interface QdeProject {
  name: string;
  origin: string | null;
  users: Map<string, string>;
  codes: QdaCode[];
  sources: QdeSource[];
  notes: Map<string, string>;
  /** What was passed over, in words (e.g. "2 PDF sources"). */
  skipped: string[];
}

/** GUIDs are compared without braces and case: tools write them either way. */
export const guidKey = (guid: string): string =>
  guid
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();

const attr = (e: XmlElement, name: string): string | null => {
  const v = e.attrs[name];
  return v === undefined || v.trim() === '' ? null : v;
};

/** #rrggbb from #RRGGBB or #RGB; anything else (names, rgb(), "255,0,0") is no colour. */
function colour(value: string | null): string | null {
  const v = value?.trim().toLowerCase() ?? '';
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  return null;
}

/** A non-negative integer position, or null. */
function position(value: string | null): number | null {
  if (value === null || !/^\s*\d{1,12}\s*$/.test(value)) return null;
  return Number(value);
}

function readCodes(codes: XmlElement | undefined, into: QdaCode[]): void {
  if (!codes) return;
  for (const code of childrenNamed(codes, 'Code')) {
    const guid = attr(code, 'guid');
    const name = attr(code, 'name');
    if (guid && name)
      into.push({ guid: guidKey(guid), name: name.trim(), color: colour(attr(code, 'color')) });
    readCodes(code, into);
  }
}

function readSelection(e: XmlElement): QdeSelection | null {
  const guid = attr(e, 'guid');
  const start = position(attr(e, 'startPosition'));
  const end = position(attr(e, 'endPosition'));
  if (!guid || start === null || end === null || end <= start) return null;
  const codings = childrenNamed(e, 'Coding').flatMap((c) => {
    const ref = attr(firstChild(c, 'CodeRef') ?? c, 'targetGUID');
    return ref ? [{ guid: guidKey(attr(c, 'guid') ?? `${guid}:${ref}`), codeGuid: guidKey(ref) }] : [];
  });
  const user = attr(e, 'creatingUser') ?? attr(childrenNamed(e, 'Coding')[0] ?? e, 'creatingUser');
  return {
    guid: guidKey(guid),
    start,
    end,
    codings,
    noteGuids: childrenNamed(e, 'NoteRef').flatMap((n) => {
      const ref = attr(n, 'targetGUID');
      return ref ? [guidKey(ref)] : [];
    }),
    creatingUser: user ? guidKey(user) : null,
    created: attr(e, 'creationDateTime'),
  };
}

function readSource(e: XmlElement): QdeSource | null {
  const guid = attr(e, 'guid');
  if (!guid) return null;
  const content = firstChild(e, 'PlainTextContent');
  return {
    guid: guidKey(guid),
    name: attr(e, 'name')?.trim() ?? '',
    content: content ? content.text : null,
    path: attr(e, 'plainTextPath'),
    selections: childrenNamed(e, 'PlainTextSelection').flatMap((s) => readSelection(s) ?? []),
  };
}

const OTHER_SOURCES: Readonly<Record<string, string>> = {
  PictureSource: 'picture',
  PDFSource: 'PDF',
  AudioSource: 'audio',
  VideoSource: 'video',
};

function namespaceProblem(root: XmlElement, name: string, namespace: string): string | null {
  if (root.name !== name) return `its root element is <${root.name}>, not <${name}>`;
  // Some tools have written "1:0" for "1.0"; the element names say what the file is all the same.
  if (root.ns !== '' && !root.ns.startsWith(namespace.slice(0, -3)))
    return `its namespace is “${root.ns}”, not ${namespace}`;
  return null;
}

/** project.qde's text → what Claimdesk can take from it, or what is wrong with it. */
export function readProjectQde(xml: string): Result<QdeProject> {
  const parsed = readXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  const problem = namespaceProblem(root, 'Project', PROJECT_NAMESPACE);
  if (problem) return err(`project.qde is not a REFI-QDA project: ${problem}`);
  const users = new Map<string, string>();
  for (const u of childrenNamed(firstChild(root, 'Users') ?? root, 'User')) {
    const guid = attr(u, 'guid');
    if (guid) users.set(guidKey(guid), attr(u, 'name') ?? attr(u, 'id') ?? '');
  }
  const codes: QdaCode[] = [];
  readCodes(firstChild(firstChild(root, 'CodeBook') ?? root, 'Codes'), codes);
  const sourcesElement = firstChild(root, 'Sources');
  const sources = childrenNamed(sourcesElement ?? root, 'TextSource').flatMap((s) => readSource(s) ?? []);
  const skipped = Object.entries(OTHER_SOURCES).flatMap(([element, what]) => {
    const n = sourcesElement ? childrenNamed(sourcesElement, element).length : 0;
    return n === 0 ? [] : [`${n} ${what} source${n === 1 ? '' : 's'} (Claimdesk holds text only)`];
  });
  const notes = new Map<string, string>();
  for (const n of childrenNamed(firstChild(root, 'Notes') ?? root, 'Note')) {
    const guid = attr(n, 'guid');
    const text = firstChild(n, 'PlainTextContent')?.text.trim();
    if (guid && text) notes.set(guidKey(guid), text);
  }
  return ok({
    name: attr(root, 'name') ?? '',
    origin: attr(root, 'origin'),
    users,
    codes,
    sources,
    notes,
    skipped,
  });
}

/** A .qdc codebook's codes. */
export function readCodebookQdc(xml: string): Result<{ origin: string | null; codes: QdaCode[] }> {
  const parsed = readXml(xml);
  if (!parsed.ok) return parsed;
  const problem = namespaceProblem(parsed.value, 'CodeBook', CODEBOOK_NAMESPACE);
  if (problem) return err(`this is not a REFI-QDA codebook: ${problem}`);
  const codes: QdaCode[] = [];
  readCodes(firstChild(parsed.value, 'Codes'), codes);
  return ok({ origin: attr(parsed.value, 'origin'), codes });
}
