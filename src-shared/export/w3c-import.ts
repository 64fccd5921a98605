// Reads annotations from W3C Web Annotation JSON (an Annotation, an array, a Page, or a
// Collection with embedded pages) and from Hypothesis exports. Only an allow-list of fields is
// taken; everything else in the file is ignored.
import { VERDICTS, type AnnotationTarget, type EvidenceStance, type Verdict } from '../model';
import { err, ok, type Result } from '../result';
import { firstString, hasType, isOffset, isRecord, oneOrMany, strings, type JsonRecord } from './json-shape';
import { httpUrl } from './urls';
import { verdictFromName } from './verdicts';
import { DOCUMENT_IRI_PREFIX, PURPOSE, STANCE_KEY, VERDICT_KEY } from './w3c-vocabulary';

export interface ImportedEvidence {
  url: string;
  title: string;
  stance: EvidenceStance;
}

export interface ImportedAnnotation {
  /** The target's source IRI (`urn:claimdesk:doc:<hash>` for ClaimDesk files, a URL for Hypothesis). */
  source: string;
  /** The source's title when the file names it (W3C `label`, Hypothesis `document.title`). */
  sourceTitle: string | null;
  target: Partial<AnnotationTarget>;
  labelName: string | null;
  verdict: Verdict | null;
  rationale: string;
  notes: string;
  evidence: ImportedEvidence[];
  claimantName: string | null;
  created: string | null;
  modified: string | null;
  author: string | null;
  externalId: string | null;
}

const STANCES: readonly EvidenceStance[] = ['supports', 'refutes', 'context'];
// Containers nest (array → collection → page → annotations); anything deeper is not an export.
const MAX_DEPTH = 8;

class ImportError extends Error {}

function parseSelectors(value: unknown): Partial<AnnotationTarget> {
  const target: Partial<AnnotationTarget> = {};
  for (const s of oneOrMany(value)) {
    if (!isRecord(s)) continue;
    if (!target.quote && hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string') {
      target.quote = {
        type: 'TextQuoteSelector',
        exact: s.exact,
        prefix: typeof s.prefix === 'string' ? s.prefix : '',
        suffix: typeof s.suffix === 'string' ? s.suffix : '',
      };
    }
    if (!target.position && hasType(s, 'TextPositionSelector') && isOffset(s.start) && isOffset(s.end)) {
      if (s.start <= s.end) target.position = { type: 'TextPositionSelector', start: s.start, end: s.end };
    }
  }
  return target;
}

/** Name of a resource given as an IRI string or an object with an id. */
function resourceId(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  return isRecord(value) ? firstString(value.id) : null;
}

function resourceLabel(value: unknown): string | null {
  return isRecord(value) ? firstString(value.label) : null;
}

function readTarget(
  targetValue: unknown,
  where: string,
): Pick<ImportedAnnotation, 'source' | 'sourceTitle' | 'target'> {
  const target = oneOrMany(targetValue)[0];
  if (target === undefined) throw new ImportError(`${where} has no target`);
  if (typeof target === 'string') return { source: target, sourceTitle: null, target: {} };
  if (!isRecord(target)) throw new ImportError(`${where}: the target is neither an IRI nor an object`);
  // A Specific Resource names its document in `source`; an External Web Resource is the document.
  const sourceValue = target.source ?? target.id;
  const source = resourceId(oneOrMany(sourceValue)[0]);
  if (!source) throw new ImportError(`${where}: the target does not name its source document`);
  return {
    source,
    sourceTitle: resourceLabel(oneOrMany(sourceValue)[0]),
    target: parseSelectors(target.selector),
  };
}

function readAgentName(value: unknown): string | null {
  for (const agent of oneOrMany(value)) {
    if (isRecord(agent)) {
      const name = firstString(agent.name) ?? firstString(agent.nickname);
      if (name) return name;
    }
  }
  return null;
}

function evidenceFrom(body: JsonRecord): ImportedEvidence | null {
  const source = oneOrMany(body.source)[0] ?? body;
  const url = httpUrl(resourceId(source));
  if (!url) return null;
  const stanceValue = body[STANCE_KEY];
  const stance = STANCES.find((s) => s === stanceValue) ?? 'context';
  return { url, title: resourceLabel(source) ?? firstString(body.label) ?? '', stance };
}

interface BodyFields {
  labels: string[];
  tags: string[];
  verdict: Verdict | null;
  rationale: string[];
  notes: string[];
  claimants: string[];
  evidence: ImportedEvidence[];
}

/**
 * `ours`: the annotation targets a ClaimDesk document, so its verdict body is marked with
 * VERDICT_KEY; other tools' verdicts are recognised by their display name.
 */
function readBody(body: unknown, motivation: string | null, ours: boolean, into: BodyFields): void {
  if (typeof body === 'string') {
    const url = httpUrl(body);
    if (url) into.evidence.push({ url, title: '', stance: 'context' });
    return;
  }
  if (!isRecord(body)) return;
  // A body without a purpose serves the annotation's motivation (Web Annotation §3.3.5).
  const purpose = firstString(body.purpose) ?? motivation;
  if (typeof body.value === 'string') {
    const value = body.value;
    if (purpose === PURPOSE.label) into.labels.push(value);
    else if (purpose === PURPOSE.tag) into.tags.push(value);
    else if (purpose === PURPOSE.claimant) into.claimants.push(value);
    else if (purpose === PURPOSE.verdict) {
      const key = body[VERDICT_KEY];
      const marked = VERDICTS.includes(key as Verdict) ? (key as Verdict) : null;
      const verdict = into.verdict ? null : (marked ?? (ours ? null : verdictFromName(value)));
      if (verdict) into.verdict = verdict;
      else into.rationale.push(value);
    } else into.notes.push(value);
    return;
  }
  if (purpose === PURPOSE.evidence || purpose === null) {
    const evidence = evidenceFrom(body);
    if (evidence) into.evidence.push(evidence);
  }
}

