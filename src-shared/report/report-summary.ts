// The report's summary figures — annotations counted by verdict, by label and by claimant — as
// plain rows, so every report format draws the same tables from the same counting.
import { VERDICTS, type AnnotationRecord } from '../model';
import { labelName, type SnapshotIndex } from '../export/snapshot-index';
import { VERDICT_NAMES } from '../export/verdicts';

export const NO_VERDICT = 'No verdict';
export const NO_CLAIMANT = 'No claimant';

const VERDICT_ORDER: readonly string[] = [...VERDICTS.map((v) => VERDICT_NAMES[v]), NO_VERDICT];

export interface SourceRow {
  name: string;
  count: number;
  /** Verdict name and count, in verdict order, only those that occur. */
  verdicts: [string, number][];
}

export interface ReportSummary {
  byVerdict: [string, number][];
  byLabel: [string, number][];
  bySource: SourceRow[];
}

export function verdictName(a: AnnotationRecord): string {
  return a.verdict ? VERDICT_NAMES[a.verdict] : NO_VERDICT;
}

/** Counts per key, keys in `order` first (those that occur), then the rest in first-seen order. */
export function tally(keys: readonly string[], order: readonly string[] = []): [string, number][] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 0);
}

export function reportSummary(annotations: readonly AnnotationRecord[], index: SnapshotIndex): ReportSummary {
  const labelOrder = [...index.labels.values()].sort((a, b) => a.order - b.order).map((l) => l.name);
  const byClaimant = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    const name = (a.claimantId && index.sources.get(a.claimantId)?.name) || NO_CLAIMANT;
    const list = byClaimant.get(name);
    if (list) list.push(a);
    else byClaimant.set(name, [a]);
  }
  return {
    byVerdict: tally(annotations.map(verdictName), VERDICT_ORDER),
    byLabel: tally(
      annotations.map((a) => labelName(index, a)),
      labelOrder,
    ),
    bySource: [...byClaimant].map(([name, list]) => ({
      name,
      count: list.length,
      verdicts: tally(list.map(verdictName), VERDICT_ORDER),
    })),
  };
}
