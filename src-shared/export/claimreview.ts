// Checked claims as schema.org ClaimReview JSON-LD, the markup search engines read for fact
// checks. A claim lacking what ClaimReview requires is reported as a problem, never emitted.
import type { AnnotationRecord, DocumentRecord, LibrarySnapshot, SourceRecord, Verdict } from '../model';
import { indexSnapshot, selectAnnotations } from './snapshot-index';
import { typedLinkHref, httpUrl } from './urls';
import { BEST_RATING, VERDICT_NAMES, verdictRating, WORST_RATING } from './verdicts';

type Agent = { '@type': 'Person' | 'Organization'; name: string; url?: string };

export interface ClaimReviewRating {
  '@type': 'Rating';
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished?: string;
  author: Agent & { '@type': 'Organization' };
  reviewRating: ClaimReviewRating;
  itemReviewed: {
    '@type': 'Claim';
    author?: Agent;
    datePublished?: string;
    appearance?: {
      '@type': 'CreativeWork';
      headline: string;
      url?: string;
      name?: string;
      author?: Agent;
      publisher?: Agent & { '@type': 'Organization' };
      datePublished?: string;
    };
  };
}

export interface ClaimReviewProblem {
  annotationId: string;
  /** What the claim lacks, in words fit to show the analyst. */
  missing: string[];
}

export interface ClaimReviewExport {
  reviews: ClaimReview[];
  problems: ClaimReviewProblem[];
}

export const MISSING = {
  organisationName: 'organisation name (Settings)',
  organisationUrl: 'organisation web address, http or https (Settings)',
  verdict: 'verdict',
  quote: 'quoted claim text',
  status: 'status Checked or Published',
} as const;

const PUBLISHABLE = new Set(['checked', 'published']);
// ISO 8601 date, optionally with a time: the only form a schema.org Date/DateTime may take.
const ISO_DATE = /^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/;

function isoDate(value: string | null): string | undefined {
  return value && ISO_DATE.test(value) ? value : undefined;
}

function rating(verdict: Verdict): ClaimReviewRating {
  const result: ClaimReviewRating = { '@type': 'Rating', alternateName: VERDICT_NAMES[verdict] };
  const value = verdictRating(verdict);
  if (value !== null)
    Object.assign(result, { ratingValue: value, bestRating: BEST_RATING, worstRating: WORST_RATING });
  return result;
}

function claimant(source: SourceRecord): Agent {
  const result: Agent = { '@type': source.kind === 'person' ? 'Person' : 'Organization', name: source.name };
  const url = httpUrl(source.url);
  if (url) result.url = url;
  return result;
}

/** The article the claim appeared in; a document imported from a web address links to it. */
function appearance(doc: DocumentRecord): NonNullable<ClaimReview['itemReviewed']['appearance']> {
  const result: NonNullable<ClaimReview['itemReviewed']['appearance']> = {
    '@type': 'CreativeWork',
    headline: doc.title,
  };
  const url = httpUrl(doc.url) ?? httpUrl(doc.sourceFile);
  if (url) result.url = url;
  else result.name = doc.title;
  if (doc.author) result.author = { '@type': 'Person', name: doc.author };
  if (doc.outlet) result.publisher = { '@type': 'Organization', name: doc.outlet };
  const published = isoDate(doc.published);
  if (published) result.datePublished = published;
  return result;
}

function review(
  a: AnnotationRecord,
  verdict: Verdict,
  doc: DocumentRecord | undefined,
  claimSource: SourceRecord | undefined,
  organisation: Agent & { '@type': 'Organization'; url: string },
): ClaimReview {
  // The claim's own published fact-check when it has one; else an anchor on the organisation's site.
  const anchored = new URL(organisation.url);
  anchored.hash = `claim-${encodeURIComponent(a.id)}`;
  const result: ClaimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: typedLinkHref(a.reviewUrl) ?? anchored.href,
    claimReviewed: a.target.quote.exact.trim(),
    author: { ...organisation },
    reviewRating: rating(verdict),
    itemReviewed: { '@type': 'Claim' },
  };
  const reviewed = isoDate(a.modified.slice(0, 10));
  if (reviewed) result.datePublished = reviewed;
  if (claimSource) result.itemReviewed.author = claimant(claimSource);
  const published = doc && isoDate(doc.published);
  if (published) result.itemReviewed.datePublished = published;
  if (doc) result.itemReviewed.appearance = appearance(doc);
  return result;
}

/**
 * ClaimReviews for the annotations marked Checked or Published (all of them, or those listed).
 * An annotation listed explicitly but not yet checked is reported, so the analyst learns why it
 * is missing from the file.
 */
export function toClaimReviews(snapshot: LibrarySnapshot, annotationIds?: string[]): ClaimReviewExport {
  const index = indexSnapshot(snapshot);
  const name = snapshot.settings.organisationName.trim();
  const orgUrl = httpUrl(snapshot.settings.organisationUrl);
  const reviews: ClaimReview[] = [];
  const problems: ClaimReviewProblem[] = [];
  for (const a of selectAnnotations(snapshot, index, annotationIds)) {
    const publishable = PUBLISHABLE.has(a.status);
    if (!publishable && !annotationIds) continue;
    const missing: string[] = [];
    if (!publishable) missing.push(MISSING.status);
    if (!name) missing.push(MISSING.organisationName);
    if (!orgUrl) missing.push(MISSING.organisationUrl);
    if (!a.verdict) missing.push(MISSING.verdict);
    if (!a.target.quote.exact.trim()) missing.push(MISSING.quote);
    if (missing.length > 0 || !a.verdict || !orgUrl) {
      problems.push({ annotationId: a.id, missing });
      continue;
    }
    const organisation = { '@type': 'Organization' as const, name, url: orgUrl };
    const claimSource = a.claimantId ? index.sources.get(a.claimantId) : undefined;
    reviews.push(review(a, a.verdict, index.documents.get(a.documentId), claimSource, organisation));
  }
  return { reviews, problems };
}
