// Markdown import: block kinds, markup-free text, links with offsets into the canonical text.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src-main/import/markdown';
import { finalizeArticle } from '../../../src-main/import/article';

async function parse(md: string) {
  const [draft] = parseMarkdown(md);
  if (!draft) throw new Error('no article');
  return finalizeArticle(draft);
}

describe('Markdown import', () => {
  it('shows emphasis, strong and code as plain text and keeps link addresses', async () => {
    const a = await parse(
      '# Title\n\nThe **mayor** said `budget` cuts [were *not* needed](https://example.org/a "t") and [ref][r].\n\n[r]: https://example.org/ref\n',
    );
    const [b] = a.blocks;
    expect(b?.text).toBe('The mayor said budget cuts were not needed and ref.');
    expect(b?.links?.map((l) => [b.text.slice(l.start, l.end), l.href])).toEqual([
      ['were not needed', 'https://example.org/a'],
      ['ref', 'https://example.org/ref'],
    ]);
  });

  it('keeps only http(s) and mailto links; drops raw HTML and images', async () => {
    const a = await parse(
      '# T\n\n[bad](javascript:alert(1)) [mail](mailto:desk@example.org) ![pic](https://x/y.png) <script>alert(1)</script> end\n\n<div onclick="x()">raw block</div>\n',
    );
    expect(a.blocks.map((b) => b.text)).toEqual(['bad mail end']);
    expect(a.blocks[0]?.links).toEqual([{ start: 4, end: 8, href: 'mailto:desk@example.org' }]);
  });

  it('takes the first level-1 heading as title, else the first block', async () => {
    expect((await parse('Intro line\n\n# Real Title\n\nBody.')).title).toBe('Real Title');
    const a = await parse('## Sub heading\n\nBody.');
    expect(a.title).toBe('Sub heading');
    expect(a.blocks.map((b) => b.text)).toEqual(['Body.']);
  });

  it('makes nested list items and quoted paragraphs their own blocks', async () => {
    const a = await parse('# T\n\n- one\n  - one.a\n- two\n\n> q1\n>\n> q2\n');
    expect(a.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['list-item', 'one'],
      ['list-item', 'one.a'],
      ['list-item', 'two'],
      ['quote', 'q1'],
      ['quote', 'q2'],
    ]);
  });
});
