// Verdict display names (what CSV, reports, W3C bodies and ClaimReview show) and the numeric
// ClaimReview rating each verdict maps to.
import { VERDICTS, type Verdict } from '../model';

export const VERDICT_NAMES: Readonly<Record<Verdict, string>> = {
  true: 'True',
  'mostly-true': 'Mostly true',
  mixed: 'Mixed',
  misleading: 'Misleading',
  'mostly-false': 'Mostly false',
  false: 'False',
  unverifiable: 'Unverifiable',
};

/**
 * ClaimReview scale: the six graded verdicts keep the model's order, from 6 (True) down to
 * 1 (False), so no two verdicts share a number and consumers can still sort by truthfulness.
 * Unverifiable is not a point on that scale — giving it a number would place it between two
 * grades — so it has none, and its Rating carries only `alternateName`.
 */
export const BEST_RATING = 6;
export const WORST_RATING = 1;

export function verdictRating(verdict: Verdict): number | null {
  if (verdict === 'unverifiable') return null;
  return BEST_RATING - VERDICTS.indexOf(verdict);
}

/** Reads a verdict written as its display name or its id, in any letter case; null if neither. */
export function verdictFromName(value: string): Verdict | null {
  const wanted = value.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const v of VERDICTS) {
    if (v === wanted.replace(/ /g, '-') || VERDICT_NAMES[v].toLowerCase() === wanted) return v;
  }
  return null;
}
