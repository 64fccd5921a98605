// Reading ClaimReview JSON-LD: the shapes fact-checkers publish (one object, an array, a @graph),
// ratings mapped to verdicts where their words say one, our own export read back, and files
// refused with a message naming the review and the field: malformed, hostile, huge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toClaimReviews } from '../../../src-shared/export/claimreview';
import { verdictFromName } from '../../../src-shared/export/verdicts';
import {
  looksLikeClaimReview,
  MAX_CLAIMREVIEW_BYTES,
  MAX_REVIEWS,
  parseClaimReviewText,
  readClaimReviews,
} from '../../../src-shared/factcheck/claimreview-read';
import { verdictFromRating } from '../../../src-shared/factcheck/rating-words';
import { runBuiltCli } from '../built-cli';
import { parseFile } from '../../../src-main/import/index';
import { snapshot } from '../export/fixture-snapshot';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../fixtures/claimreview', name), 'utf8');

const review = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@type': 'ClaimReview',
  claimReviewed: 'Vaccines cause autism.',
  url: 'https://check.example/autism',
  reviewRating: { '@type': 'Rating', alternateName: 'False' },
  ...extra,
});

const refused = (json: unknown): string => {
  const read = readClaimReviews(json);
  if (read.ok) throw new Error('expected the file to be refused');
  return read.error;
};

describe('reading ClaimReview files', () => {
  it('reads a @graph, passing over its other nodes', () => {
    const read = parseClaimReviewText(fixture('feed.jsonld'));
    expect(read).toEqual({
      ok: true,
      value: [
        {
          claimReviewed: 'The price of bread has tripled since January.',
          url: 'https://factcheck.example.org/2025/03/bread-prices',
          ratingText: 'Mostly False',
          ratingValue: 2,
          bestRating: 5,
          worstRating: 1,
          verdict: 'mostly-false',
          reviewer: 'Example Fact Check',
          reviewerUrl: 'https://factcheck.example.org/',
          datePublished: '2025-03-14',
          claimant: 'Jane Minister',
          claimDate: '2025-03-10',
          appearance: 'https://news.example.com/interview',
        },
        {
          claimReviewed: 'أبراج الجيل الخامس تنشر فيروس كورونا',
          url: 'https://factcheck.example.org/ar/2025/04/5g',
          ratingText: 'زائف',
          ratingValue: null,
          bestRating: null,
          worstRating: null,
          verdict: 'false',
          reviewer: 'مرصد التحقق',
          reviewerUrl: null,
          datePublished: '2025-04-02T09:30:00Z',
          claimant: 'منشورات على فيسبوك',
          claimDate: null,
          appearance: null,
        },
      ],
    });
  });

  it('reads a single object and an array', () => {
    const single = parseClaimReviewText(fixture('single.json'));
    expect(single.ok && single.value.map((r) => [r.verdict, r.ratingText, r.claimant, r.appearance])).toEqual(
      [['mixed', 'Half True', 'Coffee Council', 'https://coffee.example/press']],
    );
    const many = readClaimReviews([review(), review({ claimReviewed: 'Another claim' })]);
    expect(many.ok && many.value.map((r) => r.claimReviewed)).toEqual([
      'Vaccines cause autism.',
      'Another claim',
    ]);
  });

  it('keeps a rating whose words name no verdict, or a bare number, as written', () => {
    const read = readClaimReviews([
      review({ reviewRating: { alternateName: 'Needs context and more' } }),
      review({ reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1 } }),
    ]);
    expect(read.ok && read.value.map((r) => [r.verdict, r.ratingText])).toEqual([
      [null, 'Needs context and more'],
      [null, '1 (on a scale of 1 to 5)'],
    ]);
  });

  it('maps the ratings fact-checkers use, in English and Arabic', () => {
    expect(verdictFromRating('Pants on Fire!')).toBe('false');
    expect(verdictFromRating('MOSTLY TRUE')).toBe('mostly-true');
    expect(verdictFromRating('Missing context')).toBe('misleading');
    expect(verdictFromRating('Unproven')).toBe('unverifiable');
    expect(verdictFromRating('مضلِّل')).toBe('misleading');
    expect(verdictFromRating('«غير صحيح»')).toBe('false');
    expect(verdictFromRating('صحيح جزئياً')).toBe('mixed');
    expect(verdictFromRating('Not quite')).toBeNull();
  });

  it('reads back what Claimdesk exports, with its verdicts', () => {
    const { reviews } = toClaimReviews(snapshot);
    expect(reviews.length).toBeGreaterThan(0);
    const read = readClaimReviews(JSON.parse(JSON.stringify(reviews)));
    expect(read.ok && read.value.map((r) => [r.claimReviewed, r.verdict])).toEqual(
      reviews.map((r) => [r.claimReviewed, verdictFromName(r.reviewRating.alternateName)]),
    );
    expect(read.ok && read.value.every((r) => r.verdict !== null)).toBe(true);
  });

  it('is recognised by its type at the start of a file, not by a mention', () => {
    expect(looksLikeClaimReview(fixture('feed.jsonld'))).toBe(true);
    expect(looksLikeClaimReview('\uFEFF[{"@type": ["ClaimReview"]}]')).toBe(true);
    expect(looksLikeClaimReview('{"@type": "https://schema.org/ClaimReview"}')).toBe(true);
    expect(looksLikeClaimReview('{"type": "Annotation", "body": "ClaimReview"}')).toBe(false);
    expect(looksLikeClaimReview('A ClaimReview "@type": "ClaimReview"')).toBe(false);
  });
});

