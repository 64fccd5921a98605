// Annotations as a W3C Web Annotation AnnotationCollection (JSON-LD), the interchange format
// other annotation tools read. Output passes every MUST assertion of the W3C test suite.
import type {
  AnnotationRecord,
  DocumentRecord,
  LibrarySnapshot,
  TextPositionSelector,
  Verdict,
} from '../model';
import { indexSnapshot, labelName, selectAnnotations, type SnapshotIndex } from './snapshot-index';
import { typedLinkHref, recordIri } from './urls';
import { VERDICT_NAMES } from './verdicts';
import { ANNO_CONTEXT, DOCUMENT_IRI_PREFIX, PURPOSE, STANCE_KEY, VERDICT_KEY } from './w3c-vocabulary';

export interface W3cAgent {
  id?: string;
  type: 'Person' | 'Software';
  name: string;
  homepage?: string;
}

export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: string;
  value: string;
  format: 'text/plain';
  textDirection?: 'rtl';
  [VERDICT_KEY]?: Verdict;
}

export interface W3cLinkBody {
  type: 'SpecificResource';
  purpose: string;
  source: { id: string; label?: string };
  [STANCE_KEY]: string;
}

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface W3cAnnotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: string;
  created?: string;
  modified?: string;
  creator?: W3cAgent;
  generator: W3cAgent;
  body: (W3cTextualBody | W3cLinkBody)[];
  target: {
    type: 'SpecificResource';
    source: { id: string; type: 'Text'; format: 'text/plain'; label?: string } & ArticleTerms;
    selector: [W3cTextQuoteSelector, TextPositionSelector];
  };
}

/** The article's web address, publication date, outlet and author, as Dublin Core terms. */
interface ArticleTerms {
  'dcterms:source'?: { id: string };
  'dcterms:issued'?: string;
  'dcterms:publisher'?: string;
  'dcterms:creator'?: string;
}

function articleTerms(doc: DocumentRecord): ArticleTerms {
  const terms: ArticleTerms = {};
  const url = typedLinkHref(doc.url);
  if (url) terms['dcterms:source'] = { id: url };
  if (doc.published) terms['dcterms:issued'] = doc.published;
  if (doc.outlet) terms['dcterms:publisher'] = doc.outlet;
  if (doc.author) terms['dcterms:creator'] = doc.author;
  return terms;
}

export interface W3cPage {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  partOf?: { id: string; label: string; total: number };
  startIndex: number;
  next?: string;
  prev?: string;
  items: W3cAnnotation[];
}

export interface W3cCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: W3cPage;
  last?: string;
}

export interface W3cExportOptions {
  /** The collection's IRI. */
  id: string;
  generator: { id: string; name: string; homepage?: string };
  /** Annotations per page; by default all of them share the one embedded page. */
  pageSize?: number;
  label?: string;
  annotationIds?: string[];
}

// xsd:dateTime, which is what the model's `created`/`modified` must be; other values are left out.
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

// A body's direction is that of its first strong letter, as HTML's dir="auto" decides it: one
// short scan, where counting every letter of every body would dominate the export's time.
const FIRST_STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

function textualBody(purpose: string, value: string): W3cTextualBody {
  const body: W3cTextualBody = { type: 'TextualBody', purpose, value, format: 'text/plain' };
  const strong = FIRST_STRONG.exec(value)?.[0];
  if (strong && RTL.test(strong)) body.textDirection = 'rtl';
  return body;
}

function agent(generator: W3cExportOptions['generator']): W3cAgent {
  const result: W3cAgent = { id: generator.id, type: 'Software', name: generator.name };
  if (generator.homepage) result.homepage = generator.homepage;
  return result;
}

function bodies(index: SnapshotIndex, a: AnnotationRecord): W3cAnnotation['body'] {
  const body: W3cAnnotation['body'] = [textualBody(PURPOSE.label, labelName(index, a))];
  if (a.verdict)
    body.push({ ...textualBody(PURPOSE.verdict, VERDICT_NAMES[a.verdict]), [VERDICT_KEY]: a.verdict });
  if (a.rationale) body.push(textualBody(PURPOSE.verdict, a.rationale));
  const claimant = a.claimantId ? index.sources.get(a.claimantId)?.name : undefined;
  if (claimant) body.push(textualBody(PURPOSE.claimant, claimant));
  if (a.notes) body.push(textualBody(PURPOSE.notes, a.notes));
  for (const e of a.evidence) {
    // Only http(s) links are exported: a body's source must be an IRI, and nothing else is a
    // link a reader of the file should follow.
    const href = typedLinkHref(e.url);
    if (!href) continue;
    const source: W3cLinkBody['source'] = { id: href };
    if (e.title) source.label = e.title;
    body.push({ type: 'SpecificResource', purpose: PURPOSE.evidence, source, [STANCE_KEY]: e.stance });
  }
  return body;
}

