// Writes a library (or part of one) as a REFI-QDA project — project.qde and its sources/ text
// files, zipped as .qdpx — and its label set as a REFI-QDA codebook (.qdc). Each document is a
// TextSource whose plain text is its canonical text, each placed highlight a PlainTextSelection
// (positions in code points, see positions.ts) coded with its label, the highlight's notes,
// verdict and evidence a Note, its claimant a Case, and the annotators Users.
import type { AnnotationRecord, DocumentRecord, LabelRecord, LibrarySnapshot, SourceRecord } from '../model';
import { VERDICT_NAMES } from '../export/verdicts';
import { GuidTable, type GuidKind } from './guids';
import { codePointOffset } from './positions';
import { CODEBOOK_NAMESPACE, PROJECT_NAMESPACE } from './qda-model';
import { writeZip } from '../safe-zip';
import { element, textElement, XML_DECLARATION } from './xml-write';

export interface QdeOptions {
  /** The tool named as the project's origin, e.g. "Claimdesk 0.1.0". */
  origin: string;
  now: Date;
  /** Only these annotations (a search's results); all of the documents' otherwise. */
  annotationIds?: readonly string[];
  projectName?: string;
}

export interface QdeProject {
  qde: string;
  /** sources/ file name → its text. */
  sources: Record<string, string>;
  /** Highlights left out because they are orphaned (their passage is no longer in the text). */
  skippedOrphans: number;
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const dateTime = (value: string | null | undefined): string | undefined =>
  value && DATE_TIME.test(value) ? value : undefined;
const rgb = (color: string): string | undefined =>
  /^#(?:[0-9a-f]{6}|[0-9a-f]{3})$/i.test(color) ? color : undefined;

/** Document variables, then the case variable: what the library knows that QDA tools keep as attributes. */
const VARIABLES = ['Author', 'Published', 'Source file', 'Kind'] as const;
type VariableName = (typeof VARIABLES)[number];

/** Whether the highlight's range still holds its quote: only those can be given positions. */
function placed(a: AnnotationRecord, doc: DocumentRecord): boolean {
  const { start, end } = a.target.position;
  return !a.orphaned && end > start && doc.text.slice(start, end) === a.target.quote.exact;
}

/** A highlight's notes, verdict and evidence as one plain-text note; '' when it has none. */
export function noteText(a: AnnotationRecord, sources: ReadonlyMap<string, SourceRecord>): string {
  const parts: string[] = [];
  if (a.notes.trim() !== '') parts.push(a.notes.trim());
  if (a.verdict) parts.push(`Verdict: ${VERDICT_NAMES[a.verdict]}${a.rationale ? ` — ${a.rationale}` : ''}`);
  else if (a.rationale.trim() !== '') parts.push(`Rationale: ${a.rationale.trim()}`);
  for (const e of a.evidence) {
    const cited = e.sourceId ? sources.get(e.sourceId)?.name : undefined;
    const what = [e.title, e.url, cited ? `(${cited})` : ''].filter((s) => s !== '').join(' ');
    parts.push(`Evidence (${e.stance}): ${what}${e.note ? ` — ${e.note}` : ''}`);
  }
  return parts.join('\n\n');
}

interface Plan {
  documents: DocumentRecord[];
  /** Placed highlights by document id, in text order. */
  highlights: Map<string, AnnotationRecord[]>;
  labels: LabelRecord[];
  users: string[];
  claimants: SourceRecord[];
  notes: Map<string, string>;
  skippedOrphans: number;
}

function plan(snapshot: LibrarySnapshot, options: QdeOptions): Plan {
  const wanted = options.annotationIds ? new Set(options.annotationIds) : null;
  const documents = snapshot.documents.filter((d) => !d.supersededBy);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const sources = new Map(snapshot.sources.map((s) => [s.id, s]));
  const highlights = new Map<string, AnnotationRecord[]>();
  const notes = new Map<string, string>();
  const users = new Set<string>(snapshot.settings.analystName ? [snapshot.settings.analystName] : []);
  const claimants = new Map<string, SourceRecord>();
  let skippedOrphans = 0;
  for (const a of snapshot.annotations) {
    const doc = byId.get(a.documentId);
    if (!doc || (wanted && !wanted.has(a.id))) continue;
    if (!placed(a, doc)) {
      skippedOrphans++;
      continue;
    }
    highlights.set(doc.id, [...(highlights.get(doc.id) ?? []), a]);
    if (a.author) users.add(a.author);
    const note = noteText(a, sources);
    if (note) notes.set(a.id, note);
    const claimant = a.claimantId ? sources.get(a.claimantId) : undefined;
    if (claimant) claimants.set(claimant.id, claimant);
  }
  for (const list of highlights.values())
    list.sort((x, y) => x.target.position.start - y.target.position.start);
  const labels = [...snapshot.labels].sort((x, y) => x.order - y.order);
  return {
    documents,
    highlights,
    labels,
    users: [...users],
    claimants: [...claimants.values()],
    notes,
    skippedOrphans,
  };
}

async function guidsFor(p: Plan): Promise<GuidTable> {
  const entries: [GuidKind, string][] = [
    ...p.documents.map((d): [GuidKind, string] => ['document', d.id]),
    ...p.labels.map((l): [GuidKind, string] => ['label', l.id]),
    ...p.users.map((u): [GuidKind, string] => ['user', u]),
    ...p.claimants.map((s): [GuidKind, string] => ['case', s.id]),
    ...VARIABLES.map((v): [GuidKind, string] => ['variable', v]),
  ];
  for (const list of p.highlights.values())
    for (const a of list) entries.push(['annotation', a.id], ['coding', a.id], ['note', a.id]);
  return GuidTable.of(entries);
}

const codeElement = (l: LabelRecord, guids: GuidTable): string =>
  element('Code', { guid: guids.get('label', l.id), name: l.name, isCodable: true, color: rgb(l.color) });

function variableValue(name: VariableName, value: string | null, guids: GuidTable): string {
  if (!value) return '';
  return element('VariableValue', {}, [
    element('VariableRef', { targetGUID: guids.get('variable', name) }),
    textElement('TextValue', value),
  ]);
}

function selectionElement(a: AnnotationRecord, doc: DocumentRecord, p: Plan, guids: GuidTable): string {
  const user = a.author ? guids.get('user', a.author) : undefined;
  const { start, end } = a.target.position;
  return element(
    'PlainTextSelection',
    {
      guid: guids.get('annotation', a.id),
      name: a.target.quote.exact.slice(0, 80),
      startPosition: codePointOffset(doc.text, start),
      endPosition: codePointOffset(doc.text, end),
      creatingUser: user,
      creationDateTime: dateTime(a.created),
      modifyingUser: user,
      modifiedDateTime: dateTime(a.modified),
    },
    [
      // A highlight whose label is gone (a damaged library) keeps its selection, uncoded.
      p.labels.some((l) => l.id === a.labelId)
        ? element(
            'Coding',
            { guid: guids.get('coding', a.id), creatingUser: user, creationDateTime: dateTime(a.created) },
            [element('CodeRef', { targetGUID: guids.get('label', a.labelId) })],
          )
        : '',
      p.notes.has(a.id) ? element('NoteRef', { targetGUID: guids.get('note', a.id) }) : '',
    ],
  );
}

function sourceElement(doc: DocumentRecord, p: Plan, guids: GuidTable): string {
  const guid = guids.get('document', doc.id);
  return element(
    'TextSource',
    {
      guid,
      name: doc.title || doc.sourceFile || 'Untitled',
      plainTextPath: `internal://${guid}.txt`,
      creationDateTime: dateTime(doc.importedAt),
    },
    [
      ...(p.highlights.get(doc.id) ?? []).map((a) => selectionElement(a, doc, p, guids)),
      variableValue('Author', doc.author, guids),
      variableValue('Published', doc.published, guids),
      variableValue('Source file', doc.sourceFile, guids),
    ],
  );
}

function caseElement(source: SourceRecord, p: Plan, guids: GuidTable): string {
  const selections = [...p.highlights.values()].flat().filter((a) => a.claimantId === source.id);
  return element('Case', { guid: guids.get('case', source.id), name: source.name }, [
    textElement('Description', source.reliabilityNote),
    variableValue('Kind', source.kind, guids),
    ...selections.map((a) => element('SelectionRef', { targetGUID: guids.get('annotation', a.id) })),
  ]);
}

function notesElement(p: Plan, guids: GuidTable): string {
  const notes = [...p.highlights.values()].flat().filter((a) => p.notes.has(a.id));
  if (notes.length === 0) return '';
  return element(
    'Notes',
    {},
    notes.map((a) =>
      element(
        'Note',
        {
          guid: guids.get('note', a.id),
          name: `Note on “${a.target.quote.exact.slice(0, 60)}”`,
          creatingUser: a.author ? guids.get('user', a.author) : undefined,
          creationDateTime: dateTime(a.created),
        },
        [textElement('PlainTextContent', p.notes.get(a.id) ?? '')],
      ),
    ),
  );
}

/** project.qde and the sources it names. */
export async function projectQde(snapshot: LibrarySnapshot, options: QdeOptions): Promise<QdeProject> {
  const p = plan(snapshot, options);
  const guids = await guidsFor(p);
  const analyst = snapshot.settings.analystName
    ? guids.get('user', snapshot.settings.analystName)
    : undefined;
  const body = [
    p.users.length === 0
      ? ''
      : element(
          'Users',
          {},
          p.users.map((u) => element('User', { guid: guids.get('user', u), name: u })),
        ),
    p.labels.length === 0
      ? ''
      : element('CodeBook', {}, [
          element(
            'Codes',
            {},
            p.labels.map((l) => codeElement(l, guids)),
          ),
        ]),
    element(
      'Variables',
      {},
      VARIABLES.map((v) =>
        element('Variable', { guid: guids.get('variable', v), name: v, typeOfVariable: 'Text' }),
      ),
    ),
    p.claimants.length === 0
      ? ''
      : element(
          'Cases',
          {},
          p.claimants.map((s) => caseElement(s, p, guids)),
        ),
    p.documents.length === 0
      ? ''
      : element(
          'Sources',
          {},
          p.documents.map((d) => sourceElement(d, p, guids)),
        ),
    notesElement(p, guids),
  ];
  const project = element(
    'Project',
    {
      xmlns: PROJECT_NAMESPACE,
      name: options.projectName ?? 'Claimdesk library',
      origin: options.origin,
      creatingUserGUID: analyst,
      creationDateTime: options.now.toISOString(),
    },
    body,
  );
  const sources = Object.fromEntries(
    p.documents.map((d) => [`${guids.get('document', d.id)}.txt`, d.text] as const),
  );
  return { qde: `${XML_DECLARATION}${project}\n`, sources, skippedOrphans: p.skippedOrphans };
}

/** The .qdpx archive: project.qde at the root, each text under sources/ (UTF-8, no BOM). */
export async function qdpxArchive(
  snapshot: LibrarySnapshot,
  options: QdeOptions,
): Promise<{ bytes: Uint8Array; skippedOrphans: number }> {
  const { qde, sources, skippedOrphans } = await projectQde(snapshot, options);
  const utf8 = new TextEncoder();
  const files: Record<string, Uint8Array> = { 'project.qde': utf8.encode(qde) };
  for (const [name, text] of Object.entries(sources)) files[`sources/${name}`] = utf8.encode(text);
  return { bytes: writeZip(files), skippedOrphans };
}

/** The label set as a REFI-QDA codebook (.qdc). */
export async function codebookQdc(labels: readonly LabelRecord[], origin: string): Promise<string> {
  const ordered = [...labels].sort((x, y) => x.order - y.order);
  const guids = await GuidTable.of(ordered.map((l) => ['label', l.id] as const));
  const codes = element(
    'Codes',
    {},
    ordered.map((l) => codeElement(l, guids)),
  );
  return `${XML_DECLARATION}${element('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin }, [codes])}\n`;
}
