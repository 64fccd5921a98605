// The export formats, one table for the app's Export dialogs and `claimdesk report`: for each,
// the exporter that makes the file from a library snapshot, its file extension, MIME type and
// what the analyst is told it is. A PDF is the HTML report printed, and a backup the whole
// library, so neither is here.
import { codebookQdc, qdpxArchive } from '../qda/qde-write';
import type { LibrarySnapshot } from '../model';
import type { SaveRequest } from '../rpc-calls';
import { APP_NAME, GENERATOR, newCollectionId } from '../report/export-identity';
import { htmlLibraryReport } from '../report/html-report';
import { toClaimReviews } from './claimreview';
import { annotationsToCsv } from './csv';
import { markdownReport } from './markdown-report';
import { toAnnotationCollection } from './w3c-export';
import { DOCUMENT_IRI_PREFIX } from './w3c-vocabulary';

export const EXPORT_FORMATS = ['html', 'md', 'csv', 'w3c', 'claimreview', 'qdpx', 'qdc'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  /** The documents a report or project covers, in this order. */
  documentIds: string[];
  /** Only these annotations (a search's results); all of the snapshot's otherwise. */
  annotationIds?: string[];
  now: Date;
  /** W3C: documents that were never ClaimDesk's keep the address they came with (id → IRI). */
  sourceIris?: ReadonlyMap<string, string>;
}

export interface Exported {
  /** The file's text, or its bytes for a ZIP archive. */
  content: string | Uint8Array;
  /** How many records the file holds (claim reviews for ClaimReview): 0 is a file not worth saving. */
  items: number;
  /** What was left out, and why, for the analyst. */
  leftOut: string[];
}

export interface ExportFormatInfo {
  /** What the saved file is called in messages ("Table saved: …"). */
  label: string;
  /** A data export's file name before the date (reports are named after what they cover). */
  fileStem: string;
  extension: string;
  mime: SaveRequest['mime'];
  make: (snapshot: LibrarySnapshot, request: ExportRequest) => Promise<Exported>;
}

/** The document id in a ClaimDesk document IRI (as written when it cannot be decoded). */
export function documentIdOf(iri: string): string {
  const id = iri.startsWith(DOCUMENT_IRI_PREFIX) ? iri.slice(DOCUMENT_IRI_PREFIX.length) : iri;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function w3cCollection(snapshot: LibrarySnapshot, { annotationIds, sourceIris }: ExportRequest): string {
  const collection = toAnnotationCollection(snapshot, {
    id: newCollectionId(),
    generator: GENERATOR,
    annotationIds,
  });
  if (sourceIris)
    for (const item of collection.first?.items ?? []) {
      const iri = sourceIris.get(documentIdOf(item.target.source.id));
      if (iri) item.target.source.id = iri;
    }
  return json(collection);
}

export const EXPORTS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  html: {
    label: 'Report',
    fileStem: 'Claimdesk report',
    extension: 'html',
    mime: 'text/html',
    make: async (snapshot, { documentIds, annotationIds, now }) => ({
      content: htmlLibraryReport(snapshot, { documentIds, annotationIds, generatedAt: now.toISOString() }),
      items: documentIds.length,
      leftOut: [],
    }),
  },
  md: {
    label: 'Report',
    fileStem: 'Claimdesk report',
    extension: 'md',
    mime: 'text/markdown',
    make: async (snapshot, { documentIds }) => ({
      content: markdownReport(snapshot, documentIds),
      items: documentIds.length,
      leftOut: [],
    }),
  },
  csv: {
    label: 'Table',
    fileStem: 'Claimdesk annotations',
    extension: 'csv',
    mime: 'text/csv',
    make: async (snapshot, { annotationIds }) => ({
      content: annotationsToCsv(snapshot, annotationIds),
      items: annotationIds?.length ?? snapshot.annotations.length,
      leftOut: [],
    }),
  },
  w3c: {
    label: 'Annotations',
    fileStem: 'Claimdesk annotations',
    extension: 'jsonld',
    mime: 'application/ld+json',
    make: async (snapshot, request) => ({
      content: w3cCollection(snapshot, request),
      items: request.annotationIds?.length ?? snapshot.annotations.length,
      leftOut: [],
    }),
  },
  claimreview: {
    label: 'ClaimReview file',
    fileStem: 'Claimdesk ClaimReview',
    extension: 'json',
    mime: 'application/ld+json',
    make: async (snapshot, { annotationIds }) => {
      const { reviews, problems } = toClaimReviews(snapshot, annotationIds);
      const quoteOf = new Map(snapshot.annotations.map((a) => [a.id, a.target.quote.exact]));
      return {
        content: json(reviews),
        items: reviews.length,
        leftOut: problems.map(
          (p) =>
            `claim “${quoteOf.get(p.annotationId) ?? p.annotationId}” left out: it lacks ${p.missing.join(', ')}`,
        ),
      };
    },
  },
  qdpx: {
    label: 'REFI-QDA project',
    fileStem: 'Claimdesk project',
    extension: 'qdpx',
    mime: 'application/zip',
    make: async (snapshot, { annotationIds, now }) => {
      const { bytes, skippedOrphans } = await qdpxArchive(snapshot, { origin: APP_NAME, now, annotationIds });
      return {
        content: bytes,
        items: snapshot.documents.length,
        leftOut:
          skippedOrphans > 0
            ? [`${skippedOrphans} orphaned highlight(s) left out: their passage is no longer in the text`]
            : [],
      };
    },
  },
  qdc: {
    label: 'Codebook',
    fileStem: 'Claimdesk codebook',
    extension: 'qdc',
    mime: 'application/xml',
    make: async (snapshot) => ({
      content: await codebookQdc(snapshot.labels, APP_NAME),
      items: snapshot.labels.length,
      leftOut: [],
    }),
  },
};
