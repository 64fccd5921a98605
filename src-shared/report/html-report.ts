// The analyst's fact-check report as one self-contained HTML file (inline CSS, no script, a CSP
// that forbids loading anything): summary tables, then per document the article with its
// highlights numbered in document order and each annotation's findings. The chrome (tables,
// headings, field names) reads left to right in the reader's language; only article text and
// quotes take their own direction, and user text inside the chrome is isolated (<bdi>) so an
// Arabic name neither reorders nor pushes away what stands beside it. Every piece of article
// and user text is escaped; only http(s) evidence becomes a link. The same HTML is what the
// desktop app prints to PDF.
import { blockOffsets } from '../canonical';
import type {
  AnnotationRecord,
  DocBlock,
  DocumentRecord,
  LabelRecord,
  LibrarySnapshot,
  SettingsRecord,
  SourceRecord,
} from '../model';
import { documentOrder, segmentBlocks, type Segment } from '../anchoring/segments';
import { PRIORITY_NAMES, STANCE_NAMES, STATUS_NAMES } from '../export/display-names';
import { indexSnapshot, labelName, type SnapshotIndex } from '../export/snapshot-index';
import { typedLinkHref } from '../export/urls';
import { escapeHtml, safeHexColor } from './escape-html';
import { reportSummary, verdictName, type ReportSummary } from './report-summary';
import { articleLinks } from './article-links';

/** One document's report (the original single-document form; sources and settings optional). */
export interface ReportInput {
  document: DocumentRecord;
  annotations: readonly AnnotationRecord[];
  labels: readonly LabelRecord[];
  sources?: readonly SourceRecord[];
  settings?: SettingsRecord;
  generatedAt: string;
}

export interface LibraryReportOptions {
  /** The documents to report on, in this order; unknown ids are skipped. */
  documentIds: readonly string[];
  /** Only these annotations (a search's results); all of the documents' annotations otherwise. */
  annotationIds?: readonly string[];
  generatedAt: string;
}

const STYLE = `
:root { color-scheme: light; }
body { font: 17px/1.65 Georgia, 'Noto Naskh Arabic', 'DejaVu Serif', 'Times New Roman', serif; color: #1d1d1f;
  background: #fff; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
header.report p, footer, .doc-meta, .meta, table, .summary p { font: 13px/1.5 system-ui, sans-serif; color: #555; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font: 600 1.1rem/1.4 system-ui, sans-serif; margin: 2.5rem 0 .75rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
h3.summary-table { font: 600 .95rem/1.4 system-ui, sans-serif; margin: 1.25rem 0 .4rem; }
table { border-collapse: collapse; color: #1d1d1f; }
th, td { border: 1px solid #ddd; padding: .2rem .6rem; text-align: start; vertical-align: top; }
td.count { text-align: end; font-variant-numeric: tabular-nums; }
section.document { margin-top: 3rem; }
.caption { font-style: italic; color: #444; }
.block-heading { font-weight: 700; }
.missing-text { font: 13px/1.5 system-ui, sans-serif; color: #8a4b00; }
article blockquote { margin: 1rem 0; padding-inline-start: 1rem; border-inline-start: 3px solid #ccc; }
mark { color: inherit; padding: .05em 0; border-bottom: 2px solid; }
sup.n { font: 700 11px system-ui, sans-serif; padding: 0 .25em; border-radius: 3px; background: #1d1d1f; color: #fff; margin-inline-start: 1px; }
ol.annotations { padding-inline-start: 1.5rem; }
ol.annotations > li { margin: 0 0 1.5rem; }
.label { font: 600 12px system-ui, sans-serif; padding: .1em .5em; border-radius: 999px; border: 1px solid #0003; }
.verdict, .sep { font: 700 12px system-ui, sans-serif; }
.sep { color: #888; font-weight: 400; }
.quote { display: block; margin: .35rem 0; padding-inline-start: .75rem; border-inline-start: 3px solid #bbb; quotes: none; }
.orphan { font: 600 12px system-ui, sans-serif; color: #8a4b00; margin: 0; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .9rem; margin: .4rem 0 0;
  font: 13px/1.5 system-ui, sans-serif; }
dl.fields dt { color: #666; }
dl.fields dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
dl.fields dd.text { unicode-bidi: plaintext; text-align: left; }
ul.evidence { margin: 0; padding-inline-start: 1.1rem; white-space: normal; }
.stance { font-weight: 600; }
@media print {
  body { margin: 0 auto; max-width: none; }
  mark, sup.n, .label { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.document + section.document { break-before: page; }
  ol.annotations > li, table { break-inside: avoid; }
}
`;

