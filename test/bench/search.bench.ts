// Benchmark: indexing 100,000 annotations and querying them (several kinds of query, median of
// many runs) beside a linear scan with `includes` over the same folded text. One in ten
// annotations is in Arabic, written with the spelling variants the search folds together.
import type { AnnotationRecord, EvidenceItem, SourceRecord } from '../../src-shared/model';
import { PRIORITIES, STATUSES, VERDICTS } from '../../src-shared/model';
import { DEFAULT_LABELS } from '../../src-shared/labels';
import { AnnotationIndex } from '../../src-shared/search/annotation-index';
import { searchTokens } from '../../src-shared/search/fold';
import { parseQuery, type ParsedQuery } from '../../src-shared/search/query';
import { pick, seededRandom, vocabulary, wordsOf } from './anchoring.bench';
import { annotationRecord, quoteAt } from '../unit/anchoring/annotation-record';
import { medianMs, type BenchLine, type Benchmark } from './harness';

const ANNOTATIONS = 100_000;
const DOCUMENTS = 2_000;

const ARABIC_WORDS = [
  'الاقتصاد',
  'أسعار',
  'إنتاج',
  'آخر',
  'الصادرات',
  'المائة',
  'الحكومة',
  'مصطفى',
  'النفطية',
  'الشحن',
];

interface Corpus {
  annotations: AnnotationRecord[];
  titles: Map<string, string>;
  sources: Map<string, SourceRecord>;
}

function corpus(): Corpus {
  const rand = seededRandom(7);
  const vocab = vocabulary(rand, 20_000);
  const text = (min: number, max: number): string =>
    wordsOf(rand, vocab, min + Math.floor(rand() * (max - min + 1))).join(' ');
  const arabic = (n: number): string => Array.from({ length: n }, () => pick(rand, ARABIC_WORDS)).join(' ');

  const sources = new Map<string, SourceRecord>();
  for (let i = 0; i < 2_000; i++)
    sources.set(`s${i}`, {
      id: `s${i}`,
      name: text(2, 3),
      kind: 'person',
      aliases: rand() < 0.5 ? [text(1, 2)] : [],
      url: null,
      reliabilityNote: '',
    });
  sources.set('s0', { ...(sources.get('s0') as SourceRecord), name: 'Dmitry Peskov', aliases: ['Peskov'] });
  const titles = new Map(Array.from({ length: DOCUMENTS }, (_, i) => [`d${i}`, text(5, 10)]));

  const evidence = (i: number): EvidenceItem => ({
    id: `e${i}`,
    url: 'https://example.org',
    title: text(3, 8),
    stance: 'supports',
    note: rand() < 0.5 ? text(0, 10) : '',
    accessed: null,
    sourceId: rand() < 0.3 ? `s${Math.floor(rand() * sources.size)}` : null,
  });
  const annotations = Array.from({ length: ANNOTATIONS }, (_, i): AnnotationRecord =>
    annotationRecord(
      `a${i}`,
      `d${Math.floor(rand() * DOCUMENTS)}`,
      quoteAt(i % 10 === 9 ? arabic(6) : text(5, 25), i),
      {
        labelId: pick(rand, DEFAULT_LABELS).id,
        verdict: rand() < 0.3 ? null : pick(rand, VERDICTS),
        rationale: rand() < 0.3 ? text(3, 15) : '',
        status: pick(rand, STATUSES),
        priority: pick(rand, PRIORITIES),
        notes: rand() < 0.5 ? text(1, 20) : '',
        claimantId: rand() < 0.6 ? `s${Math.floor(rand() * sources.size)}` : null,
        evidence: Array.from({ length: Math.floor(rand() * 3) }, (_, e) => evidence(e)),
      },
    ),
  );
  return { annotations, titles, sources };
}

/** The naive alternative: every annotation's folded text, scanned with `includes` for each query. */
interface Haystack {
  text: string;
  label: string;
  verdict: string;
  status: string;
  priority: string;
  sources: string;
}

const folded = (text: string): string => searchTokens(text).join(' ');

function haystacks({ annotations, titles, sources }: Corpus): Haystack[] {
  const namesOf = (id: string | null): string[] => {
    const s = id === null ? undefined : sources.get(id);
    return s ? [s.name, ...s.aliases] : [];
  };
  return annotations.map((a) => {
    const names = [a.claimantId, ...a.evidence.map((e) => e.sourceId)].flatMap(namesOf).map(folded);
    const fields = [
      a.target.quote.exact,
      a.notes,
      a.rationale,
      ...a.evidence.flatMap((e) => [e.title, e.note]),
    ];
    return {
      text: ` ${[...fields.map(folded), ...names, folded(titles.get(a.documentId) ?? '')].join(' | ')} `,
      label: folded(DEFAULT_LABELS.find((l) => l.id === a.labelId)?.name ?? ''),
      verdict: folded(a.verdict ?? ''),
      status: folded(a.status),
      priority: folded(a.priority),
      sources: ` ${names.join(' | ')} `,
    };
  });
}

function scan(stacks: readonly Haystack[], q: ParsedQuery): number[] {
  const found: number[] = [];
  stacks.forEach((h, i) => {
    const ok =
      q.words.every((w) => h.text.includes(` ${w} `)) &&
      (q.prefix === null || h.text.includes(` ${q.prefix}`)) &&
      q.phrases.every((p) => h.text.includes(` ${p.join(' ')} `)) &&
      q.filters.every((f) =>
        f.field === 'source'
          ? h.sources.includes(` ${f.words.join(' ')} `)
          : h[f.field] === f.words.join(' '),
      );
    if (ok) found.push(i);
  });
  return found;
}

export const run: Benchmark = async () => {
  const data = corpus();
  const resolvers = {
    labelName: (id: string) => DEFAULT_LABELS.find((l) => l.id === id)?.name ?? '',
    sourceNames: (id: string) => {
      const s = data.sources.get(id);
      return s ? [s.name, ...s.aliases] : [];
    },
  };
  let index = new AnnotationIndex(resolvers);
  const build = await medianMs(() => {
    index = new AnnotationIndex(resolvers);
    for (const a of data.annotations) index.add(a, data.titles.get(a.documentId) ?? '');
  }, 3);
  let stacks: Haystack[] = [];
  const naiveBuild = await medianMs(() => (stacks = haystacks(data)), 3);

  // Words of one real quote, so every query finds something.
  const quoteWords = searchTokens(data.annotations[123]?.target.quote.exact ?? '');
  const [w1 = '', w2 = '', w3 = ''] = quoteWords;
  const queries: [string, string][] = [
    ['one word', w3],
    ['two words', `${w1} ${w3}`],
    ['prefix of a word', w2.slice(0, 3)],
    ['phrase', `"${w1} ${w2}"`],
    ['filter and word', `verdict:false status:checked ${w3}`],
    ['source alias', 'source:Peskov'],
    ['Arabic variant spelling', 'اسعار اخر'],
  ];
  const lines: BenchLine[] = [
    {
      name: `index ${ANNOTATIONS.toLocaleString('en')} annotations`,
      value: build,
      unit: 'ms',
      baselineName: 'fold their text for a scan',
      baseline: naiveBuild,
    },
  ];
  for (const [kind, query] of queries) {
    const parsed = parseQuery(query);
    lines.push({
      name: `search: ${kind} (${index.search(query).length} hits, top 200)`,
      value: await medianMs(() => index.search(query, 200), 21),
      unit: 'ms',
      baselineName: 'linear scan with includes',
      baseline: await medianMs(() => scan(stacks, parsed), 5),
    });
  }
  return lines;
};
