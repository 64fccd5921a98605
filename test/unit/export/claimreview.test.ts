import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING, toClaimReviews } from '../../../src-shared/export/claimreview';
import { BEST_RATING, verdictRating, WORST_RATING } from '../../../src-shared/export/verdicts';
import { VERDICTS } from '../../../src-shared/model';
import { arbitrarySnapshot } from './arbitraries';
import { arabic, cloneSnapshot, english, snapshot } from './fixture-snapshot';

describe('toClaimReviews', () => {
  const { reviews, problems } = toClaimReviews(snapshot);

  it('reviews only checked or published annotations', () => {
    expect(reviews.map((r) => r.url.split('#claim-')[1])).toEqual([
      '0b6c3f1e-8a2d-4c59-9f0e-2d4b8c6a1e37',
      'ann-3',
      '5f1d2a9c-3b7e-4f10-8c2a-9e6d4b1a7c05',
      'ann-5',
    ]);
    expect(problems).toEqual([]);
  });

  it('writes a complete ClaimReview', () => {
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factdesk.example.org/checks#claim-0b6c3f1e-8a2d-4c59-9f0e-2d4b8c6a1e37',
      claimReviewed: 'unemployment fell to 3% last year',
      datePublished: '2025-03-02',
      author: { '@type': 'Organization', name: 'Fact Desk', url: 'https://factdesk.example.org/checks' },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'False',
        ratingValue: 1,
        bestRating: 6,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Minister of Labour', url: 'https://gov.example/minister' },
        datePublished: '2025-02-27',
        appearance: {
          '@type': 'CreativeWork',
          headline: english.title,
          name: english.title,
          author: { '@type': 'Person', name: 'Jane Doe' },
          datePublished: '2025-02-27',
        },
      },
    });
  });

  it('names an outlet claimant as an organisation and links an article that came from the web', () => {
    expect(reviews[2]?.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'وكالة الأنباء الرسمية' },
      datePublished: '2025-02-28T08:30:00Z',
      appearance: {
        '@type': 'CreativeWork',
        headline: arabic.title,
        url: 'https://news.example.org/ar/economy/1234',
        datePublished: '2025-02-28T08:30:00Z',
      },
    });
  });

  it('rates the six graded verdicts 6 to 1 and gives Unverifiable only its name', () => {
    expect(VERDICTS.map(verdictRating)).toEqual([6, 5, 4, 3, 2, 1, null]);
    expect([BEST_RATING, WORST_RATING]).toEqual([6, 1]);
    expect(reviews[3]?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    expect(reviews[2]?.reviewRating).toMatchObject({ alternateName: 'Mostly true', ratingValue: 5 });
  });

  it('reports claims that lack what ClaimReview requires instead of emitting them', () => {
    const s = cloneSnapshot();
    s.settings.organisationName = '  ';
    s.settings.organisationUrl = 'javascript:alert(1)';
    const noOrg = toClaimReviews(s);
    expect(noOrg.reviews).toEqual([]);
    expect(noOrg.problems).toHaveLength(4);
    expect(noOrg.problems[0]?.missing).toEqual([MISSING.organisationName, MISSING.organisationUrl]);

    const t = cloneSnapshot();
    const [first, , third] = t.annotations;
    if (!first || !third) throw new Error('fixture');
    first.verdict = null;
    third.target.quote.exact = ' ';
    const gaps = toClaimReviews(t);
    expect(gaps.reviews).toHaveLength(2);
    expect(gaps.problems).toEqual([
      { annotationId: first.id, missing: [MISSING.verdict] },
      { annotationId: third.id, missing: [MISSING.quote] },
    ]);
  });

  it('uses a claim’s published fact-check as its url, an anchor on the organisation’s site otherwise', () => {
    const lib = cloneSnapshot();
    lib.annotations[0]!.reviewUrl = 'https://factdesk.example.org/checks/2025/unemployment-3-percent';
    lib.annotations[2]!.reviewUrl = 'factdesk.example.org/checks/jobs';
    lib.annotations[3]!.reviewUrl = 'javascript:alert(1)';
    const urls = toClaimReviews(lib).reviews.map((r) => r.url);
    expect(urls).toEqual([
      'https://factdesk.example.org/checks/2025/unemployment-3-percent',
      'https://factdesk.example.org/checks/jobs',
      'https://factdesk.example.org/checks#claim-5f1d2a9c-3b7e-4f10-8c2a-9e6d4b1a7c05',
      'https://factdesk.example.org/checks#claim-ann-5',
    ]);
  });

  it('explains why a listed annotation that is not yet checked is left out', () => {
    const listed = toClaimReviews(snapshot, ['ann-2', 'ann-3']);
    expect(listed.reviews).toHaveLength(1);
    expect(listed.problems).toEqual([{ annotationId: 'ann-2', missing: [MISSING.status, MISSING.verdict] }]);
  });

  it('never emits an empty field Google requires, and accounts for every checked claim', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (library) => {
        const out = toClaimReviews(library);
        for (const r of out.reviews) {
          expect(r.claimReviewed.trim()).not.toBe('');
          expect(r.reviewRating.alternateName).not.toBe('');
          expect(r.author.name.trim()).not.toBe('');
          expect(r.url).toMatch(/^https?:\/\/[^#\s]+/);
        }
        const checked = library.annotations.filter((a) => a.status === 'checked' || a.status === 'published');
        expect(out.reviews.length + out.problems.length).toBe(checked.length);
        for (const p of out.problems) expect(p.missing.length).toBeGreaterThan(0);
      }),
    );
  });
});
