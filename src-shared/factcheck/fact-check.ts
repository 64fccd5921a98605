// A published fact-check read from a ClaimReview (schema.org) file: the claim it reviewed, its
// rating as the publisher wrote it (and the app's verdict when the wording names one), who
// reviewed it and who made the claim. Stored in the library's factChecks table, matched against
// the analyst's claims ("Checked before").
import type { Verdict } from '../model';

export interface ImportedFactCheck {
  claimReviewed: string;
  /** The review's own page (http or https), opened in the browser. */
  url: string | null;
  /** The publisher's rating in its words ("Pants on Fire", "مضلل"), or its number on its scale. */
  ratingText: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  /** The app's verdict when the rating's wording says one; null otherwise. */
  verdict: Verdict | null;
  /** The fact-checking organisation (ClaimReview `author`). */
  reviewer: string | null;
  reviewerUrl: string | null;
  datePublished: string | null;
  /** Who made the claim (`itemReviewed.author`). */
  claimant: string | null;
  /** When the claim was made (`itemReviewed.datePublished`). */
  claimDate: string | null;
  /** Where the claim appeared (`itemReviewed.appearance`), when the file gives an http(s) address. */
  appearance: string | null;
}

export interface FactCheckRecord extends ImportedFactCheck {
  /** Stable over imports of the same review: see factCheckKey. */
  id: string;
  /** The file it was imported from. */
  file: string;
  importedAt: string;
}

/** What makes two reviews the same review: its page and the claim it reviewed. */
export const factCheckKey = (f: Pick<ImportedFactCheck, 'url' | 'claimReviewed'>): string =>
  `${f.url ?? ''}\n${f.claimReviewed.trim()}`;
