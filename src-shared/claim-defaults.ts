// The claim fields a new annotation starts with: not yet rated, to check, normal priority,
// no claimant, no evidence, no notes. One place, so new records, schema upgrades and test
// fixtures agree on what "empty" means.
import type { AnnotationRecord } from './model';

export type ClaimFields = Pick<
  AnnotationRecord,
  'verdict' | 'rationale' | 'status' | 'priority' | 'notes' | 'claimantId' | 'evidence' | 'orphaned'
>;

export function emptyClaim(): ClaimFields {
  return {
    verdict: null,
    rationale: '',
    status: 'to-check',
    priority: 'normal',
    notes: '',
    claimantId: null,
    evidence: [],
    orphaned: false,
  };
}