interface MarkContext {
  colorOf(id: string): string;
  /**
   * Where each annotation starts: its number is printed before its first segment, so numbers
   * read in order even when one highlight lies inside another (an inner one ends first).
   */
  startsAt: Map<string, number>;
  numberOf: Map<string, number>;
}

function renderSegment(text: string, seg: Segment, ctx: MarkContext): string {
  const inner = escapeHtml(text.slice(seg.start, seg.end));
  if (seg.ids.length === 0) return inner;
  const color = ctx.colorOf(seg.ids[seg.ids.length - 1] as string);
  const numbers = seg.ids
    .filter((id) => ctx.startsAt.get(id) === seg.start)
    .map((id) => ctx.numberOf.get(id) as number)
    .sort((a, b) => a - b)
    .map((n) => `<sup class="n">${String(n)}</sup>`)
    .join('');
  return `${numbers}<mark style="background:${color}55;border-color:${color}">${inner}</mark>`;
}

function renderBlock(block: DocBlock, inner: string): string {
  const dir = `dir="${block.direction}"`;
  switch (block.kind) {
    case 'title':
      return `<h1 ${dir}>${inner}</h1>`;
    case 'caption':
      return `<p class="caption" ${dir}>${inner}</p>`;
    case 'heading':
      return `<h3 class="block-heading" ${dir}>${inner}</h3>`;
    case 'quote':
      return `<blockquote ${dir}>${inner}</blockquote>`;
    case 'list-item':
      return `<ul ${dir}><li>${inner}</li></ul>`;
    default:
      return `<p ${dir}>${inner}</p>`;
  }
}

/** An ISO timestamp as "2025-03-01 10:00 UTC"; anything else as it is. */
function stamp(value: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/.exec(value);
  return m ? `${m[1]} ${m[2]} UTC` : value;
}

function labelColor(index: SnapshotIndex, a: AnnotationRecord): string {
  return safeHexColor(index.labels.get(a.labelId)?.color ?? '');
}

function articleHtml(
  doc: DocumentRecord,
  ordered: readonly AnnotationRecord[],
  index: SnapshotIndex,
): string {
  if (doc.blocks.length === 0)
    return '<p class="missing-text">The article’s text is not available: only its annotations are listed.</p>';
  // Orphans no longer fit the text: they are listed, never drawn over the wrong words.
  const placed = ordered.filter((a) => !a.orphaned);
  const colors = new Map(placed.map((a) => [a.id, labelColor(index, a)]));
  const ctx: MarkContext = {
    numberOf: new Map(ordered.map((a, i) => [a.id, i + 1])),
    startsAt: new Map(placed.map((a) => [a.id, a.target.position.start])),
    colorOf: (id) => colors.get(id) ?? safeHexColor(''),
  };
  const offsets = blockOffsets(doc.blocks);
  const spans = doc.blocks.map((b, i) => ({
    start: offsets[i] as number,
    end: (offsets[i] as number) + b.text.length,
  }));
  const segments = segmentBlocks(
    spans,
    placed.map((a) => ({ id: a.id, start: a.target.position.start, end: a.target.position.end })),
  );
  return doc.blocks
    .map((block, i) =>
      renderBlock(block, (segments[i] ?? []).map((s) => renderSegment(doc.text, s, ctx)).join('')),
    )
    .join('\n');
}

function field(name: string, valueHtml: string, attrs = ''): string {
  return `<dt>${name}</dt><dd${attrs}>${valueHtml}</dd>`;
}