function readW3cAnnotation(a: JsonRecord, position: string): ImportedAnnotation {
  const id = firstString(a.id);
  const where = id ? `${position} (${id})` : position;
  const motivation = firstString(a.motivation);
  const target = readTarget(a.target, where);
  const ours = target.source.startsWith(DOCUMENT_IRI_PREFIX);
  const fields: BodyFields = {
    labels: [],
    tags: [],
    verdict: null,
    rationale: [],
    notes: [],
    claimants: [],
    evidence: [],
  };
  for (const body of oneOrMany(a.body)) readBody(body, motivation, ours, fields);
  if (typeof a.bodyValue === 'string') fields.notes.push(a.bodyValue);
  return {
    ...target,
    labelName: fields.labels[0] ?? fields.tags[0] ?? null,
    verdict: fields.verdict,
    rationale: fields.rationale.join('\n\n'),
    notes: fields.notes.join('\n\n'),
    evidence: fields.evidence,
    claimantName: fields.claimants[0] ?? null,
    created: firstString(a.created),
    modified: firstString(a.modified),
    author: readAgentName(a.creator),
    externalId: id,
  };
}

/** Hypothesis user ids look like `acct:name@hypothes.is`; the name is the readable part. */
function hypothesisUser(a: JsonRecord): string | null {
  const display = isRecord(a.user_info) ? firstString(a.user_info.display_name) : null;
  if (display) return display;
  const user = firstString(a.user);
  return user ? (/^acct:([^@]+)@/.exec(user)?.[1] ?? user) : null;
}

function readHypothesisAnnotation(a: JsonRecord, where: string): ImportedAnnotation {
  const first = oneOrMany(a.target)[0];
  const uri = firstString(a.uri);
  const source = (isRecord(first) ? resourceId(first.source) : null) ?? uri;
  if (!source) throw new ImportError(`${where} does not name the page it annotates`);
  const tags = strings(a.tags);
  const verdict = tags.map(verdictFromName).find((v) => v !== null) ?? null;
  return {
    source,
    sourceTitle: isRecord(a.document) ? firstString(a.document.title) : null,
    target: isRecord(first) ? parseSelectors(first.selector) : {},
    labelName: tags.find((t) => verdictFromName(t) === null) ?? null,
    verdict,
    rationale: '',
    notes: typeof a.text === 'string' ? a.text : '',
    evidence: [],
    claimantName: null,
    created: firstString(a.created),
    modified: firstString(a.updated),
    author: hypothesisUser(a),
    externalId: firstString(a.id),
  };
}

function isHypothesisAnnotation(v: JsonRecord): boolean {
  return v.type === undefined && (typeof v.uri === 'string' || typeof v.user === 'string') && 'target' in v;
}

/** A page and, when a file embeds it instead of linking it, each following page (`next`). */
function collectPages(first: JsonRecord, out: ImportedAnnotation[], depth: number): void {
  for (let page: unknown = first; isRecord(page); page = page.next) {
    if (!Array.isArray(page.items)) throw new ImportError('An annotation page has no items list');
    for (const item of page.items) {
      if (!isRecord(item))
        throw new ImportError(`Annotation ${out.length + 1} of a page is a link, not an annotation`);
      collect(item, out, depth + 1);
    }
  }
}

function collect(value: unknown, out: ImportedAnnotation[], depth: number): void {
  const where = `Annotation ${out.length + 1}`;
  if (depth > MAX_DEPTH)
    throw new ImportError('The file nests containers too deeply to be an annotation export');
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  const what = depth === 0 ? 'The file' : where;
  if (!isRecord(value)) throw new ImportError(`${what} is not a W3C Annotation: it is not a JSON object`);
  if (hasType(value, 'Annotation')) out.push(readW3cAnnotation(value, where));
  else if (hasType(value, 'AnnotationCollection')) {
    if (value.first === undefined) return;
    if (!isRecord(value.first))
      throw new ImportError(
        'The collection links to its pages instead of including them; export it with its pages embedded',
      );
    collect(value.first, out, depth + 1);
  } else if (hasType(value, 'AnnotationPage')) collectPages(value, out, depth);
  else if (isHypothesisAnnotation(value)) out.push(readHypothesisAnnotation(value, where));
  else if (Array.isArray(value.rows)) collect(value.rows, out, depth + 1);
  else if (Array.isArray(value.annotations)) collect(value.annotations, out, depth + 1);
  else
    throw new ImportError(
      `${what} is not a W3C Annotation (type "Annotation"), page or collection, nor a Hypothesis annotation`,
    );
}

/** Parsed JSON in, the annotations it holds out — or a message saying what is wrong with it. */
export function parseW3cAnnotations(json: unknown): Result<ImportedAnnotation[]> {
  const out: ImportedAnnotation[] = [];
  try {
    collect(json, out, 0);
  } catch (e) {
    if (e instanceof ImportError) return err(e.message);
    throw e;
  }
  return ok(out);
}
