// Benchmark: exporting a library of 1,000 documents and 10,000 annotations as CSV, W3C JSON-LD,
// ClaimReview, a Markdown report and a backup (and reading W3C and backup files back), each
// beside JSON.stringify / JSON.parse of the same data measured in the same run.
import { describeRange } from '../../src-shared/anchoring/selectors';
import { canonicalText } from '../../src-shared/canonical';
import { articleDocBlocks } from '../../src-shared/canonical';
import { parseBackup, serialiseBackup } from '../../src-shared/export/backup';
import { toClaimReviews } from '../../src-shared/export/claimreview';
import { annotationsToCsv } from '../../src-shared/export/csv';
import { markdownReport } from '../../src-shared/export/markdown-report';
import { toAnnotationCollection } from '../../src-shared/export/w3c-export';
import { parseW3cAnnotations } from '../../src-shared/export/w3c-import';
import { DEFAULT_LABELS } from '../../src-shared/labels';
import {
  PRIORITIES,
  STATUSES,
  VERDICTS,
  type AnnotationRecord,
  type DocumentRecord,
  type LibrarySnapshot,
  type SourceRecord,
} from '../../src-shared/model';
import { pick, seededRandom } from './anchoring.bench';
import { medianMs, type BenchLine, type Benchmark } from './harness';

const ENGLISH =
  'the minister said unemployment fell to three percent last year while growth reached its highest level since records began and officials promised more jobs'.split(
    ' ',
  );
const ARABIC =
  'قال الوزير إن معدل البطالة انخفض إلى ثلاثة في المئة العام الماضي بينما بلغ النمو أعلى مستوى له منذ بدء السجلات ووعد المسؤولون بمزيد من الوظائف'.split(
    ' ',
  );

function sentence(rand: () => number, words: readonly string[], length: number): string {
  return Array.from({ length }, () => pick(rand, words)).join(' ');
}

const SETTINGS = {
  analystName: 'Analyst One',
  organisationName: 'Fact Desk',
  organisationUrl: 'https://factdesk.example/',
};

/** 1,000 documents (one in three Arabic) of eight paragraphs, ten annotations each. */
export function benchSnapshot(documentCount = 1000, perDocument = 10): LibrarySnapshot {
  const rand = seededRandom(20250301);
  const sources: SourceRecord[] = Array.from({ length: 50 }, (_, i) => ({
    id: `source-${i}`,
    name: i % 3 === 0 ? `مصدر ${i}` : `Source ${i}`,
    kind: pick(rand, ['person', 'organisation', 'outlet', 'document'] as const),
    aliases: [],
    url: i % 2 === 0 ? `https://sources.example/${i}` : null,
    reliabilityNote: '',
  }));
  const documents: DocumentRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  for (let d = 0; d < documentCount; d++) {
    const words = d % 3 === 0 ? ARABIC : ENGLISH;
    const title = `${sentence(rand, words, 8)} #${d}`;
    const blocks = articleDocBlocks({
      title,
      caption: null,
      blocks: Array.from({ length: 8 }, () => ({
        kind: 'paragraph' as const,
        text: `${sentence(rand, words, 50)}.`,
      })),
    });
    const text = canonicalText(blocks);
    const id = `${d.toString(16).padStart(8, '0')}${'0'.repeat(56)}`;
    documents.push({
      id,
      sourceFile: d % 2 === 0 ? `article-${d}.html` : `https://news.example/${d}`,
      articleIndex: 0,
      title,
      caption: null,
      credit: null,
      author: d % 4 === 0 ? null : `Reporter ${d % 37}`,
      published: '2025-02-01',
      direction: d % 3 === 0 ? 'rtl' : 'ltr',
      format: 'html',
      encoding: 'utf-8',
      blocks,
      text,
      importedAt: '2025-03-01T09:00:00.000Z',
    });
    for (let n = 0; n < perDocument; n++) {
      const start = Math.floor(rand() * (text.length - 80));
      annotations.push({
        id: `annotation-${d}-${n}`,
        documentId: id,
        target: describeRange(text, start, start + 10 + Math.floor(rand() * 60)),
        labelId: pick(rand, DEFAULT_LABELS).id,
        verdict: rand() < 0.2 ? null : pick(rand, VERDICTS),
        rationale: rand() < 0.5 ? '' : sentence(rand, words, 20),
        status: pick(rand, STATUSES),
        priority: pick(rand, PRIORITIES),
        notes: rand() < 0.5 ? '' : sentence(rand, words, 12),
        claimantId: rand() < 0.3 ? null : pick(rand, sources).id,
        evidence: Array.from({ length: Math.floor(rand() * 3) }, (_, e) => ({
          id: `evidence-${d}-${n}-${e}`,
          url: `https://evidence.example/${d}/${n}/${e}?q=a+b`,
          title: sentence(rand, words, 4),
          stance: pick(rand, ['supports', 'refutes', 'context'] as const),
          note: '',
          accessed: '2025-03-01',
          sourceId: rand() < 0.5 ? null : pick(rand, sources).id,
        })),
        author: 'Analyst One',
        created: '2025-03-01T10:00:00.000Z',
        modified: '2025-03-02T10:00:00.000Z',
        orphaned: false,
      });
    }
  }
  return { documents, annotations, labels: [...DEFAULT_LABELS], sources, settings: SETTINGS };
}

const SIZE = '1,000 documents, 10,000 annotations';
const W3C = {
  id: 'https://factdesk.example/annotations',
  generator: { id: 'https://claimdesk.example/', name: 'ClaimDesk' },
};

export const run: Benchmark = async () => {
  const snapshot = benchSnapshot();
  const ids = snapshot.documents.map((d) => d.id);
  const exports: [string, () => unknown][] = [
    ['CSV', () => annotationsToCsv(snapshot)],
    ['W3C collection (JSON text)', () => JSON.stringify(toAnnotationCollection(snapshot, W3C))],
    ['ClaimReview (JSON text)', () => JSON.stringify(toClaimReviews(snapshot).reviews)],
    ['Markdown report', () => markdownReport(snapshot, ids)],
    ['backup', () => serialiseBackup(snapshot, { app: 'bench', createdAt: '2025-03-01T00:00:00Z' })],
  ];
  const lines: BenchLine[] = [];
  for (const [format, fn] of exports) {
    const value = await medianMs(fn);
    const baseline = await medianMs(() => JSON.stringify(snapshot));
    lines.push({
      name: `export ${format} (${SIZE})`,
      value,
      unit: 'ms',
      baselineName: 'JSON.stringify(snapshot)',
      baseline,
    });
  }
  const backup = serialiseBackup(snapshot, { app: 'bench', createdAt: '2025-03-01T00:00:00Z' });
  const w3c = JSON.stringify(toAnnotationCollection(snapshot, W3C));
  const reads: [string, string, (text: string) => unknown][] = [
    ['restore backup', backup, parseBackup],
    ['import W3C collection', w3c, (text) => parseW3cAnnotations(JSON.parse(text))],
  ];
  for (const [name, text, fn] of reads) {
    const value = await medianMs(() => fn(text));
    const baseline = await medianMs(() => JSON.parse(text));
    lines.push({
      name: `${name} (${SIZE})`,
      value,
      unit: 'ms',
      baselineName: 'JSON.parse of the same file',
      baseline,
    });
  }
  return lines;
};
