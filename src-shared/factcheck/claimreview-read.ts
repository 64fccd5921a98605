// Reads ClaimReview JSON-LD as fact-checkers publish it: one ClaimReview object, an array of
// them, or a `@graph` (its other nodes, a WebPage or an Organization, are passed over). Each
// review is checked field by field and the file is refused, naming the review and the field,
// when one is malformed: a wrong type, an address that is not http(s), a date that is not a
// date, text beyond its size. Nothing is guessed or coerced. Runs in the import worker.
import { err, ok, type Result } from '../result';
import { isRecord, oneOrMany, type JsonRecord } from '../export/json-shape';
import { vetExternalUrl } from '../url-trust';
import type { ImportedFactCheck } from './fact-check';
import { verdictFromRating } from './rating-words';

/** Largest ClaimReview file read (bytes): a publisher's full feed is a few megabytes. */
export const MAX_CLAIMREVIEW_BYTES = 32 * 1024 * 1024;
export const MAX_REVIEWS = 50_000;
const MAX_CLAIM_CHARS = 5_000;
const MAX_NAME_CHARS = 1_000;

const TYPES = new Set([
  'ClaimReview',
  'schema:ClaimReview',
  'http://schema.org/ClaimReview',
  'https://schema.org/ClaimReview',
]);

class Refused extends Error {}

const typesOf = (node: JsonRecord): unknown[] => oneOrMany(node['@type'] ?? node.type);
const isClaimReview = (node: unknown): node is JsonRecord =>
  isRecord(node) && typesOf(node).some((t) => typeof t === 'string' && TYPES.has(t));

/** How much of a file's start is looked at for a ClaimReview type. */
const HEAD_CHARS = 256 * 1024;

/** Cheap test on a file's start: JSON that names ClaimReview as a type. */
export function looksLikeClaimReview(text: string): boolean {
  const head = text.slice(0, HEAD_CHARS);
  return /^\s*[[{]/.test(head) && /"@?type"\s*:\s*(?:\[[^\]]*)?"(?:[^"]*[/:])?ClaimReview"/.test(head);
}

/** The ClaimReview nodes of a document, in file order, without recursing into arbitrary depth. */
function reviewNodes(json: unknown): JsonRecord[] {
  const found: JsonRecord[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 2) return;
    for (const item of Array.isArray(node) ? node : [node]) {
      if (isClaimReview(item)) found.push(item);
      else if (isRecord(item) && Array.isArray(item['@graph'])) visit(item['@graph'], depth + 1);
      else if (Array.isArray(item)) visit(item, depth + 1);
    }
  };
  visit(json, 0);
  return found;
}

