// Every importer keeps within limits on pathological input: deep nesting is flattened or refused,
// huge markup and zip bombs are refused, each with a message naming the problem.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';
import { MAX_DEPTH, MAX_ELEMENTS } from '../../../src-main/import/html-limits';
import { MAX_DELIMITERS } from '../../../src-main/import/markdown-limits';
import { rawZip } from '../qda/zip-safety';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const PROSE = 'The council voted to cut library hours by a third on Tuesday. '.repeat(8);

const nested = (tag: string, depth: number): string =>
  `<html><head><title>Deep</title></head><body>${`<${tag}>`.repeat(depth)}<p>${PROSE}</p>${`</${tag}>`.repeat(depth)}</body></html>`;

// Generous limits: these parse real pathological inputs, on machines that may be busy.
describe('HTML limits', { timeout: 90_000 }, () => {
  it('flattens 2,000 nested <div>s and keeps the article', async () => {
    const { articles } = await parseFile('deep.html', utf8(nested('div', 2000)));
    expect(articles[0]?.blocks.map((b) => b.text)).toEqual([PROSE.trim()]);
  });

  it('refuses a page still too deep once wrappers are flattened', async () => {
    await expect(parseFile('quotes.html', utf8(nested('blockquote', 2000)))).rejects.toThrow(
      `the page is nested 2,003 levels deep, more than the ${MAX_DEPTH} read`,
    );
  });

  it('refuses a page with more elements than any article page', async () => {
    const html = `<html><body><p>${PROSE}</p>${'<br>'.repeat(MAX_ELEMENTS + 10)}</body></html>`;
    await expect(parseFile('many.html', utf8(html))).rejects.toThrow(/elements, more than the 30,000 read/);
  });
});

describe('Markdown limits', { timeout: 90_000 }, () => {
  it('reads 1,000 nested list items, every word kept', async () => {
    const md = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const { articles } = await parseFile('list.md', utf8(`# Lists\n\n${md}`));
    const items = articles[0]?.blocks.filter((b) => b.kind === 'list-item') ?? [];
    expect(items).toHaveLength(1000);
    expect(items[999]?.text).toBe('item 999');
  });

  it('refuses a paragraph of more inline markup than any article has, naming its line', async () => {
    const md = `# Title\n\nFirst paragraph.\n\n${'['.repeat(MAX_DELIMITERS + 1)}x`;
    await expect(parseFile('brackets.md', utf8(md))).rejects.toThrow(
      /the paragraph at line 5 has more than 2,000 markup characters/,
    );
  });
});

describe('Word limits', { timeout: 90_000 }, () => {
  const types = {
    name: '[Content_Types].xml',
    data: utf8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
  };

  it('refuses a document part that would expand like a zip bomb, before mammoth reads it', async () => {
    const bomb = rawZip([
      types,
      { name: 'word/document.xml', data: new Uint8Array(4 * 1024 * 1024), deflate: true },
    ]);
    expect(bomb.length).toBeLessThan(20_000);
    await expect(parseFile('bomb.docx', bomb)).rejects.toThrow(
      /the Word document is damaged or unsafe: the entry “word\/document.xml” would expand \d+-fold/,
    );
  });

  it('stops a part that holds more than it declares', async () => {
    const data = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    expect(deflateSync(data).length).toBeGreaterThan(1000);
    const lying = rawZip([types, { name: 'word/document.xml', data, deflate: true, declaredSize: 1000 }]);
    await expect(parseFile('lying.docx', lying)).rejects.toThrow(/holds more than the size it declares/);
  });
});
