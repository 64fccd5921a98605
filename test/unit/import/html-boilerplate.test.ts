// HTML import of real news pages (test/fixtures/html/SOURCE.md): what sites leave around an
// article — screen-reader labels, "Continue reading the main story", "[Read: …]" links, a "Read
// more:" list, captions set as bullet points, the outlet or author after the title — stays out
// of the article; the outlet is kept as the site name.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { titleWithoutSite, withoutBoilerplateBlocks } from '../../../src-main/import/boilerplate';
import { parseHtml } from '../../../src-main/import/html';
import { parseFile } from '../../../src-main/import/index';
import type { ParseProgress } from '../../../src-main/import/progress';
import { showsProgress } from '../../../src-renderer/src/app/import-files';

const dir = fileURLToPath(new URL('../../fixtures/html/news/', import.meta.url));

async function importPage(name: string) {
  const { articles } = await parseFile(name, new Uint8Array(readFileSync(`${dir}${name}`)));
  expect(articles).toHaveLength(1);
  const article = articles[0]!;
  const texts = article.blocks.map((b) => b.text);
  return { ...article, texts, text: texts.join('\n') };
}

describe('HTML import of news pages', { timeout: 30_000 }, () => {
  it('New York Times: no "Photo", "Credit" or "Continue reading the main story"', async () => {
    const a = await importPage('nytimes-sudan.html');
    expect(a.title).toBe('United States to Lift Sudan Sanctions');
    expect(a.siteName).toBe('The New York Times');
    expect(a.caption).toMatch(/^United Nations peacekeepers at a refugee camp in Sudan on Monday\./);
    expect(a.caption).not.toMatch(/Credit/);
    expect(a.texts).toHaveLength(6);
    expect(a.texts[0]).toMatch(/^LONDON — After nearly 20 years/);
    expect(a.texts.at(-1)).toMatch(/“deal with the devil\.”$/);
    expect(a.text).not.toMatch(/\bPhoto\b|Continue reading the main story/);
  });

  it('Washington Post: no "[Read: …]" or bracketed links, no "Read more:" list', async () => {
    const a = await importPage('wapo-tunisia.html');
    expect(a.title).toBe('Gunmen kill 19 at Tunisia’s Bardo museum');
    expect(a.texts).toHaveLength(8);
    expect(a.text).not.toMatch(/\[Read:|Bardo museum houses amazing|Read more|sobering lesson/);
    expect(a.texts.at(-1)).toBe('Heba Habib contributed to this report.');
  });

  it('Guardian: captions set as bullet points become captions, not list items; the author leaves the title', async () => {
    const a = await importPage('guardian-whales.html');
    expect(a.title).toBe('‘We feel that is ridiculous’: the Māori whale whisperer'.replace(/[‘’]/g, "'"));
    expect(a.blocks.filter((b) => b.kind === 'list-item')).toEqual([]);
    expect(a.caption).toBe('Hori Parata at his Pātaua farm, the place where he was born and grew up');
    expect(a.text).not.toMatch(/Kauri \(Te Kaurinui Robert\)/);
    expect(a.texts).toHaveLength(7);
  });

  it('BBC: " - BBC News" leaves the title and stays as the site name', async () => {
    const a = await importPage('bbc-title.html');
    expect(a.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(a.siteName).toBe('BBC News');
  });
});

describe('titleWithoutSite', () => {
  it('drops a trailing part only when it names the site or the author', () => {
    expect(titleWithoutSite('Gun laws - BBC News', ['BBC News'])).toBe('Gun laws');
    expect(titleWithoutSite('Whales | Eleanor Ainge Roy', [null, 'Eleanor Ainge Roy'])).toBe('Whales');
    expect(
      titleWithoutSite('Whales | Eleanor Ainge Roy | The Guardian', ['The Guardian', 'Eleanor Ainge Roy']),
    ).toBe('Whales');
    expect(titleWithoutSite('Al-Monitor report – Al-Monitor', ['Al-Monitor'])).toBe('Al-Monitor report');
    // A dash that is part of the title stays.
    expect(titleWithoutSite('Iran - US talks resume', ['BBC News'])).toBe('Iran - US talks resume');
    expect(titleWithoutSite('BBC News', ['BBC News'])).toBe('BBC News');
    expect(titleWithoutSite('Markets - Reuters', [])).toBe('Markets - Reuters');
  });
});

describe('withoutBoilerplateBlocks', () => {
  it('keeps a "Read more" sentence that is article text', () => {
    const blocks = [
      { kind: 'paragraph' as const, text: 'Read more: the minister said nothing else.' },
      { kind: 'paragraph' as const, text: 'Photo' },
    ];
    expect(withoutBoilerplateBlocks(blocks).map((b) => b.text)).toEqual([
      'Read more: the minister said nothing else.',
    ]);
  });
});

describe('progress of a large web page', () => {
  it('reports each stage of reading a page', async () => {
    const stages: number[] = [];
    await parseHtml(readFileSync(`${dir}wapo-tunisia.html`, 'utf8'), 'page', (done) => stages.push(done));
    expect(stages).toEqual([0.4, 0.8, 1]);
  });

  it(
    'reports a page of a few hundred KB as it goes, never beyond its size or going back',
    {
      timeout: 60_000,
    },
    async () => {
      const paragraph =
        '<p>The minister said exports rose by twelve percent last year, a figure disputed.</p>';
      const html = `<html><head><title>Long page</title></head><body><article>${paragraph.repeat(4000)}</article></body></html>`;
      const bytes = new TextEncoder().encode(html);
      expect(bytes.byteLength).toBeGreaterThan(300_000);
      const seen: ParseProgress[] = [];
      const started = performance.now();
      await parseFile('long.html', bytes, { onProgress: (p) => seen.push(p) });
      // Reports come every 100 ms: a parse that took a few intervals must have sent some.
      if (performance.now() - started > 500) expect(seen.length).toBeGreaterThan(0);
      for (const [i, p] of seen.entries()) {
        expect(p.bytes).toBeLessThanOrEqual(bytes.byteLength);
        expect(p.bytes).toBeGreaterThanOrEqual(seen[i - 1]?.bytes ?? 0);
      }
    },
  );

  it('shows the progress bar for web pages from 200 KB, for other files from 2 MB', () => {
    expect(showsProgress('page.html', 300 * 1024)).toBe(true);
    expect(showsProgress('PAGE.HTM', 300 * 1024)).toBe(true);
    expect(showsProgress('notes.txt', 300 * 1024)).toBe(false);
    expect(showsProgress('dump.txt', 3 * 1024 * 1024)).toBe(true);
    expect(showsProgress('page.html', 100 * 1024)).toBe(false);
  });
});