describe('refusing malformed and hostile files', () => {
  it('names the review and the field, and imports nothing', () => {
    expect(refused([review(), review({ claimReviewed: undefined })])).toBe(
      'review 2 of 2: claimReviewed (the claim) is missing; nothing was imported',
    );
    expect(refused(review({ claimReviewed: ['a', 'b'] }))).toMatch(/^review 1: claimReviewed is not text/);
    expect(refused(review({ reviewRating: undefined }))).toMatch(/reviewRating is missing/);
    expect(refused(review({ reviewRating: 'False' }))).toMatch(/reviewRating is not an object/);
    expect(refused(review({ reviewRating: { ratingValue: { $gt: 1 } } }))).toMatch(
      /reviewRating: ratingValue is not a number/,
    );
    expect(refused(review({ reviewRating: { bestRating: 5 } }))).toMatch(
      /neither alternateName nor ratingValue/,
    );
    expect(refused(review({ datePublished: 'last Tuesday' }))).toMatch(/datePublished is not a date/);
    expect(refused(review({ datePublished: '2025-02-31' }))).toMatch(/datePublished is not a date/);
  });

  it('refuses addresses that are not http or https', () => {
    expect(refused(review({ url: 'javascript:alert(1)' }))).toMatch(
      /review 1: url is not an http or https address/,
    );
    expect(refused(review({ author: { name: 'X', url: 'file:///etc/passwd' } }))).toMatch(
      /author: url is not/,
    );
    expect(refused(review({ url: 'https://user:pw@check.example/' }))).toMatch(/url is not an http/);
    expect(
      refused(review({ itemReviewed: { '@type': 'Claim', appearance: { url: 'data:text/html,<b>' } } })),
    ).toMatch(/itemReviewed: appearance: url is not an http/);
  });

  it('refuses what is not ClaimReview, not JSON, or too much', () => {
    expect(refused({ '@type': 'WebPage' })).toBe('the file holds no ClaimReview (schema.org) item');
    expect(refused([])).toMatch(/no ClaimReview/);
    const notJson = parseClaimReviewText('{"@type": "ClaimReview", ');
    expect(notJson.ok ? '' : notJson.error).toMatch(/not valid JSON/);
    expect(refused(review({ claimReviewed: 'x'.repeat(5001) }))).toMatch(/longer than 5000 characters/);
    const flood = Array.from({ length: MAX_REVIEWS + 1 }, () => review());
    expect(refused(flood)).toMatch(/more than the 50000 read at once/);
  });

  it('does not descend into deep nesting', () => {
    let deep: unknown = review();
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refused(deep)).toMatch(/no ClaimReview/);
    let graph: unknown = review();
    for (let i = 0; i < 10_000; i++) graph = { '@graph': [graph] };
    expect(refused(graph)).toMatch(/no ClaimReview/);
  });
});

describe('through the importer', () => {
  it('reads a ClaimReview file into fact-checks and no articles', async () => {
    const parsed = await parseFile('feed.jsonld', new TextEncoder().encode(fixture('feed.jsonld')));
    expect(parsed.articles).toEqual([]);
    expect(parsed.factChecks?.map((f) => f.verdict)).toEqual(['mostly-false', 'false']);
  });

  it('prints the fact-checks with `claimdesk parse`', async () => {
    const { code, out } = await runBuiltCli(
      'parse',
      join(__dirname, '../../fixtures/claimreview/single.json'),
    );
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      articles: [],
      factChecks: [
        { claimReviewed: 'Drinking coffee every day lowers the risk of heart disease.', verdict: 'mixed' },
      ],
    });
  });

  it('refuses other JSON opened as an article, saying where it belongs', async () => {
    const w3c = new TextEncoder().encode('{"type": "AnnotationCollection", "items": []}');
    await expect(parseFile('annotations.jsonld', w3c)).rejects.toThrow(/JSON data, not an article.*Import…/);
  });

  it('refuses a file beyond the size cap before parsing it', async () => {
    const huge = new Uint8Array(MAX_CLAIMREVIEW_BYTES + 1).fill(0x20);
    huge.set(new TextEncoder().encode('{"@type": "ClaimReview", "claimReviewed": "x"}'));
    await expect(parseFile('huge.json', huge)).rejects.toThrow('the ClaimReview file is larger than 32 MB');
  });

  it('names the file and the problem when a review is malformed or the bytes are not UTF-8', async () => {
    const bad = JSON.stringify([review(), review({ url: 'ftp://x.example/' })]);
    await expect(parseFile('reviews.json', new TextEncoder().encode(bad))).rejects.toThrow(
      'review 2 of 2: url is not an http or https address; nothing was imported',
    );
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('{"@type":"ClaimReview","claimReviewed":"'),
      0xe9,
      0x22,
      0x7d,
    ]);
    await expect(parseFile('reviews.json', latin1)).rejects.toThrow('the ClaimReview file is not UTF-8 text');
  });
});
