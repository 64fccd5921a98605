import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AnnotationRecord, LibrarySnapshot } from '../../../src-shared/model';
import { typedLinkHref } from '../../../src-shared/export/urls';
import { toAnnotationCollection, toAnnotationPages } from '../../../src-shared/export/w3c-export';
import { parseW3cAnnotations, type ImportedAnnotation } from '../../../src-shared/export/w3c-import';
import { arbitrarySnapshot } from './arbitraries';
import { snapshot } from './fixture-snapshot';
import { errorOf, valueOf } from './results';
import { examples } from './w3c-suite';

const options = {
  id: 'https://factdesk.example.org/annotations',
  generator: { id: 'https://claimdesk.example/', name: 'ClaimDesk' },
};

const imported = (json: unknown): ImportedAnnotation[] => valueOf(parseW3cAnnotations(json));
const refusal = (json: unknown): string => errorOf(parseW3cAnnotations(json));

/** What an export of `a` should read back as: every field, bar evidence that is not http(s). */
function expected(a: AnnotationRecord, library: LibrarySnapshot = snapshot): ImportedAnnotation {
  const doc = library.documents.find((d) => d.id === a.documentId);
  const claimant = library.sources.find((s) => s.id === a.claimantId);
  return {
    source: `urn:claimdesk:doc:${a.documentId}`,
    sourceTitle: doc?.title || null,
    target: a.target,
    labelName: library.labels.find((l) => l.id === a.labelId)?.name ?? null,
    verdict: a.verdict,
    rationale: a.rationale,
    notes: a.notes,
    evidence: a.evidence.flatMap((e) => {
      const url = typedLinkHref(e.url);
      return url ? [{ url, title: e.title, stance: e.stance }] : [];
    }),
    claimantName: claimant?.name || null,
    created: a.created,
    modified: a.modified,
    author: a.author || null,
    externalId: /^[0-9a-f-]{36}$/.test(a.id) ? `urn:uuid:${a.id}` : `urn:claimdesk:annotation:${a.id}`,
  };
}

