import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../../src-shared/report/html-report';
import { canonicalText } from '../../../src-shared/canonical';
import { articleDocBlocks } from '../../../src-shared/canonical';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import { emptyClaim } from '../../../src-shared/claim-defaults';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import type { AnnotationRecord, DocumentRecord } from '../../../src-shared/model';

const blocks = articleDocBlocks({
  title: 'Minister <b>says</b> & more',
  caption: null,
  blocks: [{ kind: 'paragraph', text: 'He said "<script>alert(1)</script>" exports rose 12%.' }],
});
const doc: DocumentRecord = {
  id: 'h',
  sourceFile: 'x.txt',
  articleIndex: 0,
  title: 'Minister <b>says</b> & more',
  caption: null,
  credit: null,
  author: null,
  published: null,
  direction: 'ltr',
  format: 'text',
  encoding: 'utf-8',
  blocks,
  text: canonicalText(blocks),
  importedAt: '2026-01-01T00:00:00Z',
};
const annotation = (id: string, exact: string, labelId: string): AnnotationRecord => {
  const start = doc.text.indexOf(exact);
  return {
    id,
    documentId: 'h',
    target: describeRange(doc.text, start, start + exact.length),
    labelId,
    ...emptyClaim(),
    author: 'Ana <i>',
    created: '2026-01-01T00:00:00Z',
    modified: '2026-01-01T00:00:00Z',
  };
};

describe('htmlReport', () => {
  const html = htmlReport({
    document: doc,
    annotations: [
      annotation('b', 'exports rose 12%', 'statistic'),
      annotation('a', '<script>alert(1)</script>', 'quote'),
    ],
    labels: [...DEFAULT_LABELS, { id: 'evil', name: 'x', color: 'red;background:url(x)', order: 9 }],
    generatedAt: '2026-01-02',
  });

  it('escapes every piece of article and user text', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>says');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Minister &lt;b&gt;says&lt;/b&gt; &amp; more');
    expect(html).toContain('Ana &lt;i&gt;');
  });

  it('numbers highlights in document order and lists them with their labels', () => {
    expect(html).toMatch(
      /<sup class="n">1<\/sup><mark [^>]*>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/mark>/,
    );
    expect(html).toMatch(/<sup class="n">2<\/sup><mark [^>]*>exports rose 12%<\/mark>/);
    const list = html.slice(html.indexOf('<ol class="annotations">'));
    expect(list.indexOf('Quote')).toBeLessThan(list.indexOf('Statistic'));
  });

  it('is self-contained and runs nothing', () => {
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
    expect(html).toContain("default-src 'none'");
  });
});
