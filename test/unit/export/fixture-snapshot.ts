// A small realistic library for the exporter tests: an English and an Arabic article, every
// optional annotation field both present and absent, and text full of Markdown/CSV syntax.
import { emptyClaim } from '../../../src-shared/claim-defaults';
import { createHash } from 'node:crypto';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import { canonicalText, detectDirection } from '../../../src-shared/canonical';
import { articleDocBlocks } from '../../../src-shared/canonical';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import type {
  AnnotationRecord,
  DocumentRecord,
  LibrarySnapshot,
  ParsedBlock,
  SourceRecord,
} from '../../../src-shared/model';

export function makeDocument(
  sourceFile: string,
  title: string,
  caption: string | null,
  blocks: ParsedBlock[],
  extra: Partial<DocumentRecord> = {},
): DocumentRecord {
  const docBlocks = articleDocBlocks({ title, caption, blocks });
  const text = canonicalText(docBlocks);
  return {
    id: createHash('sha256').update(text).digest('hex'),
    sourceFile,
    articleIndex: 0,
    title,
    caption,
    credit: null,
    author: null,
    published: null,
    direction: detectDirection(text),
    format: 'text',
    encoding: 'utf-8',
    blocks: docBlocks,
    text,
    importedAt: '2025-03-01T09:00:00.000Z',
    ...extra,
  };
}

export const english = makeDocument(
  'minister-speech.md',
  'Minister says unemployment *fell* to 3% [official]',
  'Photo: the minister at the podium | Reuters',
  [
    {
      kind: 'paragraph',
      text: 'The minister said unemployment fell to 3% last year, the lowest since 1990.',
    },
    { kind: 'heading', text: '1. What the figures show', level: 2 },
    {
      kind: 'paragraph',
      text: 'Readers typed =HYPERLINK("http://evil.example") into a sheet; see [this](javascript:alert(1)) and <script>alert(1)</script> # not a heading.',
    },
    { kind: 'quote', text: '"We have created 200,000 jobs," she told parliament.' },
    { kind: 'list-item', text: '- Growth was 2.5% in Q4' },
  ],
  {
    author: 'Jane Doe',
    published: '2025-02-27',
    credit: 'Staff reporter',
    format: 'markdown',
  },
);

export const arabic = makeDocument(
  'https://news.example.org/ar/economy/1234',
  'الوزير: البطالة انخفضت إلى ٣٪',
  null,
  [
    {
      kind: 'paragraph',
      text: 'قال الوزير إن معدل البطالة انخفض إلى ٣٪ في العام الماضي، وهو الأدنى منذ عام ١٩٩٠.',
    },
    { kind: 'paragraph', text: 'وأضاف أن الحكومة وفرت مئتي ألف وظيفة جديدة.' },
  ],
  { published: '2025-02-28T08:30:00Z', format: 'html' },
);

export const empty = makeDocument('notes.txt', 'Untitled notes', null, [
  { kind: 'paragraph', text: 'Nothing annotated here.' },
]);

export const sources: SourceRecord[] = [
  {
    id: 'src-minister',
    name: 'Minister of Labour',
    kind: 'person',
    aliases: ['The minister'],
    url: 'https://gov.example/minister',
    reliabilityNote: '',
  },
  {
    id: 'src-stats',
    name: 'National Statistics Office',
    kind: 'organisation',
    aliases: [],
    url: null,
    reliabilityNote: 'Primary data',
  },
  {
    id: 'src-ar',
    name: 'وكالة الأنباء الرسمية',
    kind: 'outlet',
    aliases: [],
    url: null,
    reliabilityNote: '',
  },
];

function range(doc: DocumentRecord, exact: string): AnnotationRecord['target'] {
  const start = doc.text.indexOf(exact);
  if (start < 0) throw new Error(`fixture: "${exact}" not in ${doc.sourceFile}`);
  return describeRange(doc.text, start, start + exact.length);
}

const base = (): Omit<AnnotationRecord, 'id' | 'documentId' | 'target' | 'labelId'> => ({
  ...emptyClaim(),
  author: '',
  created: '2025-03-01T10:00:00.000Z',
  modified: '2025-03-01T10:00:00.000Z',
});

export const annotations: AnnotationRecord[] = [
  {
    ...base(),
    id: '0b6c3f1e-8a2d-4c59-9f0e-2d4b8c6a1e37',
    documentId: english.id,
    target: range(english, 'unemployment fell to 3% last year'),
    labelId: 'statistic',
    verdict: 'false',
    rationale: 'The statistics office puts it at 4.1%.\n\n- It has not been 3% since 2001.',
    status: 'published',
    priority: 'high',
    notes: '=1+1 check with the desk, "urgent"',
    claimantId: 'src-minister',
    evidence: [
      {
        id: 'ev-1',
        url: 'https://stats.example/labour?year=2024&q=(all)',
        title: 'Labour survey [2024]',
        stance: 'refutes',
        note: 'Table 3',
        accessed: '2025-03-01',
        sourceId: 'src-stats',
      },
      {
        id: 'ev-2',
        url: 'javascript:alert(1)',
        title: '',
        stance: 'context',
        note: '',
        accessed: null,
        sourceId: null,
      },
    ],
    author: 'Analyst One',
    modified: '2025-03-02T11:30:00.000Z',
  },
  {
    ...base(),
    id: 'ann-2',
    documentId: english.id,
    target: range(english, '=HYPERLINK("http://evil.example")'),
    labelId: 'quote',
  },
  {
    ...base(),
    id: 'ann-3',
    documentId: english.id,
    target: range(english, 'We have created 200,000 jobs,'),
    labelId: 'claim',
    verdict: 'misleading',
    status: 'checked',
    claimantId: 'src-minister',
    author: 'Analyst One',
    evidence: [
      {
        id: 'ev-3',
        url: 'https://stats.example/jobs',
        title: '',
        stance: 'supports',
        note: '',
        accessed: null,
        sourceId: null,
      },
    ],
  },
  {
    ...base(),
    id: '5f1d2a9c-3b7e-4f10-8c2a-9e6d4b1a7c05',
    documentId: arabic.id,
    target: range(arabic, 'معدل البطالة انخفض إلى ٣٪'),
    labelId: 'statistic',
    verdict: 'mostly-true',
    rationale: 'الرقم الرسمي ٣٫٢٪.',
    status: 'checked',
    notes: 'راجع المصدر',
    claimantId: 'src-ar',
    evidence: [
      {
        id: 'ev-4',
        url: 'https://news.example.org/ar/تقرير',
        title: 'تقرير العمل',
        stance: 'supports',
        note: '',
        accessed: null,
        sourceId: 'src-ar',
      },
    ],
    author: 'محلل',
  },
  {
    ...base(),
    id: 'ann-5',
    documentId: arabic.id,
    target: range(arabic, 'انخفض إلى ٣٪ في العام الماضي'),
    labelId: 'claim',
    verdict: 'unverifiable',
    status: 'published',
    priority: 'low',
  },
];

export const snapshot: LibrarySnapshot = {
  documents: [english, arabic, empty],
  annotations,
  labels: [...DEFAULT_LABELS],
  sources,
  settings: {
    analystName: 'Analyst One',
    organisationName: 'Fact Desk',
    organisationUrl: 'https://factdesk.example.org/checks',
  },
};

/** A deep copy to mutate in a test without touching the shared fixture. */
export function cloneSnapshot(): LibrarySnapshot {
  return structuredClone(snapshot);
}