describe('parseW3cAnnotations', () => {
  const ordered = [0, 1, 2, 3, 4].map((i) => snapshot.annotations[i] as AnnotationRecord);

  it('reads back every field of an exported collection', () => {
    const collection = JSON.parse(JSON.stringify(toAnnotationCollection(snapshot, options))) as unknown;
    expect(imported(collection)).toEqual(ordered.map((a) => expected(a)));
  });

  it('reads back any exported library', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (library) => {
        const json = JSON.parse(JSON.stringify(toAnnotationCollection(library, options))) as unknown;
        const ids = imported(json).map((a) => a.externalId);
        const byId = new Map(library.annotations.map((a) => [`urn:claimdesk:annotation:${a.id}`, a]));
        expect(imported(json)).toEqual(
          ids.map((id) => expected(byId.get(id ?? '') as AnnotationRecord, library)),
        );
        expect(ids).toHaveLength(library.annotations.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reads standalone pages, a single annotation and an array of annotations', () => {
    const pages = toAnnotationPages(snapshot, { ...options, pageSize: 2 });
    expect(imported(pages)).toEqual(ordered.map((a) => expected(a)));
    expect(imported(pages[1])).toEqual(ordered.slice(2, 4).map((a) => expected(a)));
    const items = toAnnotationCollection(snapshot, options).first?.items ?? [];
    expect(imported(items[3])).toEqual([expected(ordered[3] as AnnotationRecord)]);
    expect(imported(items)).toHaveLength(5);
  });

  it('reads the W3C model examples', () => {
    const [comment, highlight, selectors] = [
      'comment-and-tag.json',
      'highlight-textquote.json',
      'specific-resource-quote-and-position.json',
    ].map((name) => imported(examples('valid').find(([f]) => f === name)?.[1])[0]);
    expect(comment).toMatchObject({
      source: 'http://example.com/page1',
      target: {},
      labelName: 'love',
      notes: 'I like this page!',
      author: 'A. Person',
      created: '2015-10-13T13:00:00Z',
      externalId: 'http://example.org/anno-comment-tag-1',
    });
    expect(highlight?.target).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'anotation',
        prefix: 'this is an ',
        suffix: ' that has some',
      },
    });
    expect(selectors?.target.position).toEqual({ type: 'TextPositionSelector', start: 412, end: 421 });
    expect(selectors?.notes).toBe("Typo: should be 'annotation'.");
  });

  it('reads a Hypothesis export', () => {
    const hypothesis = {
      export_date: '2025-03-03T10:00:00.000Z',
      annotations: [
        {
          id: 'AbC123xyz',
          created: '2025-03-02T09:00:00.000000+00:00',
          updated: '2025-03-02T09:05:00.000000+00:00',
          user: 'acct:alice@hypothes.is',
          uri: 'https://news.example.org/story',
          text: 'Needs a source.',
          tags: ['Claim', 'false'],
          group: '__world__',
          permissions: { read: ['group:__world__'] },
          target: [
            {
              source: 'https://news.example.org/story',
              selector: [
                {
                  type: 'RangeSelector',
                  startContainer: '/p[1]',
                  startOffset: 0,
                  endContainer: '/p[1]',
                  endOffset: 9,
                },
                { type: 'TextPositionSelector', start: 120, end: 129 },
                { type: 'TextQuoteSelector', exact: 'the claim', prefix: 'This is ', suffix: ' here' },
              ],
            },
          ],
          document: { title: ['A story'] },
          links: { html: 'https://hypothes.is/a/AbC123xyz' },
        },
        {
          id: 'page-note',
          user: 'acct:bob@hypothes.is',
          user_info: { display_name: 'Bob B.' },
          uri: 'https://news.example.org/story',
          text: '',
          tags: [],
          target: [{ source: 'https://news.example.org/story' }],
        },
      ],
    };
    expect(imported(hypothesis)).toEqual([
      {
        source: 'https://news.example.org/story',
        sourceTitle: 'A story',
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'the claim', prefix: 'This is ', suffix: ' here' },
          position: { type: 'TextPositionSelector', start: 120, end: 129 },
        },
        labelName: 'Claim',
        verdict: 'false',
        rationale: '',
        notes: 'Needs a source.',
        evidence: [],
        claimantName: null,
        created: '2025-03-02T09:00:00.000000+00:00',
        modified: '2025-03-02T09:05:00.000000+00:00',
        author: 'alice',
        externalId: 'AbC123xyz',
      },
      expect.objectContaining({ target: {}, author: 'Bob B.', labelName: null, notes: '' }),
    ]);
    expect(imported({ total: 1, rows: hypothesis.annotations.slice(0, 1) })).toHaveLength(1);
  });

  it('ignores fields it does not know and selectors it cannot use', () => {
    const [a] = imported({
      ...(JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as object),
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x:1',
      type: 'Annotation',
      motivation: 'commenting',
      stylesheet: { type: 'CssStylesheet', value: '.x{}' },
      body: [{ type: 'TextualBody', value: 'Hi' }, 42, { type: 'Image', id: 'ftp://x.example/a.png' }],
      target: {
        source: { id: 'urn:claimdesk:doc:abc', label: ['Title'] },
        selector: [
          { type: 'TextPositionSelector', start: 9, end: 3 },
          { type: 'TextPositionSelector', start: -1, end: 3 },
          { type: 'TextQuoteSelector', exact: 7 },
        ],
      },
    });
    expect(a).toEqual({
      source: 'urn:claimdesk:doc:abc',
      sourceTitle: 'Title',
      target: {},
      labelName: null,
      verdict: null,
      rationale: '',
      notes: 'Hi',
      evidence: [],
      claimantName: null,
      created: null,
      modified: null,
      author: null,
      externalId: 'urn:x:1',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('explains what is wrong with malformed input', () => {
    expect(refusal('text')).toMatch(/^The file is not a W3C Annotation/);
    expect(refusal({ hello: 'world' })).toMatch(/^The file is not a W3C Annotation/);
    expect(refusal([{ type: 'Annotation', id: 'urn:a' }])).toBe('Annotation 1 (urn:a) has no target');
    expect(refusal({ type: 'Annotation', target: { selector: [] } })).toBe(
      'Annotation 1: the target does not name its source document',
    );
    expect(refusal({ type: 'AnnotationCollection', total: 3, first: 'https://x.example/page1' })).toMatch(
      /links to its pages/,
    );
    expect(refusal({ type: 'AnnotationPage', items: ['https://x.example/anno1'] })).toMatch(/is a link/);
    expect(refusal({ type: 'AnnotationPage' })).toMatch(/no items/);
    let deep: unknown = [];
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(refusal(deep)).toMatch(/too deeply/);
  });

  it('reads an empty collection as no annotations', () => {
    expect(imported(toAnnotationCollection({ ...snapshot, annotations: [] }, options))).toEqual([]);
  });
});
