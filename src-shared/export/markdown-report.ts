// The fact-check report as Markdown: per document its metadata, the article with numbered
// highlights and each annotation's findings, then summary tables across the documents.
import { documentOrder } from '../anchoring/segments';
import { blockOffsets } from '../canonical';
import {
  VERDICTS,
  type AnnotationRecord,
  type DocBlock,
  type DocumentRecord,
  type LibrarySnapshot,
} from '../model';
import { PRIORITY_NAMES, STANCE_NAMES, STATUS_NAMES } from './display-names';
import { escapeInline, markdownLine, markdownLines, markdownLink } from './markdown-escape';
import { highlightBlock, type HighlightSpan } from './markdown-highlights';
import { indexSnapshot, labelName, selectAnnotations, type SnapshotIndex } from './snapshot-index';
import { typedLinkHref } from './urls';
import { VERDICT_NAMES } from './verdicts';
import { articleLinks } from '../report/article-links';

const NO_VERDICT = 'No verdict';
const NO_CLAIMANT = 'No claimant';

const inDocumentOrder = (list: readonly AnnotationRecord[]): AnnotationRecord[] =>
  documentOrder(
    list.map((a) => ({ id: a.id, start: a.target.position.start, end: a.target.position.end, a })),
  ).map((o) => o.a);

function blockMarkdown(block: DocBlock, content: string): string {
  switch (block.kind) {
    case 'title':
      return `#### ${content}`;
    case 'heading':
      return `${'#'.repeat(Math.min(6, 4 + (block.level ?? 1)))} ${content}`;
    case 'quote':
      return `> ${content}`;
    case 'list-item':
      return `- ${content}`;
    case 'caption':
      return `*Caption:* ${content}`;
    default:
      return content;
  }
}

function articleMarkdown(doc: DocumentRecord, annotations: readonly AnnotationRecord[]): string {
  const offsets = blockOffsets(doc.blocks);
  return doc.blocks
    .map((block, b) => {
      const at = offsets[b] ?? 0;
      const spans: HighlightSpan[] = [];
      annotations.forEach((a, n) => {
        const { start, end } = a.target.position;
        if (start < at + block.text.length && end > at && !a.orphaned)
          spans.push({ start: start - at, end: end - at, marker: `[${n + 1}]` });
      });
      return blockMarkdown(block, highlightBlock(block.text, spans));
    })
    .join('\n\n');
}

function metadata(doc: DocumentRecord, count: number): string {
  const rows: [string, string | null][] = [
    ['Source file', doc.sourceFile],
    ['Web address', doc.url ?? null],
    ['Outlet', doc.outlet ?? null],
    ['Author', doc.author],
    ['Published', doc.published],
    ['Credit', doc.credit],
    ['Format', doc.format],
    ['Imported', doc.importedAt],
    ['Annotations', String(count)],
  ];
  return rows
    .filter((r): r is [string, string] => !!r[1])
    .map(([k, v]) => `- **${k}:** ${markdownLine(v)}`)
    .join('\n');
}

function evidenceLines(a: AnnotationRecord, index: SnapshotIndex): string[] {
  return a.evidence.map((e) => {
    const href = typedLinkHref(e.url);
    // Only http(s) URLs become links; anything else is shown as text so it cannot be followed.
    const link = href
      ? markdownLink(e.title || e.url, href)
      : markdownLine(e.title ? `${e.title} (${e.url})` : e.url);
    const source = e.sourceId ? index.sources.get(e.sourceId)?.name : undefined;
    const extra = [STANCE_NAMES[e.stance], source, e.accessed ? `accessed ${e.accessed}` : null, e.note]
      .filter((x): x is string => !!x)
      .map(markdownLine);
    return `  - ${[link, ...extra].join(' — ')}`;
  });
}

function annotationMarkdown(a: AnnotationRecord, n: number, index: SnapshotIndex): string {
  const verdict = a.verdict ? VERDICT_NAMES[a.verdict] : NO_VERDICT;
  const lines = [`#### [${n}] ${markdownLine(labelName(index, a))} — ${escapeInline(verdict)}`, ''];
  lines.push(`> ${markdownLine(a.target.quote.exact)}`, '');
  if (a.orphaned)
    lines.push('- **Not found in the current text** (the passage changed after it was annotated)');
  lines.push(`- **Verdict:** ${escapeInline(verdict)}`);
  if (a.rationale) lines.push(`- **Rationale:** ${markdownLines(a.rationale, '  ')}`);
  lines.push(`- **Status:** ${STATUS_NAMES[a.status]} · **Priority:** ${PRIORITY_NAMES[a.priority]}`);
  const claimant = a.claimantId ? index.sources.get(a.claimantId) : undefined;
  if (claimant) lines.push(`- **Claimant:** ${markdownLine(claimant.name)}`);
  if (a.evidence.length > 0) lines.push('- **Evidence:**', ...evidenceLines(a, index));
  if (a.notes) lines.push(`- **Notes:** ${markdownLines(a.notes, '  ')}`);
  if (a.author) lines.push(`- **Analyst:** ${markdownLine(a.author)}`);
  lines.push(`- **Created:** ${markdownLine(a.created)} · **Modified:** ${markdownLine(a.modified)}`);
  return lines.join('\n');
}