/** User text inside the left-to-right chrome: its own direction, isolated from what surrounds it. */
const bdi = (text: string): string => `<bdi>${escapeHtml(text)}</bdi>`;

/** A field whose user text may run over several lines: each line takes its own direction. */
const textField = (name: string, text: string): string => field(name, escapeHtml(text), ' class="text"');

function evidenceHtml(a: AnnotationRecord, index: SnapshotIndex): string {
  const items = a.evidence.map((e) => {
    const href = typedLinkHref(e.url);
    const text = bdi(e.title || e.url);
    // Only http(s) becomes a link; a javascript: or file: value stays visible text.
    const link = href
      ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>`
      : `<span class="url">${bdi(e.title ? `${e.title} (${e.url})` : e.url)}</span>`;
    const source = e.sourceId ? index.sources.get(e.sourceId)?.name : undefined;
    const extra = [source, e.accessed ? `accessed ${e.accessed}` : null, e.note]
      .filter((x): x is string => !!x)
      .map((x) => ` — ${bdi(x)}`)
      .join('');
    return `<li><span class="stance stance-${e.stance}">${STANCE_NAMES[e.stance]}:</span> ${link}${extra}</li>`;
  });
  return `<ul class="evidence">${items.join('')}</ul>`;
}

function annotationHtml(a: AnnotationRecord, n: number, docNumber: number, index: SnapshotIndex): string {
  const verdict = verdictName(a);
  const fields = [field('Verdict', escapeHtml(verdict))];
  if (a.rationale) fields.push(textField('Rationale', a.rationale));
  fields.push(field('Status', `${STATUS_NAMES[a.status]} · ${PRIORITY_NAMES[a.priority]} priority`));
  const claimant = a.claimantId ? index.sources.get(a.claimantId) : undefined;
  if (claimant) fields.push(field('Claimant', bdi(claimant.name)));
  if (a.evidence.length > 0) fields.push(field('Evidence', evidenceHtml(a, index)));
  if (a.notes) fields.push(textField('Notes', a.notes));
  fields.push(field('Analyst', a.author ? bdi(a.author) : 'Unknown analyst'));
  fields.push(
    field('Dates', `created ${escapeHtml(stamp(a.created))} · modified ${escapeHtml(stamp(a.modified))}`),
  );
  const color = labelColor(index, a);
  // The separator is text, so a copy or the PDF's text reads "Statistic — No verdict".
  return `<li id="annotation-${docNumber}-${n}"><span class="label" style="background:${color}55">${bdi(labelName(index, a))}</span><span class="sep"> — </span><span class="verdict">${escapeHtml(verdict)}</span>
<q class="quote" dir="auto">${escapeHtml(a.target.quote.exact)}</q>
${a.orphaned ? '<p class="orphan">Not found in the current text: the passage changed after it was annotated.</p>\n' : ''}<dl class="fields">${fields.join('')}</dl></li>`;
}

function documentMeta(doc: DocumentRecord): string {
  const parts: [string, string | null | undefined][] = [
    ['Source file: ', doc.sourceFile],
    ['Web address: ', doc.url],
    ['Outlet: ', doc.outlet],
    ['By ', doc.author],
    ['Published ', doc.published],
    ['Photo credit: ', doc.credit],
  ];
  return parts
    .filter((m): m is [string, string] => !!m[1])
    .map(([name, value]) => `${name}${bdi(value)}`)
    .join(' · ');
}

/** The article's own links with their addresses: a printed report shows where each one led. */
function linksHtml(doc: DocumentRecord): string {
  const links = articleLinks(doc);
  if (links.length === 0) return '';
  const items = links
    .map(
      (l) =>
        `<li><span dir="auto">${escapeHtml(l.text)}</span> — <a href="${escapeHtml(l.href)}" rel="noopener noreferrer">${escapeHtml(l.href)}</a></li>`,
    )
    .join('\n');
  return `<h2>Links in the article (${links.length})</h2>\n<ul class="article-links">\n${items}\n</ul>\n`;
}

function documentHtml(
  doc: DocumentRecord,
  annotations: readonly AnnotationRecord[],
  docNumber: number,
  index: SnapshotIndex,
): string {
  const ordered = documentOrder(
    annotations.map((a) => ({ id: a.id, start: a.target.position.start, end: a.target.position.end, a })),
  ).map((o) => o.a);
  const lang = doc.direction === 'rtl' ? 'ar' : 'en';
  const items = ordered.map((a, i) => annotationHtml(a, i + 1, docNumber, index)).join('\n');
  return `<section class="document" id="document-${docNumber}">
<p class="doc-meta">${documentMeta(doc)}</p>
<article dir="${doc.direction}" lang="${lang}">
${articleHtml(doc, ordered, index)}
</article>
${linksHtml(doc)}<h2>Annotations (${ordered.length})</h2>
<ol class="annotations">
${items}
</ol>
</section>`;
}

function table(caption: string, columns: string[], rows: string[][]): string {
  const head = columns.map((c) => `<th scope="col">${c}</th>`).join('');
  const body =
    rows.length === 0
      ? `<tr><td colspan="${columns.length}">None</td></tr>`
      : rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n');
  return `<h3 class="summary-table">${caption}</h3>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>`;
}

const cell = (text: string): string => `<td>${bdi(text)}</td>`;
const count = (n: number): string => `<td class="count">${n}</td>`;

function summaryHtml(summary: ReportSummary, documents: number, annotations: number): string {
  return `<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<p>${documents} document${documents === 1 ? '' : 's'} · ${annotations} annotation${annotations === 1 ? '' : 's'}</p>
${table(
  'By verdict',
  ['Verdict', 'Annotations'],
  summary.byVerdict.map(([k, n]) => [cell(k), count(n)]),
)}
${table(
  'By label',
  ['Label', 'Annotations'],
  summary.byLabel.map(([k, n]) => [cell(k), count(n)]),
)}
${table(
  'By source',
  ['Claimant', 'Annotations', 'Verdicts'],
  summary.bySource.map((s) => [
    cell(s.name),
    count(s.count),
    cell(s.verdicts.map(([v, c]) => `${v} ${c}`).join(', ')),
  ]),
)}
</section>`;
}

/** The report on several documents (or a search's annotations in them) from a library snapshot. */
export function htmlLibraryReport(snapshot: LibrarySnapshot, options: LibraryReportOptions): string {
  const index = indexSnapshot(snapshot);
  const docs = [...new Set(options.documentIds)]
    .map((id) => index.documents.get(id))
    .filter((d): d is DocumentRecord => d !== undefined);
  const wanted = options.annotationIds ? new Set(options.annotationIds) : null;
  const byDocument = new Map<string, AnnotationRecord[]>(docs.map((d) => [d.id, []]));
  for (const a of snapshot.annotations)
    if (!wanted || wanted.has(a.id)) byDocument.get(a.documentId)?.push(a);
  const all = docs.flatMap((d) => byDocument.get(d.id) ?? []);

  const first = docs[0];
  const title = docs.length === 1 && first ? first.title : `Fact-check report (${docs.length} documents)`;
  const organisation = snapshot.settings.organisationName.trim();
  const heading = ['Claimdesk report', organisation && bdi(organisation)].filter(Boolean).join(' · ');
  const sections = docs.map((d, i) => documentHtml(d, byDocument.get(d.id) ?? [], i + 1, index));
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} — Claimdesk report</title>
<style>${STYLE}</style>
</head>
<body>
<header class="report"><p>${heading}</p></header>
${summaryHtml(reportSummary(all, index), docs.length, all.length)}
${sections.join('\n')}
<footer>Generated by Claimdesk on ${escapeHtml(stamp(options.generatedAt))}.</footer>
</body>
</html>
`;
}

/** One document's report. */
export function htmlReport({
  document: doc,
  annotations,
  labels,
  sources = [],
  settings = { analystName: '', organisationName: '', organisationUrl: '' },
  generatedAt,
}: ReportInput): string {
  return htmlLibraryReport(
    {
      documents: [doc],
      annotations: [...annotations],
      labels: [...labels],
      sources: [...sources],
      settings,
    },
    { documentIds: [doc.id], generatedAt },
  );
}
