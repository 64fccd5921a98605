// Benchmark: "Checked before" — matching one claim against 10,000 claims through the ClaimIndex
// (BM25 candidates, then both-way comparison of the best 200), beside a linear scan that
// compares the claim with every one of the 10,000, their terms prepared in advance. Also the
// index's build, beside preparing the scan's terms, and claims added to the full index.
// One claim in ten is Arabic; the query's paraphrase is among the 10,000.
import { ClaimIndex, SAME_CLAIM_THRESHOLD } from '../../src-shared/similar/claim-match';
import { pick, seededRandom, vocabulary, wordsOf } from './anchoring.bench';
import { medianMs, pairedMedianMs, type BenchLine, type Benchmark } from './harness';

const CLAIMS = 10_000;
const ARABIC = [
  'الحكومة',
  'أسعار',
  'ارتفعت',
  'الوقود',
  'المدينة',
  'بالمئة',
  'البطالة',
  'الانتخابات',
  'مستشفى',
  'اللاجئين',
];
const QUERY = 'Since the mayor came into office, crime in the city has gone up twofold.';
const PARAPHRASE = 'Crime in the city has doubled since the mayor took office.';

function claims(): string[] {
  const rand = seededRandom(11);
  const vocab = vocabulary(rand, 20_000);
  const list = Array.from({ length: CLAIMS }, (_, i) =>
    i % 10 === 9
      ? Array.from({ length: 8 + Math.floor(rand() * 10) }, () => pick(rand, ARABIC)).join(' ')
      : `${wordsOf(rand, vocab, 10 + Math.floor(rand() * 16)).join(' ')}${rand() < 0.3 ? ` ${Math.floor(rand() * 1000)}%` : ''}.`,
  );
  list[4321] = PARAPHRASE;
  return list;
}

export const run: Benchmark = async () => {
  const texts = claims();
  const build = (): ClaimIndex => {
    const index = new ClaimIndex();
    texts.forEach((t, i) => index.add(`c${i}`, t, `doc${i % 2000}`));
    return index;
  };
  const index = build();
  const prepared = texts.map((t) => index.prepare(t));
  const scan = (): string[] => {
    const query = index.prepare(QUERY);
    const found: string[] = [];
    prepared.forEach((p, i) => {
      if (index.compareTo(query, p) >= SAME_CLAIM_THRESHOLD) found.push(`c${i}`);
    });
    return found;
  };
  const indexed = index.match(QUERY).map((m) => m.id);
  const scanned = scan();
  if (!indexed.includes('c4321') || !scanned.includes('c4321'))
    throw new Error(`the paraphrase was not found (index: ${indexed.join()}, scan: ${scanned.join()})`);

  const match = await pairedMedianMs(() => index.match(QUERY), scan, 9);
  const building = await pairedMedianMs(build, () => texts.map((t) => index.prepare(t)), 3);
  let n = 0;
  const addHundred = await medianMs(() => {
    for (let i = 0; i < 100; i++) index.add(`new${n++}`, texts[n % CLAIMS] as string, 'doc-new');
  }, 9);
  return [
    {
      name: `match one claim against ${CLAIMS.toLocaleString('en')} (index)`,
      value: match.value,
      unit: 'ms',
      baselineName: 'linear scan comparing with each, terms prepared',
      baseline: match.baseline,
    },
    {
      name: `build the index of ${CLAIMS.toLocaleString('en')} claims`,
      value: building.value,
      unit: 'ms',
      baselineName: 'prepare the linear scan’s terms',
      baseline: building.baseline,
    },
    {
      name: `add 100 claims to the index of ${CLAIMS.toLocaleString('en')}`,
      value: addHundred,
      unit: 'ms',
      baselineName: 'match one claim (index)',
      baseline: match.value,
    },
  ] satisfies BenchLine[];
};
