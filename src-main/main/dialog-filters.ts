// File-type filters for the native open and save dialogs. Environment-free.
import type { SaveRequest } from '../../src-shared/rpc-calls';

export interface DialogFilter {
  name: string;
  extensions: string[];
}

export const OPEN_FILTERS: DialogFilter[] = [
  { name: 'Articles', extensions: ['txt', 'md', 'html', 'htm', 'pdf', 'docx'] },
  { name: 'Fact-checks (ClaimReview JSON-LD)', extensions: ['json', 'jsonld'] },
  { name: 'All files', extensions: ['*'] },
];

const SAVE_FILTERS: Readonly<Record<SaveRequest['mime'], DialogFilter>> = {
  'text/html': { name: 'HTML document', extensions: ['html', 'htm'] },
  'text/markdown': { name: 'Markdown', extensions: ['md'] },
  'text/csv': { name: 'CSV table', extensions: ['csv'] },
  'application/json': { name: 'JSON', extensions: ['json'] },
  'application/ld+json': { name: 'JSON-LD (Web Annotation)', extensions: ['jsonld', 'json'] },
  'application/xml': { name: 'REFI-QDA codebook', extensions: ['qdc', 'xml'] },
  'application/zip': { name: 'REFI-QDA project', extensions: ['qdpx'] },
};

export function saveFiltersFor(mime: SaveRequest['mime']): DialogFilter[] {
  return [SAVE_FILTERS[mime], { name: 'All files', extensions: ['*'] }];
}
