// Builds annotation records for anchoring and search tests and benchmarks: defaults for
// everything but what a test is about.
import { emptyClaim } from '../../../src-shared/claim-defaults';
import type { AnnotationRecord, AnnotationTarget } from '../../../src-shared/model';

export function annotationRecord(
  id: string,
  documentId: string,
  target: AnnotationTarget,
  more: Partial<AnnotationRecord> = {},
): AnnotationRecord {
  return {
    id,
    documentId,
    target,
    labelId: 'claim',
    ...emptyClaim(),
    author: 'tester',
    created: '2025-01-01T00:00:00Z',
    modified: '2025-01-01T00:00:00Z',
    ...more,
  };
}

/** A target for `exact` at `start`, with no recorded context (search does not use it). */
export function quoteAt(exact: string, start: number): AnnotationTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  };
}
