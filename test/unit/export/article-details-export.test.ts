// An article's web address, publication date, outlet and author reach every export: the W3C
// target's Dublin Core terms, ClaimReview's appearance, the CSV and both reports.
import { describe, expect, it } from 'vitest';
import { toClaimReviews } from '../../../src-shared/export/claimreview';
import { annotationsToCsv } from '../../../src-shared/export/csv';
import { toAnnotationCollection } from '../../../src-shared/export/w3c-export';
import { cloneSnapshot, english } from './fixture-snapshot';

const URL = 'https://www.bbc.com/news/world-us-canada-33646704';

function withDetails() {
  const snapshot = cloneSnapshot();
  const doc = snapshot.documents.find((d) => d.id === english.id)!;
  Object.assign(doc, { url: URL, outlet: 'BBC News', published: '2015-07-24T04:36:09Z' });
  return snapshot;
}

describe('article details in exports', () => {
  it('W3C: the target source carries dcterms source (an IRI), issued, publisher and creator', () => {
    const collection = toAnnotationCollection(withDetails(), {
      id: 'urn:uuid:7d0f5c1e-2b9a-4e3f-8c6d-1a2b3c4d5e6f',
      generator: {
        id: 'https://claimdesk.example/',
        name: 'Claimdesk',
        homepage: 'https://claimdesk.example/',
      },
    });
    const a = collection.first?.items.find((x) => x.target.source.label === english.title);
    expect(a?.target.source).toMatchObject({
      'dcterms:source': { id: URL },
      'dcterms:issued': '2015-07-24T04:36:09Z',
      'dcterms:publisher': 'BBC News',
      'dcterms:creator': 'Jane Doe',
    });
  });

  it('ClaimReview: the appearance has the article’s url, date and publisher', () => {
    const { reviews } = toClaimReviews(withDetails());
    const appearance = reviews
      .map((r) => r.itemReviewed.appearance)
      .find((x) => x?.headline === english.title);
    expect(appearance).toMatchObject({
      url: URL,
      datePublished: expect.stringMatching(/^2015-07-24/),
      publisher: { '@type': 'Organization', name: 'BBC News' },
    });
  });

  it('CSV: the article URL and publication date are columns', () => {
    const csv = annotationsToCsv(withDetails());
    expect(csv.split('\r\n')[0]).toMatch(
      /,Published fact-check,Article URL,Article published,Evidence 1 stance,/,
    );
    expect(csv).toContain(`,${URL},2015-07-24T04:36:09Z`);
  });
});