function table(heading: string, columns: string[], rows: string[][]): string {
  if (rows.length === 0) return `### ${heading}\n\nNone.`;
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    `### ${heading}`,
    '',
    line(columns),
    // Count columns align right, as numbers do.
    line(columns.map((_, i) => (rows.every((r) => /^\d+$/.test(r[i] ?? '')) ? '---:' : '---'))),
    ...rows.map(line),
  ].join('\n');
}

/** Counts per key, keys in first-seen order unless `order` fixes them. */
function tally(keys: string[], order: readonly string[] = []): [string, number][] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 0);
}

function summary(annotations: readonly AnnotationRecord[], index: SnapshotIndex): string {
  const verdictOf = (a: AnnotationRecord): string => (a.verdict ? VERDICT_NAMES[a.verdict] : NO_VERDICT);
  const byVerdict = tally(annotations.map(verdictOf), [...VERDICTS.map((v) => VERDICT_NAMES[v]), NO_VERDICT]);
  const byLabel = tally(
    annotations.map((a) => labelName(index, a)),
    [...index.labels.values()].sort((a, b) => a.order - b.order).map((l) => l.name),
  );
  const byClaimant = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    const name = (a.claimantId && index.sources.get(a.claimantId)?.name) || NO_CLAIMANT;
    const list = byClaimant.get(name);
    if (list) list.push(a);
    else byClaimant.set(name, [a]);
  }
  const bySource = [...byClaimant].map(([name, list]): string[] => {
    const verdicts = tally(list.map(verdictOf), [...VERDICTS.map((v) => VERDICT_NAMES[v]), NO_VERDICT]);
    return [
      markdownLine(name),
      String(list.length),
      escapeInline(verdicts.map(([v, c]) => `${v} ${c}`).join(', ')),
    ];
  });
  return [
    '## Summary',
    table(
      'By verdict',
      ['Verdict', 'Annotations'],
      byVerdict.map(([k, n]) => [escapeInline(k), String(n)]),
    ),
    table(
      'By label',
      ['Label', 'Annotations'],
      byLabel.map(([k, n]) => [markdownLine(k), String(n)]),
    ),
    table('By source', ['Claimant', 'Annotations', 'Verdicts'], bySource),
  ].join('\n\n');
}

/** The report for the listed documents, in the order given; unknown ids are skipped. */
export function markdownReport(snapshot: LibrarySnapshot, documentIds: string[]): string {
  const index = indexSnapshot(snapshot);
  const docs = [...new Set(documentIds)]
    .map((id) => index.documents.get(id))
    .filter((d): d is DocumentRecord => d !== undefined);
  const byDocument = new Map<string, AnnotationRecord[]>(docs.map((d) => [d.id, []]));
  for (const a of selectAnnotations(snapshot, index)) byDocument.get(a.documentId)?.push(a);
  // Numbered as the HTML report numbers them: by start, an enclosing highlight before those inside it.
  for (const [id, list] of byDocument) byDocument.set(id, inDocumentOrder(list));
  const all = docs.flatMap((d) => byDocument.get(d.id) ?? []);
  const parts = ['# Fact-check report'];
  const organisation = snapshot.settings.organisationName.trim();
  if (organisation) parts.push(markdownLine(organisation));
  parts.push(`${docs.length} documents · ${all.length} annotations`, summary(all, index));
  for (const doc of docs) {
    const annotations = byDocument.get(doc.id) ?? [];
    parts.push(`## ${markdownLine(doc.title)}`, metadata(doc, annotations.length));
    parts.push('### Article', articleMarkdown(doc, annotations));
    const links = articleLinks(doc);
    if (links.length > 0)
      parts.push(
        '### Links in the article',
        links.map((l) => `- ${markdownLine(l.text)} — ${markdownLink(l.href, l.href)}`).join('\n'),
      );
    if (annotations.length > 0)
      parts.push('### Annotations', ...annotations.map((a, n) => annotationMarkdown(a, n + 1, index)));
  }
  return `${parts.join('\n\n')}\n`;
}
