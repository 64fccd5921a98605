// Article details captured on import: a real BBC page's canonical link, og:site_name and JSON-LD
// datePublished; JSON-LD kin and broken JSON-LD; Markdown front matter.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frontMatter, titleSuffixOutlet } from '../../../src-main/import/article-meta';
import { parseFile } from '../../../src-main/import/index';

const bbc = fileURLToPath(new URL('../../fixtures/html/bbc-obama/source.html', import.meta.url));

const page = (
  head: string,
  body = '<article><h1>Budget</h1><p>The council said the budget doubled.</p></article>',
) => new TextEncoder().encode(`<html><head>${head}</head><body>${body}</body></html>`);

describe('article details from web pages', () => {
  it('reads the BBC page’s address, outlet and JSON-LD date, and keeps its six links', async () => {
    const { articles } = await parseFile('bbc.html', new Uint8Array(readFileSync(bbc)));
    const a = articles[0]!;
    expect(a.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(a.url).toBe('http://www.bbc.com/news/world-us-canada-33646704');
    expect(a.siteName).toBe('BBC News');
    expect(a.published).toBe('2015-07-24T04:36:09Z');
    // The page names the outlet as its author: that is not a byline.
    expect(a.author).toBeNull();
    expect(a.blocks.flatMap((b) => b.links ?? []).map((l) => l.href)).toHaveLength(6);
  });

  it('takes NewsArticle JSON-LD inside @graph, its author and publisher, and refuses non-web addresses', async () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Ignored' },
        {
          '@type': ['NewsArticle'],
          mainEntityOfPage: { '@id': 'https://news.example.org/a/1' },
          datePublished: '2026-03-14T09:30:00+03:00',
          author: [{ '@type': 'Person', name: 'Huda Saleh' }],
          publisher: { '@type': 'Organization', name: 'Example News' },
        },
      ],
    });
    const { articles } = await parseFile(
      'a.html',
      page(
        `<title>Budget</title><link rel="canonical" href="javascript:alert(1)"><script type="application/ld+json">${ld}</script>`,
      ),
    );
    expect(articles[0]).toMatchObject({
      url: 'https://news.example.org/a/1',
      published: '2026-03-14T06:30:00Z',
      author: 'Huda Saleh',
      siteName: 'Example News',
    });
  });

  it('survives broken JSON-LD and falls back to article: meta and a title suffix', async () => {
    const { articles } = await parseFile(
      'b.html',
      page(
        `<title>Budget doubles | Velmora Courier</title><script type="application/ld+json">{not json</script>` +
          `<meta property="article:published_time" content="2026-01-02T03:04:05Z"><meta name="author" content="Dana Kowalski">`,
      ),
    );
    expect(articles[0]).toMatchObject({
      published: '2026-01-02T03:04:05Z',
      author: 'Dana Kowalski',
      siteName: 'Velmora Courier',
    });
    expect(articles[0]?.url).toBeUndefined();
  });

  it('reads an outlet from a title suffix only when it looks like a name', () => {
    expect(titleSuffixOutlet("Obama admits US gun laws are his 'biggest frustration' - BBC News")).toBe(
      'BBC News',
    );
    expect(titleSuffixOutlet('Budget - what it means for you and your family this year')).toBeNull();
    expect(titleSuffixOutlet('No suffix here')).toBeNull();
  });
});

describe('Markdown front matter', () => {
  it('gives the details and leaves the text without it', async () => {
    const text = [
      '---',
      'title: "Library hours"',
      'url: https://velmora.example/news/library-hours',
      'date: 2026-02-01',
      'source: Velmora Courier',
      'author: Dana Kowalski',
      '---',
      '# Library hours extended',
      '',
      'The library will open on Sundays.',
    ].join('\n');
    const { articles } = await parseFile('hours.md', new TextEncoder().encode(text));
    expect(articles[0]).toMatchObject({
      title: 'Library hours extended',
      url: 'https://velmora.example/news/library-hours',
      published: '2026-02-01T00:00:00Z',
      siteName: 'Velmora Courier',
      author: 'Dana Kowalski',
    });
    expect(articles[0]?.blocks.map((b) => b.text)).toEqual(['The library will open on Sundays.']);
    expect(frontMatter('# No front matter')).toBeNull();
  });
});
