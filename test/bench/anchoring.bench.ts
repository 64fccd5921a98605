// Benchmark: re-anchoring 10,000 annotations in a ~200,000-word article after insertions,
// deletions, typo fixes and moved paragraphs, beside finding each quote with indexOf.
// The synthetic text and its random generator are exported for the search benchmark.
import { reanchorAll } from '../../src-shared/anchoring/anchor';
import { describeRange } from '../../src-shared/anchoring/selectors';
import type { AnnotationRecord } from '../../src-shared/model';
import { annotationRecord } from '../unit/anchoring/annotation-record';
import { medianMs, type Benchmark } from './harness';

/** mulberry32: a small seeded generator, so every run benchmarks the same text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;

const between = (rand: () => number, min: number, max: number): number =>
  min + Math.floor(rand() * (max - min + 1));

const ONSETS = ['', 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w'];
const CLUSTERS = ['br', 'ch', 'cl', 'dr', 'gr', 'pl', 'pr', 'sh', 'st', 'th', 'tr', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const CODAS = ['', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck'];

/** Distinct pseudo-words of one to three syllables. */
export function vocabulary(rand: () => number, size: number): string[] {
  const onsets = [...ONSETS, ...CLUSTERS];
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    for (let n = between(rand, 1, 3); n > 0; n--)
      w += pick(rand, onsets) + pick(rand, VOWELS) + pick(rand, CODAS);
    words.add(w);
  }
  // The most used words are the shortest, as in natural languages.
  return [...words].sort((a, b) => a.length - b.length);
}

/** Words drawn with Zipf-like frequencies (the i-th word about 1/i as often as the first), as in prose. */
export function wordsOf(rand: () => number, vocab: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () => vocab[Math.floor(vocab.length ** rand()) - 1] as string);
}

interface Article {
  text: string;
  /** Start offset of every word. */
  wordStarts: number[];
}

function article(rand: () => number, vocab: readonly string[], words: number): Article {
  const paragraphs: string[] = [];
  const wordStarts: number[] = [];
  let at = 0;
  for (let left = words; left > 0;) {
    const n = Math.min(left, between(rand, 40, 140));
    const ws = wordsOf(rand, vocab, n);
    for (const w of ws) {
      wordStarts.push(at);
      at += w.length + 1;
    }
    at += 1; // the paragraph's last space became the first newline of the separator
    paragraphs.push(ws.join(' '));
    left -= n;
  }
  return { text: paragraphs.join('\n\n'), wordStarts };
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Insertions, deleted passages and typo fixes inside quotes, then paragraphs moved. */
function edit(
  rand: () => number,
  vocab: readonly string[],
  doc: Article,
  annotations: AnnotationRecord[],
): string {
  const { text, wordStarts } = doc;
  const edits: Edit[] = [];
  for (let i = 0; i < 400; i++)
    edits.push({
      at: pick(rand, wordStarts),
      remove: 0,
      insert: wordsOf(rand, vocab, between(rand, 1, 8)).join(' ') + ' ',
    });
  for (let i = 0; i < 30; i++) {
    const w = Math.floor(rand() * (wordStarts.length - 400));
    edits.push({
      at: wordStarts[w]!,
      remove: wordStarts[w + between(rand, 50, 300)]! - wordStarts[w]!,
      insert: '',
    });
  }
  for (let i = 0; i < 400; i++) {
    const { start, end } = pick(rand, annotations).target.position;
    const at = between(rand, start, end - 1);
    edits.push({ at, remove: 1, insert: text[at] === 'e' ? 'a' : 'e' });
  }
  // Apply from the end so offsets stay valid; skip edits overlapping one already applied.
  edits.sort((a, b) => b.at - a.at);
  let result = text;
  let floor = Number.POSITIVE_INFINITY;
  for (const e of edits) {
    if (e.at + e.remove > floor) continue;
    result = result.slice(0, e.at) + e.insert + result.slice(e.at + e.remove);
    floor = e.at;
  }
  const paragraphs = result.split('\n\n');
  for (let i = 0; i < 20; i++) {
    const [moved] = paragraphs.splice(Math.floor(rand() * paragraphs.length), 1);
    paragraphs.splice(Math.floor(rand() * paragraphs.length), 0, moved as string);
  }
  return paragraphs.join('\n\n');
}

/** The article, its annotations, and the edited article they must be re-anchored in. */
export function anchoringWorkload(): { text: string; annotations: AnnotationRecord[]; edited: string } {
  const rand = seededRandom(20250101);
  const vocab = vocabulary(rand, 20_000);
  const doc = article(rand, vocab, 200_000);
  const annotations = Array.from({ length: 10_000 }, (_, i) => {
    const w = Math.floor(rand() * (doc.wordStarts.length - 20));
    const end = doc.wordStarts[w + between(rand, 3, 15)]! - 1;
    return annotationRecord(`a${i}`, 'doc', describeRange(doc.text, doc.wordStarts[w]!, end));
  });
  return { text: doc.text, annotations, edited: edit(rand, vocab, doc, annotations) };
}

export const run: Benchmark = async () => {
  const { annotations, edited } = anchoringWorkload();
  const reanchor = await medianMs(() => reanchorAll(edited, annotations), 3);
  const indexOf = await medianMs(() => annotations.map((a) => edited.indexOf(a.target.quote.exact)), 3);
  return [
    {
      name: 're-anchor 10,000 annotations after edits (200k words)',
      value: reanchor,
      unit: 'ms',
      baselineName: 'indexOf of each quote',
      baseline: indexOf,
    },
  ];
};
