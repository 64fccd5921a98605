import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { canonicalBlockText } from '../shared/canonical-oracle';
import { typedLinkHref } from '../../../src-shared/export/urls';
import { markdownLines, markdownLink, markdownLine } from '../../../src-shared/export/markdown-escape';
import { highlightBlock, type HighlightSpan } from '../../../src-shared/export/markdown-highlights';
import { markdownReport } from '../../../src-shared/export/markdown-report';
import { arbitrarySnapshot, hostileText } from './arbitraries';
import { arabic, empty, english, snapshot } from './fixture-snapshot';

function nodes(tree: Nodes): Nodes[] {
  return [tree, ...('children' in tree ? tree.children.flatMap((c) => nodes(c)) : [])];
}
const parse = (md: string): Root => fromMarkdown(md);
const types = (md: string): Set<string> => new Set(nodes(parse(md)).map((n) => n.type));
const WITHOUT_MARKERS = /\[\d+\] /g;
const bare = (text: string): string => text.replace(WITHOUT_MARKERS, '').replace(/\s/g, '');

describe('markdownReport', () => {
  const report = markdownReport(snapshot, [english.id, arabic.id, empty.id]);
  const tree = parse(report);

  it('reports each document with its metadata, article and annotations', () => {
    const headings = nodes(tree)
      .filter((n) => n.type === 'heading' && n.depth === 2)
      .map((n) => toString(n));
    expect(headings).toEqual(['Summary', english.title, arabic.title, empty.title]);
    expect(report).toContain('- **Source file:** minister-speech.md');
    expect(report).toContain('- **Author:** Jane Doe');
    expect(report).toContain('#### [1] Statistic — False');
    expect(report).toContain('- **Claimant:** وكالة الأنباء الرسمية');
    expect(report).toContain('- **Status:** Published · **Priority:** High');
    expect(report).toContain('- **Analyst:** محلل');
  });

  it('marks highlights with numbered bold markers in the article text', () => {
    expect(report).toContain(
      'The minister said **[1] unemployment fell to 3% last year**, the lowest since 1990.',
    );
    expect(report).toContain('قال الوزير إن **[1] معدل البطالة [2] انخفض إلى ٣٪ في العام الماضي**، وهو');
    const strong = nodes(tree)
      .filter((n) => n.type === 'strong')
      .map((n) => toString(n));
    expect(strong).toContain('[2] =HYPERLINK("http://evil.example")');
  });

  it('numbers nested highlights in reading order, an enclosing one before those inside it', () => {
    const lib = structuredClone(snapshot);
    const outer = lib.annotations[0]!;
    const { start } = outer.target.position;
    // Same start, shorter: inside the first highlight.
    lib.annotations.unshift({
      ...structuredClone(outer),
      id: 'inner',
      labelId: 'claim',
      verdict: null,
      target: {
        ...outer.target,
        position: { type: 'TextPositionSelector', start, end: start + 'unemployment'.length },
      },
    });
    const md = markdownReport(lib, [english.id]);
    expect(md).toContain('**[1] [2] unemployment fell to 3% last year**');
    expect(md).toContain('#### [1] Statistic — False');
    expect(md).toContain('#### [2] Claim — No verdict');
  });

  it('escapes Markdown in article text so it stays text', () => {
    const section = report.slice(report.indexOf('Readers typed'), report.indexOf('> "'));
    expect(types(section)).toEqual(new Set(['root', 'paragraph', 'text', 'strong']));
    expect(toString(parse(section))).toBe(
      'Readers typed [2] =HYPERLINK("http://evil.example") into a sheet; see [this](javascript:alert(1)) and <script>alert(1)</script> # not a heading.',
    );
    expect(report).toContain('###### 1\\. What the figures show');
  });

  it('links only http(s) evidence, with escaped link text', () => {
    const links = nodes(tree).filter((n) => n.type === 'link');
    expect(links.map((l) => [toString(l), l.url])).toEqual([
      ['Labour survey [2024]', 'https://stats.example/labour?year=2024&q=%28all%29'],
      ['https://stats.example/jobs', 'https://stats.example/jobs'],
      ['تقرير العمل', 'https://news.example.org/ar/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1'],
    ]);
    expect(report).toContain('  - javascript:alert(1) — Context');
    expect(nodes(tree).some((n) => n.type === 'html')).toBe(false);
  });

  it('sums up by verdict, label and source', () => {
    expect(report).toContain(
      '| Verdict | Annotations |\n| --- | ---: |\n| Mostly true | 1 |\n| Misleading | 1 |',
    );
    expect(report).toContain('| No verdict | 1 |');
    expect(report).toContain('| Claim | 2 |\n| Statistic | 2 |\n| Quote | 1 |');
    expect(report).toContain('| Minister of Labour | 2 | Misleading 1, False 1 |');
    expect(report).toContain('| No claimant | 2 | Unverifiable 1, No verdict 1 |');
  });

  it('covers only the listed documents, in the given order', () => {
    const one = markdownReport(snapshot, [arabic.id, 'unknown', arabic.id]);
    expect(one).toContain('1 documents · 2 annotations');
    expect(one).not.toContain(english.title);
    expect(markdownReport(snapshot, [])).toContain('0 documents · 0 annotations');
  });

  it('never lets library text create links, images or HTML', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (library) => {
        const md = markdownReport(
          library,
          library.documents.map((d) => d.id),
        );
        const all = nodes(parse(md));
        expect(all.some((n) => n.type === 'html' || n.type === 'image')).toBe(false);
        for (const n of all) if (n.type === 'link') expect(n.url).toMatch(/^https?:\/\//);
        const links = library.annotations
          .flatMap((a) => a.evidence)
          .filter((e) => typedLinkHref(e.url) !== null);
        expect(all.filter((n) => n.type === 'link').length).toBeLessThanOrEqual(links.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('highlightBlock', () => {
  const spans = fc.array(
    fc.record({ start: fc.integer({ min: -5, max: 60 }), length: fc.integer({ min: 0, max: 30 }) }),
    { maxLength: 4 },
  );

  it('keeps the text, in bold exactly where highlighted, with a marker per span', () => {
    fc.assert(
      fc.property(hostileText, spans, (raw, seeds) => {
        const text = canonicalBlockText(raw);
        const list: HighlightSpan[] = seeds.map((s, i) => ({
          start: s.start,
          end: s.start + s.length,
          marker: `[${i + 1}]`,
        }));
        const md = highlightBlock(text, list);
        const tree = parse(md);
        expect(bare(toString(tree))).toBe(bare(text));
        const kinds = new Set(nodes(tree).map((n) => n.type));
        for (const k of kinds) expect(['root', 'paragraph', 'text', 'strong']).toContain(k);
        const covered = list.some((s) => text.slice(Math.max(0, s.start), Math.max(0, s.end)).trim() !== '');
        expect(kinds.has('strong')).toBe(covered);
        const shown = list.filter((s) => s.start >= 0 && s.start < text.length);
        for (const s of shown) expect(toString(tree)).toContain(s.marker);
      }),
      { numRuns: 500 },
    );
  });

  it('puts a space beside asterisks that would otherwise sit inside a word', () => {
    expect(highlightBlock('abc(def)ghi', [{ start: 3, end: 8, marker: '[1]' }])).toBe(
      'abc **[1] (def)** ghi',
    );
    expect(highlightBlock('word', [{ start: 0, end: 4, marker: '[1]' }])).toBe('**[1] word**');
  });
});

describe('markdown escaping', () => {
  it('escapes line starts, inline syntax and multi-line text', () => {
    expect(markdownLine('# 1. *x* [a](b) <i> | `c`')).toBe('\\# 1. \\*x\\* \\[a\\](b) \\<i\\> \\| \\`c\\`');
    expect(markdownLine('1. first')).toBe('1\\. first');
    expect(markdownLine('- item\nnext')).toBe('\\- item next');
    expect(markdownLines('one\n\n+ two', '  ')).toBe('one\n\n  \\+ two');
    expect(markdownLink('a]b', 'https://x.example/a(b)')).toBe('[a\\]b](https://x.example/a%28b%29)');
  });
});
