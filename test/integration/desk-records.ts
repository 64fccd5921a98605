// Records the desk tests write: a claim whose id and notes name the edit that made it.
import { emptyClaim } from '../../src-shared/claim-defaults';
import type { AnnotationRecord } from '../../src-shared/model';

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
