// fast-check generators for the exporter property tests: whole libraries whose text is full of
// Markdown, CSV and HTML syntax, Arabic and English, and every optional field present or absent.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  PRIORITIES,
  STATUSES,
  VERDICTS,
  type AnnotationRecord,
  type LibrarySnapshot,
} from '../../../src-shared/model';
import { makeDocument } from './fixture-snapshot';

const TOKENS = [
  '*',
  '**',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '#',
  '-',
  '+',
  '=',
  '@',
  '1.',
  '2)',
  '|',
  '`',
  '!',
  '&amp;',
  '\\',
  '~',
  '$',
  '"',
  ',',
  '\t',
  '\n',
  '\r\n',
  ' ',
  '  ',
  'http://x.example/a',
  '[x](javascript:alert(1))',
  '<script>',
  'word',
  'كلمة',
  'البطالة',
  '٣٪',
  'Émile',
];

/** Text made of syntax tokens and words, plus any Unicode. */
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'grapheme', maxLength: 6 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), hostileText);

const annotationSeed = fc.record({
  doc: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  label: fc.nat(),
  verdict: fc.constantFrom(null, ...VERDICTS),
  status: fc.constantFrom(...STATUSES),
  priority: fc.constantFrom(...PRIORITIES),
  rationale: hostileText,
  notes: hostileText,
  author: hostileText,
  claimant: fc.option(fc.nat(), { nil: null }),
  evidence: fc.array(
    fc.record({
      url,
      title: hostileText,
      stance: fc.constantFrom('supports', 'refutes', 'context' as const),
      note: hostileText,
      accessed: fc.option(fc.constant('2025-01-31'), { nil: null }),
      source: fc.option(fc.nat(), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  orphaned: fc.boolean(),
  reviewUrl: fc.option(url, { nil: undefined }),
  created: isoDate,
  modified: isoDate,
});

export const arbitrarySnapshot: fc.Arbitrary<LibrarySnapshot> = fc
  .record({
    docs: fc.array(
      fc.record({
        title: hostileText,
        caption: fc.option(hostileText, { nil: null }),
        paragraphs: fc.array(hostileText, { minLength: 1, maxLength: 4 }),
        author: fc.option(hostileText, { nil: null }),
        published: fc.option(isoDate, { nil: null }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    labels: fc.array(hostileText, { minLength: 1, maxLength: 3 }),
    sources: fc.array(
      fc.record({
        name: hostileText,
        kind: fc.constantFrom('person', 'organisation', 'outlet', 'document' as const),
        url: fc.option(url, { nil: null }),
      }),
      { maxLength: 3 },
    ),
    annotations: fc.array(annotationSeed, { maxLength: 6 }),
    organisationName: hostileText,
    organisationUrl: url,
  })
  .map((seed): LibrarySnapshot => {
    const documents = seed.docs.map((d, i) => {
      const blocks = d.paragraphs.map((text) => ({ kind: 'paragraph' as const, text }));
      const doc = makeDocument(`file-${i}.txt`, d.title, d.caption, blocks, {
        author: d.author,
        published: d.published,
      });
      return { ...doc, id: createHash('sha256').update(`${i}:${doc.text}`).digest('hex') };
    });
    const labels = seed.labels.map((name, i) => ({ id: `label-${i}`, name, color: '#abcdef', order: i }));
    const sources = seed.sources.map((s, i) => ({
      ...s,
      id: `source-${i}`,
      aliases: [],
      reliabilityNote: '',
    }));
    const pick = <T>(list: T[], n: number): T => list[n % list.length] as T;
    const annotations = seed.annotations.map((a, i): AnnotationRecord => {
      const doc = pick(documents, a.doc);
      const start = a.a % (doc.text.length + 1);
      const end = start + (a.b % (doc.text.length - start + 1));
      return {
        id: `annotation-${i}`,
        documentId: doc.id,
        target: {
          quote: {
            type: 'TextQuoteSelector',
            exact: doc.text.slice(start, end),
            prefix: doc.text.slice(Math.max(0, start - 32), start),
            suffix: doc.text.slice(end, end + 32),
          },
          position: { type: 'TextPositionSelector', start, end },
        },
        labelId: pick(labels, a.label).id,
        verdict: a.verdict,
        rationale: a.rationale,
        status: a.status,
        priority: a.priority,
        notes: a.notes,
        claimantId: a.claimant === null || sources.length === 0 ? null : pick(sources, a.claimant).id,
        evidence: a.evidence.map((e, k) => ({
          id: `evidence-${i}-${k}`,
          url: e.url,
          title: e.title,
          stance: e.stance,
          note: e.note,
          accessed: e.accessed,
          sourceId: e.source === null || sources.length === 0 ? null : pick(sources, e.source).id,
        })),
        ...(a.reviewUrl === undefined ? {} : { reviewUrl: a.reviewUrl }),
        author: a.author,
        created: a.created,
        modified: a.modified,
        orphaned: a.orphaned,
      };
    });
    return {
      documents,
      annotations,
      labels,
      sources,
      settings: {
        analystName: 'Analyst',
        organisationName: seed.organisationName,
        organisationUrl: seed.organisationUrl,
      },
    };
  });
