// Every corpus file imports as expected.json says; every edge file gets its stated outcome.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';
import { ImportError } from '../../../src-main/import/errors';
import { bodyBlocks, corpusBytes, expected } from './corpus-helpers';

describe('corpus files', () => {
  for (const [file, want] of Object.entries(expected.files)) {
    it(file, async () => {
      const parsed = await parseFile(file, corpusBytes(file));
      expect(parsed.encoding).toBe(want.encoding);
      expect(parsed.articles).toHaveLength(want.articles.length);
      want.articles.forEach((w, i) => {
        const a = parsed.articles[i];
        if (!a) throw new Error(`article ${i} missing`);
        expect(a.title).toBe(w.title.normalize('NFC'));
        expect(a.caption).toBe(w.caption?.normalize('NFC') ?? null);
        expect(a.credit).toBe(w.credit);
        expect(bodyBlocks(a)).toHaveLength(w.paragraphs);
        expect(bodyBlocks(a)[0]?.text.startsWith(w.first)).toBe(true);
        expect(a.direction).toBe(w.direction);
        if (w.author !== undefined) expect(a.author).toBe(w.author);
        if (w.published !== undefined) expect(a.published).toBe(w.published);
        for (const b of a.blocks) expect(b.direction).toMatch(/^(ltr|rtl)$/);
      });
    });
  }

  it('reads the Markdown sample without markup characters, keeping the heading and the link', async () => {
    const [a] = (await parseFile('velmora-library-hours.md', corpusBytes('velmora-library-hours.md')))
      .articles;
    const all = a?.blocks.map((b) => b.text).join('\n') ?? '';
    expect(all).not.toMatch(/\*|^>|\]\(|\[/m);
    expect(a?.blocks.find((b) => b.kind === 'heading')).toMatchObject({
      text: 'What happens next',
      level: 2,
    });
    expect(a?.blocks.filter((b) => b.kind === 'quote')).toHaveLength(1);
    expect(a?.blocks.filter((b) => b.kind === 'list-item')).toHaveLength(2);
    const linked = a?.blocks.find((b) => b.links);
    const link = linked?.links?.[0];
    expect(link?.href).toBe('https://council.example.org/briefings/2026-03');
    expect(linked?.text.slice(link?.start, link?.end)).toBe('council briefing');
  });

  it('detects the format of each sample', async () => {
    const formats = await Promise.all(
      Object.keys(expected.files).map(async (f) => (await parseFile(f, corpusBytes(f))).format),
    );
    expect(formats).toEqual([
      'news-dump',
      'news-dump',
      'news-dump',
      'news-dump',
      'news-dump',
      'markdown',
      'html',
    ]);
  });
});

describe('edge files', () => {
  const reasons: Record<string, string> = {
    'edge/empty.txt': 'the file is empty',
    'edge/whitespace-only.txt': 'no text found',
    'edge/random-bytes.txt': 'not a text document (binary content)',
    'edge/truncated.pdf': 'the PDF is damaged or incomplete',
    'edge/not-really.docx': 'the Word document is damaged',
  };

  it('covers every edge file expected.json lists', () => {
    expect(Object.keys(expected.edge).sort()).toEqual([...Object.keys(reasons), 'edge/nul-byte.txt'].sort());
  });

  for (const [file, reason] of Object.entries(reasons)) {
    it(`${file}: ${reason}`, async () => {
      const result = parseFile(file, corpusBytes(file));
      await expect(result).rejects.toBeInstanceOf(ImportError);
      await expect(result).rejects.toThrow(reason);
    });
  }

  it('edge/nul-byte.txt: the text with the NUL removed', async () => {
    const parsed = await parseFile('edge/nul-byte.txt', corpusBytes('edge/nul-byte.txt'));
    const [a] = parsed.articles;
    expect(a?.title).toBe('Title with NUL byte');
    expect(a?.blocks.map((b) => b.text)).toEqual(['Body text here.']);
    expect(JSON.stringify(parsed)).not.toContain('\\u0000');
  });
});
