import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibrarySnapshot } from '../../../src-shared/model';
import {
  toAnnotationCollection,
  toAnnotationPages,
  type W3cAnnotation,
  type W3cExportOptions,
} from '../../../src-shared/export/w3c-export';
import { STANCE_KEY, VERDICT_KEY } from '../../../src-shared/export/w3c-vocabulary';
import { arbitrarySnapshot } from './arbitraries';
import { arabic, english, snapshot } from './fixture-snapshot';
import { assertionsOf, checkAnnotation, checkCollection, checkPage, examples } from './w3c-suite';

const options: W3cExportOptions = {
  id: 'urn:uuid:7d0f5c1e-2b9a-4e3f-8c6d-1a2b3c4d5e6f',
  generator: {
    id: 'https://claimdesk.example/',
    name: 'ClaimDesk 0.1.0',
    homepage: 'https://claimdesk.example/',
  },
};

const items = (s: LibrarySnapshot = snapshot): W3cAnnotation[] =>
  toAnnotationCollection(s, options).first?.items ?? [];
const byId = (id: string): W3cAnnotation | undefined => items().find((a) => a.id.endsWith(id));

describe('the W3C MUST suite runner', () => {
  it('covers every MUST assertion of the three lists', () => {
    expect(assertionsOf('annotations/annotationMusts.test')).toHaveLength(54);
    expect(assertionsOf('collections/collectionMusts.test')).toHaveLength(10);
    expect(assertionsOf('collections/pages/pageMusts.test')).toHaveLength(15);
  });

  it.each(examples('valid'))('passes the valid example %s', (_name, json) => {
    expect(checkAnnotation(json)).toEqual([]);
  });

  it.each(examples('invalid'))('fails the invalid example %s', (_name, json) => {
    expect(checkAnnotation(json).length).toBeGreaterThan(0);
  });
});

describe('toAnnotationCollection', () => {
  it('passes every MUST assertion, for the collection, its page and each annotation', () => {
    const collection = toAnnotationCollection(snapshot, options);
    expect(collection.total).toBe(snapshot.annotations.length);
    expect(checkCollection({ ...collection })).toEqual([]);
    for (const a of collection.first?.items ?? [])
      expect(checkAnnotation({ '@context': collection['@context'], ...a })).toEqual([]);
  });

  it('splits into pages that each pass, with the first embedded and the rest linked', () => {
    const paged = { ...options, pageSize: 2 };
    const collection = toAnnotationCollection(snapshot, paged);
    expect(collection.first?.items).toHaveLength(2);
    expect(collection.first?.next).toBe(`${options.id}#page-2`);
    expect(collection.last).toBe(`${options.id}#page-3`);
    expect(checkCollection({ ...collection })).toEqual([]);
    const pages = toAnnotationPages(snapshot, paged);
    expect(pages.map((p) => [p.startIndex, p.items.length])).toEqual([
      [0, 2],
      [2, 2],
      [4, 1],
    ]);
    expect(pages[1]?.prev).toBe(`${options.id}#page-1`);
    for (const page of pages) expect(checkPage({ ...page })).toEqual([]);
  });

  it('exports an empty library as a valid empty collection', () => {
    const collection = toAnnotationCollection({ ...snapshot, annotations: [] }, options);
    expect(collection).toMatchObject({ total: 0 });
    expect(collection.first).toBeUndefined();
    expect(checkCollection({ ...collection })).toEqual([]);
  });

  it('names the document by content hash and selects the quote by text and position', () => {
    const a = byId('0b6c3f1e-8a2d-4c59-9f0e-2d4b8c6a1e37');
    const source = snapshot.annotations[0];
    expect(a?.id).toBe('urn:uuid:0b6c3f1e-8a2d-4c59-9f0e-2d4b8c6a1e37');
    expect(a?.target.source).toEqual({
      id: `urn:claimdesk:doc:${english.id}`,
      type: 'Text',
      format: 'text/plain',
      label: english.title,
      'dcterms:issued': '2025-02-27',
      'dcterms:creator': 'Jane Doe',
    });
    expect(a?.target.selector).toEqual([
      { type: 'TextQuoteSelector', ...source?.target.quote },
      {
        type: 'TextPositionSelector',
        start: source?.target.position.start,
        end: source?.target.position.end,
      },
    ]);
    expect(a?.creator).toEqual({ type: 'Person', name: 'Analyst One' });
    expect(a?.generator).toEqual({ ...options.generator, type: 'Software' });
    expect(a?.motivation).toBe('assessing');
  });

  it('carries label, verdict, rationale, claimant, notes and http(s) evidence as bodies', () => {
    expect(byId('0b6c3f1e-8a2d-4c59-9f0e-2d4b8c6a1e37')?.body).toEqual([
      { type: 'TextualBody', purpose: 'classifying', value: 'Statistic', format: 'text/plain' },
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: 'False',
        format: 'text/plain',
        [VERDICT_KEY]: 'false',
      },
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: snapshot.annotations[0]?.rationale,
        format: 'text/plain',
      },
      { type: 'TextualBody', purpose: 'identifying', value: 'Minister of Labour', format: 'text/plain' },
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: snapshot.annotations[0]?.notes,
        format: 'text/plain',
      },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: 'https://stats.example/labour?year=2024&q=(all)', label: 'Labour survey [2024]' },
        [STANCE_KEY]: 'refutes',
      },
    ]);
  });

  it('leaves absent fields out and marks right-to-left text', () => {
    const bare = byId('ann-2');
    expect(bare?.id).toBe('urn:claimdesk:annotation:ann-2');
    expect(bare?.creator).toBeUndefined();
    expect(bare?.motivation).toBe('classifying');
    expect(bare?.body).toEqual([
      { type: 'TextualBody', purpose: 'classifying', value: 'Quote', format: 'text/plain' },
    ]);
    const ar = byId('5f1d2a9c-3b7e-4f10-8c2a-9e6d4b1a7c05');
    expect(ar?.target.source.label).toBe(arabic.title);
    expect(ar?.body.find((b) => b.purpose === 'identifying')).toMatchObject({ textDirection: 'rtl' });
    expect(ar?.body.at(-1)).toMatchObject({
      source: { id: 'https://news.example.org/ar/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1' },
    });
  });

  it('exports only the listed annotations', () => {
    expect(
      toAnnotationCollection(snapshot, { ...options, annotationIds: ['ann-5'] }).first?.items,
    ).toHaveLength(1);
  });
});