/** One annotation, without `@context` (it sits in a page that has one). */
export function toW3cAnnotation(
  index: SnapshotIndex,
  a: AnnotationRecord,
  generator: W3cExportOptions['generator'],
): W3cAnnotation {
  const doc = index.documents.get(a.documentId);
  const { exact, prefix, suffix } = a.target.quote;
  const quote: W3cTextQuoteSelector = { type: 'TextQuoteSelector', exact };
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  const source: W3cAnnotation['target']['source'] = {
    id: DOCUMENT_IRI_PREFIX + encodeURIComponent(a.documentId),
    type: 'Text',
    format: 'text/plain',
  };
  // `label` (rdfs:label) is the anno.jsonld term for a resource's name; `title` is not defined there.
  if (doc?.title) source.label = doc.title;
  if (doc) Object.assign(source, articleTerms(doc));
  const annotation: W3cAnnotation = {
    id: recordIri('annotation', a.id),
    type: 'Annotation',
    motivation: a.verdict ? PURPOSE.verdict : PURPOSE.label,
    generator: agent(generator),
    body: bodies(index, a),
    target: {
      type: 'SpecificResource',
      source,
      selector: [
        quote,
        { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
      ],
    },
  };
  if (DATE_TIME.test(a.created)) annotation.created = a.created;
  if (DATE_TIME.test(a.modified)) annotation.modified = a.modified;
  if (a.author) annotation.creator = { type: 'Person', name: a.author };
  return annotation;
}

function pageId(collectionId: string, n: number): string {
  return collectionId.includes('#') ? `${collectionId}-page-${n}` : `${collectionId}#page-${n}`;
}

interface Paged {
  label: string;
  total: number;
  size: number;
  pages: W3cAnnotation[][];
}

function paginate(snapshot: LibrarySnapshot, options: W3cExportOptions): Paged {
  const index = indexSnapshot(snapshot);
  const items = selectAnnotations(snapshot, index, options.annotationIds).map((a) =>
    toW3cAnnotation(index, a, options.generator),
  );
  const size = options.pageSize && options.pageSize > 0 ? Math.floor(options.pageSize) : items.length;
  const pages: W3cAnnotation[][] = [];
  for (let at = 0; at < items.length; at += size) pages.push(items.slice(at, at + size));
  return { label: options.label ?? 'ClaimDesk annotations', total: items.length, size, pages };
}

function page(options: W3cExportOptions, paged: Paged, n: number): W3cPage {
  const result: W3cPage = {
    id: pageId(options.id, n + 1),
    type: 'AnnotationPage',
    startIndex: n * paged.size,
    items: paged.pages[n] ?? [],
  };
  if (n + 1 < paged.pages.length) result.next = pageId(options.id, n + 2);
  if (n > 0) result.prev = pageId(options.id, n);
  return result;
}

/**
 * The collection with its first page embedded. The model allows only `first` to be embedded
 * (`last`, `next` are IRIs), so with the default page size everything is in one page and the
 * file is self-contained; with a smaller `pageSize`, publish `toAnnotationPages` beside it.
 */
export function toAnnotationCollection(snapshot: LibrarySnapshot, options: W3cExportOptions): W3cCollection {
  const paged = paginate(snapshot, options);
  const collection: W3cCollection = {
    '@context': ANNO_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: paged.label,
    total: paged.total,
  };
  if (paged.pages.length > 0) {
    collection.first = page(options, paged, 0);
    collection.last = pageId(options.id, paged.pages.length);
  }
  return collection;
}

/** Every page as a standalone document naming its collection in `partOf`. */
export function toAnnotationPages(snapshot: LibrarySnapshot, options: W3cExportOptions): W3cPage[] {
  const paged = paginate(snapshot, options);
  return paged.pages.map((_, n) => ({
    '@context': ANNO_CONTEXT,
    ...page(options, paged, n),
    partOf: { id: options.id, label: paged.label, total: paged.total },
  }));
}
