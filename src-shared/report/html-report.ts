// The analyst's report for one document: a single self-contained HTML file (inline CSS, no
// script) with the article, its highlights numbered in document order, and the list of
// annotations. Every piece of article and user text is escaped.
import { blockOffsets } from '../canonical';
import type { AnnotationRecord, DocBlock, DocumentRecord, LabelRecord } from '../model';
import { documentOrder, segmentBlocks, type Segment } from '../anchoring/segments';
import { escapeHtml, safeHexColor } from './escape-html';

export interface ReportInput {
  document: DocumentRecord;
  annotations: readonly AnnotationRecord[];
  labels: readonly LabelRecord[];
  generatedAt: string;
}

const STYLE = `
:root { color-scheme: light; }
body { font: 17px/1.65 Georgia, 'Noto Naskh Arabic', 'Times New Roman', serif; color: #1d1d1f; background: #fff;
  max-width: 44rem; margin: 2.5rem auto; padding: 0 1.25rem; }
header p, footer { font: 13px/1.5 system-ui, sans-serif; color: #555; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font: 600 1.1rem/1.4 system-ui, sans-serif; margin: 2.5rem 0 .75rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
.caption { font-style: italic; color: #444; }
.block-heading { font-weight: 700; }
blockquote { margin: 1rem 0; padding-inline-start: 1rem; border-inline-start: 3px solid #ccc; }
mark { color: inherit; padding: .05em 0; border-bottom: 2px solid; }
sup.n { font: 700 11px system-ui, sans-serif; padding: 0 .25em; border-radius: 3px; background: #1d1d1f; color: #fff; margin-inline-start: 1px; }
ol.annotations { padding-inline-start: 1.5rem; }
ol.annotations li { margin: 0 0 1rem; }
.label { font: 600 12px system-ui, sans-serif; padding: .1em .5em; border-radius: 999px; border: 1px solid #0003; }
.quote { display: block; margin-top: .25rem; }
.meta { font: 12px system-ui, sans-serif; color: #666; }
@media print { body { margin: 0 auto; } mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

interface MarkContext {
  colorOf(id: string): string;
  /** Where each annotation ends: its number is printed after its last segment. */
  endsAt: Map<string, number>;
  numberOf: Map<string, number>;
}

function renderSegment(text: string, seg: Segment, ctx: MarkContext): string {
  const inner = escapeHtml(text.slice(seg.start, seg.end));
  if (seg.ids.length === 0) return inner;
  const color = ctx.colorOf(seg.ids[seg.ids.length - 1] as string);
  const numbers = seg.ids
    .filter((id) => ctx.endsAt.get(id) === seg.end)
    .map((id) => `<sup class="n">${String(ctx.numberOf.get(id))}</sup>`)
    .join('');
  return `<mark style="background:${color}55;border-color:${color}">${inner}</mark>${numbers}`;
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

export function htmlReport({ document: doc, annotations, labels, generatedAt }: ReportInput): string {
  const labelById = new Map(labels.map((l) => [l.id, l]));
  const ordered = documentOrder(
    annotations.map((a) => ({ id: a.id, start: a.target.position.start, end: a.target.position.end, a })),
  );
  const labelOf = new Map(ordered.map((o) => [o.id, o.a.labelId]));
  const ctx: MarkContext = {
    numberOf: new Map(ordered.map((o, i) => [o.id, i + 1])),
    endsAt: new Map(ordered.map((o) => [o.id, o.end])),
    colorOf: (id) => safeHexColor(labelById.get(labelOf.get(id) ?? '')?.color ?? ''),
  };
  const offsets = blockOffsets(doc.blocks);
  const spans = doc.blocks.map((b, i) => ({
    start: offsets[i] as number,
    end: (offsets[i] as number) + b.text.length,
  }));
  const segments = segmentBlocks(spans, ordered);
  const body = doc.blocks
    .map((block, i) =>
      renderBlock(block, (segments[i] ?? []).map((s) => renderSegment(doc.text, s, ctx)).join('')),
    )
    .join('\n');
  const items = ordered
    .map(({ a }, i) => {
      const label = labelById.get(a.labelId);
      const color = safeHexColor(label?.color ?? '');
      return `<li id="annotation-${i + 1}"><span class="label" style="background:${color}55">${escapeHtml(label?.name ?? a.labelId)}</span>
<q class="quote" dir="auto">${escapeHtml(a.target.quote.exact)}</q>
<span class="meta">${escapeHtml(a.author || 'Unknown analyst')} · created ${escapeHtml(a.created)} · modified ${escapeHtml(a.modified)}</span></li>`;
    })
    .join('\n');
  const meta = [
    doc.credit && `Photo credit: ${doc.credit}`,
    `Source file: ${doc.sourceFile}`,
    doc.author && `By ${doc.author}`,
  ]
    .filter(Boolean)
    .map((m) => escapeHtml(m as string))
    .join(' · ');
  return `<!DOCTYPE html>
<html lang="${doc.direction === 'rtl' ? 'ar' : 'en'}" dir="${doc.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)} — Claimdesk report</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>Claimdesk report · ${escapeHtml(meta)}</p></header>
<article>
${body}
</article>
<h2>Annotations (${ordered.length})</h2>
<ol class="annotations">
${items}
</ol>
<footer>Generated by Claimdesk on ${escapeHtml(generatedAt)}.</footer>
</body>
</html>
`;
}