describe('the suite catches broken output', () => {
  const good = (): W3cAnnotation & Record<string, unknown> => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    ...structuredClone(items()[0] as W3cAnnotation),
  });
  const failing = (json: unknown): string[] =>
    checkAnnotation(json).map((f) => f.assertion.split('/').at(-1) ?? '');

  it('accepts the unmodified annotation', () => expect(failing(good())).toEqual([]));

  it('rejects a wrong @context', () => {
    expect(failing({ ...good(), '@context': 'http://www.w3.org/ns/oa.jsonld' })).toContain(
      '3.1-annotationContextValidated.json',
    );
  });

  it('rejects a created time that is not xsd:dateTime', () => {
    expect(failing({ ...good(), created: '1 March 2025' })).toContain(
      '3.3.1-annotationCreatedValidated.json',
    );
  });

  it('rejects a negative text position', () => {
    const a = good();
    a.target.selector[1].start = -1;
    expect(failing(a)).toContain('4.2-TextDataPositionSelectorValid.json');
  });

  it('rejects a purpose on a plain web resource body', () => {
    expect(failing({ ...good(), body: [{ id: 'https://example.org/x', purpose: 'linking' }] })).toContain(
      '3.3.5-bodyEWRNoPurpose.json',
    );
  });

  it('rejects an id that is not a URI, and a collection with a negative total', () => {
    expect(failing({ ...good(), id: 'not a uri' })).toContain('3.1-annotationIdValidated.json');
    const collection = { ...toAnnotationCollection(snapshot, options), total: -1 };
    expect(checkCollection(collection).map((f) => f.assertion)).toContain(
      'collections/5.1-collectionTotalValidated.json',
    );
  });
});

describe('any library the model allows exports valid W3C JSON', () => {
  it('passes every MUST assertion', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, fc.integer({ min: 1, max: 4 }), (library, pageSize) => {
        expect(checkCollection({ ...toAnnotationCollection(library, options) })).toEqual([]);
        for (const page of toAnnotationPages(library, { ...options, pageSize }))
          expect(checkPage({ ...page })).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
