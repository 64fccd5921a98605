// The extended HTML report: every annotation's findings, summary tables, right-to-left articles
// laid out right to left, only http(s) links, and every piece of text escaped.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlLibraryReport } from '../../../src-shared/report/html-report';
import { arabic, cloneSnapshot, empty, english, snapshot } from './fixture-snapshot';

const GENERATED = '2025-03-03T12:00:00.000Z';

function render(options: Partial<Parameters<typeof htmlLibraryReport>[1]> = {}, lib = snapshot) {
  const html = htmlLibraryReport(lib, {
    documentIds: [english.id, arabic.id, empty.id],
    generatedAt: GENERATED,
    ...options,
  });
  return { html, doc: new JSDOM(html).window.document };
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The annotation list item whose quote is `exact`. */
function itemFor(doc: Document, exact: string): Element {
  const item = [...doc.querySelectorAll('ol.annotations > li')].find(
    (li) => li.querySelector('q.quote')?.textContent === exact,
  );
  if (!item) throw new Error(`no annotation quoting "${exact}"`);
  return item;
}

function fields(item: Element): Record<string, string> {
  const result: Record<string, string> = {};
  for (const dt of item.querySelectorAll('dl.fields > dt')) result[text(dt)] = text(dt.nextElementSibling);
  return result;
}

describe('HTML report', () => {
  const { html, doc } = render();

  it('lists every annotation of every document, in document order within each', () => {
    const sections = [...doc.querySelectorAll('section.document')];
    expect(sections).toHaveLength(3);
    const quotes = sections.map((s) => [...s.querySelectorAll('q.quote')].map((q) => q.textContent));
    expect(quotes[0]).toEqual([
      'unemployment fell to 3% last year',
      '=HYPERLINK("http://evil.example")',
      'We have created 200,000 jobs,',
    ]);
    expect(quotes[1]).toEqual(['معدل البطالة انخفض إلى ٣٪', 'انخفض إلى ٣٪ في العام الماضي']);
    expect(quotes[2]).toEqual([]);
  });

  it('shows label, verdict with rationale, status, claimant, evidence, notes, analyst and dates', () => {
    const item = itemFor(doc, 'unemployment fell to 3% last year');
    expect(text(item.querySelector('.label'))).toBe('Statistic');
    expect([...item.querySelectorAll('ul.evidence > li')].map(text)).toEqual([
      'Refutes: Labour survey [2024] — National Statistics Office — accessed 2025-03-01 — Table 3',
      'Context: javascript:alert(1)',
    ]);
    const { Evidence: _evidence, ...rest } = fields(item);
    expect(rest).toEqual({
      Verdict: 'False',
      Rationale: 'The statistics office puts it at 4.1%. - It has not been 3% since 2001.',
      Status: 'Published · High priority',
      Claimant: 'Minister of Labour',
      Notes: '=1+1 check with the desk, "urgent"',
      Analyst: 'Analyst One',
      Dates: 'created 2025-03-01 10:00 UTC · modified 2025-03-02 11:30 UTC',
    });
    // The rationale keeps its line breaks.
    expect(item.querySelector('dd.text')?.textContent).toContain('4.1%.\n\n- It has');
  });

  it('links only http(s) evidence, each with its stance', () => {
    const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://stats.example/labour?year=2024&q=(all)',
      'https://stats.example/jobs',
      'https://news.example.org/ar/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1',
    ]);
    expect(html).not.toMatch(/href="javascript/i);
    const jobs = itemFor(doc, 'We have created 200,000 jobs,');
    expect(text(jobs.querySelector('.evidence li'))).toBe('Supports: https://stats.example/jobs');
    expect(fields(jobs).Analyst).toBe('Analyst One');
    expect(fields(itemFor(doc, '=HYPERLINK("http://evil.example")'))).toMatchObject({
      Verdict: 'No verdict',
      Status: 'To check · Normal priority',
      Analyst: 'Unknown analyst',
    });
  });

  it('has summary tables by verdict, by label and by source', () => {
    const tables = [...doc.querySelectorAll('section.summary table')].map((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)),
    );
    expect(text(doc.querySelector('section.summary p'))).toBe('3 documents · 5 annotations');
    expect(tables[0]).toEqual([
      ['Mostly true', '1'],
      ['Misleading', '1'],
      ['False', '1'],
      ['Unverifiable', '1'],
      ['No verdict', '1'],
    ]);
    expect(tables[1]).toEqual([
      ['Claim', '2'],
      ['Statistic', '2'],
      ['Quote', '1'],
    ]);
    expect(tables[2]).toEqual([
      ['Minister of Labour', '2', 'Misleading 1, False 1'],
      ['No claimant', '2', 'Unverifiable 1, No verdict 1'],
      ['وكالة الأنباء الرسمية', '1', 'Mostly true 1'],
    ]);
  });

  it('lays out right-to-left articles right to left inside left-to-right chrome', () => {
    const [en, ar] = doc.querySelectorAll('section.document');
    expect(en?.querySelector('article')?.getAttribute('dir')).toBe('ltr');
    expect(ar?.hasAttribute('dir')).toBe(false);
    expect(ar?.querySelector('article')?.getAttribute('dir')).toBe('rtl');
    expect(ar?.querySelector('article')?.getAttribute('lang')).toBe('ar');
    expect(ar?.querySelector('h1')?.getAttribute('dir')).toBe('rtl');
    expect([...(ar?.querySelectorAll('q.quote') ?? [])].map((q) => q.getAttribute('dir'))).toEqual([
      'auto',
      'auto',
    ]);
    // Mixed or Arabic-only, the report's own words read left to right (report-direction.test.ts
    // checks the layout in Chromium and the PDF).
    expect(doc.documentElement.getAttribute('dir')).toBe('ltr');
    const arOnly = render({ documentIds: [arabic.id] }).doc;
    expect(arOnly.documentElement.getAttribute('dir')).toBe('ltr');
    expect(arOnly.documentElement.getAttribute('lang')).toBe('en');
    expect(arOnly.title).toBe('الوزير: البطالة انخفضت إلى ٣٪ — Claimdesk report');
    // Arabic user text in the chrome is isolated, so it cannot reorder its neighbours.
    expect(text(ar?.querySelector('dd > bdi'))).toBe('وكالة الأنباء الرسمية');
  });

  it('highlights and numbers each annotation in the article', () => {
    const marks = [...doc.querySelectorAll('section.document')[0]!.querySelectorAll('article mark')];
    expect(marks.map((m) => m.textContent)).toEqual([
      'unemployment fell to 3% last year',
      '=HYPERLINK("http://evil.example")',
      'We have created 200,000 jobs,',
    ]);
    expect(marks.map((m) => m.previousElementSibling?.textContent)).toEqual(['1', '2', '3']);
    // Overlapping Arabic highlights: the shared words are one mark, each number before its start.
    const ar = doc.querySelectorAll('section.document')[1]!;
    expect(text(ar.querySelector('article'))).toContain('قال الوزير إن 1معدل البطالة 2انخفض إلى ٣٪ في العام');
  });

  it('numbers nested highlights in reading order, the outer one first', () => {
    const lib = cloneSnapshot();
    const outer = lib.annotations[0]!;
    // A second highlight inside the first ("fell to 3%") ends before it.
    const start = english.text.indexOf('fell to 3%');
    lib.annotations.push({
      ...structuredClone(outer),
      id: 'inner',
      target: {
        ...outer.target,
        position: { type: 'TextPositionSelector', start, end: start + 'fell to 3%'.length },
      },
    });
    const { doc: d } = render({ documentIds: [english.id] }, lib);
    const article = d.querySelector('article')!;
    expect([...article.querySelectorAll('sup.n')].map((s) => s.textContent)).toEqual(['1', '2', '3', '4']);
    expect(text(article)).toContain('1unemployment 2fell to 3% last year');
  });

  it('separates label and verdict, and never doubles a quote’s own quotation marks', () => {
    const item = itemFor(doc, '=HYPERLINK("http://evil.example")');
    expect(text(item).startsWith('Quote — No verdict')).toBe(true);
    // <q> adds no marks of its own: a quote that has them keeps exactly its own.
    expect(html).toMatch(/\.quote \{[^}]*quotes: none/);
  });

  it('escapes every piece of article and user text, and runs nothing', () => {
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(text(doc.querySelector('section.document h1'))).toBe(
      'Minister says unemployment *fell* to 3% [official]',
    );
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    );
    for (const el of doc.querySelectorAll('[style]'))
      expect(el.getAttribute('style')).toMatch(/^background:#[0-9a-f]{6}55(;border-color:#[0-9a-f]{6})?$/);
  });

  it('escapes hostile names, labels and colours', () => {
    const lib = cloneSnapshot();
    lib.labels.push({ id: 'evil', name: '<img src=x onerror=alert(1)>', color: 'red;x:url(y)', order: 9 });
    lib.annotations[0]!.labelId = 'evil';
    lib.annotations[0]!.author = '"><script>alert(2)</script>';
    lib.sources[0]!.name = '<b onclick=alert(3)>Minister</b>';
    lib.settings.organisationName = '<i>Desk</i>';
    lib.annotations[0]!.evidence[0]!.title = '</a><a href="javascript:alert(4)">x';
    const { html: hostile, doc: d } = render({}, lib);
    expect(d.querySelectorAll('script, img, b, i')).toHaveLength(0);
    expect([...d.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? ''))).toBe(
      true,
    );
    expect([...d.querySelectorAll('[onclick], [onerror]')]).toHaveLength(0);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).not.toContain('red;x:url');
    expect(text(d.querySelector('header.report'))).toBe('Claimdesk report · <i>Desk</i>');
  });

  it('reports only the chosen annotations (a search) and marks orphans without drawing them', () => {
    const lib = cloneSnapshot();
    lib.annotations[2]!.orphaned = true;
    const { doc: d } = render(
      { documentIds: [english.id], annotationIds: [lib.annotations[0]!.id, lib.annotations[2]!.id] },
      lib,
    );
    expect([...d.querySelectorAll('q.quote')].map((q) => q.textContent)).toEqual([
      'unemployment fell to 3% last year',
      'We have created 200,000 jobs,',
    ]);
    expect([...d.querySelectorAll('article mark')].map((m) => m.textContent)).toEqual([
      'unemployment fell to 3% last year',
    ]);
    expect(text(itemFor(d, 'We have created 200,000 jobs,').querySelector('.orphan'))).toMatch(
      /^Not found in the current text/,
    );
    expect(d.title).toBe('Minister says unemployment *fell* to 3% [official] — Claimdesk report');
  });

  it('says when an article’s text is missing (annotations from a W3C file)', () => {
    const lib = cloneSnapshot();
    lib.documents[0] = { ...english, blocks: [], text: '' };
    const { doc: d } = render({ documentIds: [english.id] }, lib);
    expect(text(d.querySelector('.missing-text'))).toMatch(/text is not available/);
    expect(d.querySelectorAll('q.quote')).toHaveLength(3);
  });
});
