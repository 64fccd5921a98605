// A news dump's per-article details — web address, date, outlet, author — read from the detail
// lines that open an article's body, on the real dumps (which carry none, and must yield none)
// and on the sample with detail lines added; the detail lines themselves are pure functions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detailOf, dumpDate } from '../../../src-main/import/dump-details';
import { parseFile } from '../../../src-main/import/index';
import { parseNewsDump } from '../../../src-main/import/news-dump';
import { corpusBytes } from './corpus-helpers';

const sample = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/sample/${name}`, import.meta.url))));

const detailsOf = (a: {
  url?: string | null;
  published: string | null;
  siteName?: string | null;
  author: string | null;
}) => ({
  url: a.url ?? null,
  published: a.published,
  outlet: a.siteName ?? null,
  author: a.author,
});
const NONE = { url: null, published: null, outlet: null, author: null };

describe('news-dump details', () => {
  it('finds none in the real dumps: captions, credits and residue are not details', async () => {
    for (const [dir, name] of [
      ['sample', 'asharq-two-articles.txt'],
      ['corpus', 'velmora-three-articles-crlf.txt'],
      ['corpus', 'arabic-economy-utf8.txt'],
    ] as const) {
      const bytes = dir === 'sample' ? sample(name) : corpusBytes(name);
      const parsed = await parseFile(name, bytes);
      expect(parsed.format, name).toBe('news-dump');
      for (const a of parsed.articles) expect(detailsOf(a), `${name}: ${a.title}`).toEqual(NONE);
    }
  });

  it('reads labelled lines, a date line and a byline from the sample with details', async () => {
    const parsed = await parseFile('asharq.txt', sample('asharq-two-articles-with-details.txt'));
    expect(parsed.format).toBe('news-dump');
    expect(parsed.articles.map((a) => a.title)).toEqual([
      'Putin’s Message to Syria’s Al-Sharaa: A Step Toward Restoring Ties?',
      'Iraq’s Sadr to Boycott Elections, Says Doesn’t Want to Work with ‘Corrupt’ Figures',
    ]);
    const [first, second] = parsed.articles;
    expect(detailsOf(first!)).toEqual({
      url: 'https://english.aawsat.com/arab-world/putins-message-to-syrias-al-sharaa',
      published: '2025-03-13',
      outlet: 'Asharq Al-Awsat',
      author: 'Raed Jaber',
    });
    expect(detailsOf(second!)).toEqual({
      url: null,
      published: '2025-03-28',
      outlet: null,
      author: 'Fadhel al-Nashmi',
    });
    // The header is read as before: caption and credit, the story's paragraphs all kept.
    expect(first).toMatchObject({ credit: 'RT' });
    expect(second).toMatchObject({ credit: 'Reuters' });
    expect(first!.blocks.at(-1)?.text).toBe(
      (await parseFile('a.txt', sample('asharq-two-articles.txt'))).articles[0]!.blocks.at(-1)?.text,
    );
  });

  it('reads the run that opens the body, and nothing further down', () => {
    const text = [
      'Port Reports Record',
      'By Elena Marsh\nSource: Velmora Courier',
      'The port said on Monday that grain exports rose.',
      'Date: 2026-03-02',
      'https://example.org/not-a-detail',
    ].join('\n\n');
    const [a] = parseNewsDump(text);
    expect(detailsOf(a!)).toEqual({
      url: null,
      published: null,
      outlet: 'Velmora Courier',
      author: 'Elena Marsh',
    });
  });

  it('reads Arabic labels and Arabic-Indic digits', () => {
    const text = [
      'وزير الاقتصاد: نمو الصادرات',
      'التاريخ: ١٣ مارس ٢٠٢٥\nالمصدر: الشرق الأوسط\nبقلم رائد جبر\nالرابط: https://aawsat.com/node/1',
      'قال وزير الاقتصاد في مؤتمر صحافي يوم الأحد إن الصادرات ارتفعت.',
    ].join('\n\n');
    const [a] = parseNewsDump(text);
    expect(detailsOf(a!)).toEqual({
      url: 'https://aawsat.com/node/1',
      published: '2025-03-13',
      outlet: 'الشرق الأوسط',
      author: 'رائد جبر',
    });
  });

  it('takes dates as the line gives them: a day without a zone stays a day', () => {
    expect(dumpDate('Thursday, 13 March, 2025 - 06:45')).toBe('2025-03-13');
    expect(dumpDate('March 13, 2025')).toBe('2025-03-13');
    expect(dumpDate('الخميس - 13 شهر رمضان 1446 هـ - 13 مارس 2025 مـ')).toBe('2025-03-13');
    expect(dumpDate('2025-03-13T06:45:00+03:00')).toBe('2025-03-13T03:45:00Z');
    expect(dumpDate('2025-03-13 06:45')).toBe('2025-03-13');
    // Ambiguous, impossible or not a date at all: nothing.
    for (const line of ['13/03/2025', '31 February 2025', 'Sunday', '20', 'TT', 'March 2025 was dry'])
      expect(dumpDate(line), line).toBeNull();
  });

  it('refuses what only looks like a detail', () => {
    for (const line of [
      'By the end of the year, prices rose.',
      'The minister said: prices will rise',
      'URL: javascript:alert(1)',
      'Source: ' + 'x'.repeat(200),
      'https://example.org/with space',
    ])
      expect(detailOf(line), line).toBeNull();
    expect(detailOf('Source: https://example.org/story')).toEqual({
      field: 'url',
      value: 'https://example.org/story',
    });
  });
});