function text(node: JsonRecord, field: string, where: string, max: number): string | null {
  const value = node[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Refused(`${where}: ${field} is not text`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw new Refused(`${where}: ${field} is longer than ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

function address(node: JsonRecord, field: string, where: string): string | null {
  const value = text(node, field, where, 4096);
  if (value === null) return null;
  const vetted = vetExternalUrl(value);
  if (!vetted) throw new Refused(`${where}: ${field} is not an http or https address`);
  return vetted;
}

const DATE = /^(\d{4})-(\d\d)-(\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/;

/** A calendar date (Date.parse would roll 31 February over into March). */
function isDay(year: number, month: number, day: number): boolean {
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

function date(node: JsonRecord, field: string, where: string): string | null {
  const value = text(node, field, where, 64);
  if (value === null) return null;
  const m = DATE.exec(value);
  if (!m || !isDay(Number(m[1]), Number(m[2]), Number(m[3])) || Number.isNaN(Date.parse(value)))
    throw new Refused(`${where}: ${field} is not a date`);
  return value;
}

const NUMBER = /^-?\d{1,6}(?:\.\d{1,6})?$/;

/** schema.org Numbers come as JSON numbers or as numerals in text. */
function number(node: JsonRecord, field: string, where: string): number | null {
  const value = node[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e6) return value;
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  throw new Refused(`${where}: ${field} is not a number`);
}

/** A one-or-many object field: its first value, which must be an object when present. */
function object(node: JsonRecord, field: string, where: string): JsonRecord | null {
  const first = oneOrMany(node[field])[0];
  if (first === undefined) return null;
  if (!isRecord(first)) throw new Refused(`${where}: ${field} is not an object`);
  return first;
}

/** An author given as an object with a name, or as the name itself. */
function agent(node: JsonRecord, field: string, where: string): { name: string | null; url: string | null } {
  const first = oneOrMany(node[field])[0];
  if (first === undefined) return { name: null, url: null };
  if (typeof first === 'string')
    return { name: text({ name: first }, 'name', `${where}: ${field}`, MAX_NAME_CHARS), url: null };
  if (!isRecord(first)) throw new Refused(`${where}: ${field} is neither a name nor an object`);
  return {
    name: text(first, 'name', `${where}: ${field}`, MAX_NAME_CHARS),
    url: address(first, 'url', `${where}: ${field}`),
  };
}

function readReview(node: JsonRecord, where: string): ImportedFactCheck {
  const claimReviewed = text(node, 'claimReviewed', where, MAX_CLAIM_CHARS);
  if (claimReviewed === null) throw new Refused(`${where}: claimReviewed (the claim) is missing`);
  const rating = object(node, 'reviewRating', where);
  if (rating === null) throw new Refused(`${where}: reviewRating is missing`);
  const ratingWhere = `${where}: reviewRating`;
  const alternateName = text(rating, 'alternateName', ratingWhere, MAX_NAME_CHARS);
  const ratingValue = number(rating, 'ratingValue', ratingWhere);
  const bestRating = number(rating, 'bestRating', ratingWhere);
  const worstRating = number(rating, 'worstRating', ratingWhere);
  if (alternateName === null && ratingValue === null)
    throw new Refused(`${ratingWhere} has neither alternateName nor ratingValue`);
  const scale = bestRating === null ? '' : ` (on a scale of ${worstRating ?? 1} to ${bestRating})`;
  const reviewer = agent(node, 'author', where);
  const claim = object(node, 'itemReviewed', where);
  const claimWhere = `${where}: itemReviewed`;
  const appearance = claim ? object(claim, 'appearance', claimWhere) : null;
  return {
    claimReviewed,
    url: address(node, 'url', where),
    ratingText: alternateName ?? `${ratingValue as number}${scale}`,
    ratingValue,
    bestRating,
    worstRating,
    verdict: alternateName === null ? null : verdictFromRating(alternateName),
    reviewer: reviewer.name,
    reviewerUrl: reviewer.url,
    datePublished: date(node, 'datePublished', where),
    claimant: claim ? agent(claim, 'author', claimWhere).name : null,
    claimDate: claim ? date(claim, 'datePublished', claimWhere) : null,
    appearance: appearance ? address(appearance, 'url', `${claimWhere}: appearance`) : null,
  };
}

/** The reviews of a parsed ClaimReview document, or why the file is refused. */
export function readClaimReviews(json: unknown): Result<ImportedFactCheck[]> {
  const nodes = reviewNodes(json);
  if (nodes.length === 0) return err('the file holds no ClaimReview (schema.org) item');
  if (nodes.length > MAX_REVIEWS)
    return err(`the file holds ${nodes.length} reviews, more than the ${MAX_REVIEWS} read at once`);
  try {
    return ok(
      nodes.map((node, i) =>
        readReview(node, `review ${i + 1}${nodes.length > 1 ? ` of ${nodes.length}` : ''}`),
      ),
    );
  } catch (error) {
    if (error instanceof Refused) return err(`${error.message}; nothing was imported`);
    throw error;
  }
}

/** A ClaimReview file's text (size-capped) → its reviews, or why not. */
export function parseClaimReviewText(source: string): Result<ImportedFactCheck[]> {
  if (source.length > MAX_CLAIMREVIEW_BYTES)
    return err(`the ClaimReview file is larger than ${MAX_CLAIMREVIEW_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err(`the ClaimReview file is not valid JSON (${(e as Error).message})`);
  }
  return readClaimReviews(json);
}
