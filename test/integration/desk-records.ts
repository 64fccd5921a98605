// Records the desk tests write: a claim whose id and notes name the edit that made it, and an
// article.
import { emptyClaim } from '../../src-shared/claim-defaults';
import type { AnnotationRecord, DocumentRecord } from '../../src-shared/model';

export function claimRecord(id: string, over: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    ...emptyClaim(),
    id,
    documentId: 'doc-1',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'قال الوزير', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 10 },
    },
    labelId: 'claim',
    notes: `made by edit ${id}`,
    author: 'sim',
    modifiedBy: 'sim',
    created: '2026-12-06T00:00:00.000Z',
    modified: '2026-12-06T00:00:00.000Z',
    ...over,
  };
}

/** An article as an import stores it, keyed by `id` (the app keys by content hash). */
export function documentRecord(id: string, over: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    sourceFile: 'dump.txt',
    articleIndex: 0,
    title: 'العنوان',
    caption: null,
    credit: null,
    author: null,
    published: null,
    direction: 'rtl',
    format: 'news-dump',
    encoding: 'utf-8',
    blocks: [{ kind: 'title', text: 'العنوان', direction: 'rtl' }],
    text: 'العنوان',
    importedAt: '2026-12-06T00:00:00.000Z',
    ...over,
  };
}
