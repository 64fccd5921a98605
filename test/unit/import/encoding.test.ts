// Bytes → text: BOMs, UTF-8, legacy detection (windows-1256 over ISO-8859-6), the override.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src-main/import/decode';
import { detectLegacyEncoding, encodingName } from '../../../src-main/import/encoding';
import { parseFile } from '../../../src-main/import/index';
import { ImportError } from '../../../src-main/import/errors';
import { corpusBytes, utf8 } from './corpus-helpers';

const ARABIC = 'قال وزير الاقتصاد في مؤتمر صحافي يوم الأحد إن صادرات البلاد غير النفطية ارتفعت.';

describe('decoding', () => {
  it('honours BOMs: UTF-8, UTF-16 LE and BE', () => {
    const text = 'Zoë said “hello”';
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({
      text,
      encoding: 'utf-8',
    });
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('reads what follows a UTF-8 BOM however short, and finds no text in a BOM alone', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    for (const title of ['A', 'Ab', 'Abc', 'Abcd', 'Zoë']) {
      const parsed = await parseFile('short.txt', new Uint8Array([...bom, ...utf8(title)]));
      expect(parsed.articles.map((a) => a.title)).toEqual([title]);
    }
    await expect(parseFile('bom.txt', new Uint8Array(bom))).rejects.toThrow(new ImportError('no text found'));
  });

  it('recognises UTF-16 that lost its BOM', () => {
    const text = 'The council voted 7 to 4 on Tuesday night.';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'utf-16le')))).toEqual({
      text,
      encoding: 'utf-16le',
    });
    expect(decodeText(new Uint8Array(iconv.encode(text, 'utf-16be')))).toEqual({
      text,
      encoding: 'utf-16be',
    });
  });

  it('detects windows-1256 Arabic, preferring it to ISO-8859-6', () => {
    const bytes = corpusBytes('arabic-economy-windows1256.txt');
    expect(detectLegacyEncoding(bytes)).toBe('windows-1256');
    const decoded = decodeText(new Uint8Array(iconv.encode(ARABIC, 'windows-1256')));
    expect(decoded).toEqual({ text: ARABIC, encoding: 'windows-1256' });
  });

  it('detects a Western legacy encoding', () => {
    const text = 'Le café de la société générale a été fermé à Noël, dit le député. '.repeat(5);
    const decoded = decodeText(new Uint8Array(iconv.encode(text, 'windows-1252')));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toMatch(/^(windows-1252|iso-8859-1|iso-8859-15)$/);
  });

  it('uses a charset the HTML declares', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="windows-1256"><title>عنوان</title></head><body><article><p>${ARABIC}</p></article></body></html>`;
    const parsed = await parseFile('page.html', new Uint8Array(iconv.encode(html, 'windows-1256')));
    expect(parsed.encoding).toBe('windows-1256');
    expect(parsed.articles[0]?.blocks[0]?.text).toBe(ARABIC);
    expect(parsed.articles[0]?.direction).toBe('rtl');
  });

  it('names encodings canonically', () => {
    expect(encodingName('UTF8')).toBe('utf-8');
    expect(encodingName('Windows-1256')).toBe('windows-1256');
    expect(encodingName('cp1256')).toBe('windows-1256');
    expect(encodingName('no-such-encoding')).toBeNull();
  });
});

describe('encoding override', () => {
  it('decodes with the analyst’s encoding instead of the detected one', async () => {
    const bytes = corpusBytes('arabic-economy-windows1256.txt');
    const asIso = await parseFile('a.txt', bytes, { encoding: 'ISO-8859-6' });
    expect(asIso.encoding).toBe('iso-8859-6');
    expect(asIso.articles[0]?.title).not.toContain('وزير');
    const as1256 = await parseFile('a.txt', bytes, { encoding: 'windows-1256' });
    expect(as1256.articles[0]?.title).toContain('وزير الاقتصاد');
  });

  it('rejects an unknown encoding name with an ImportError', async () => {
    const result = parseFile('a.txt', utf8('Title\n\nBody'), { encoding: 'klingon-8' });
    await expect(result).rejects.toBeInstanceOf(ImportError);
    await expect(result).rejects.toThrow('unknown encoding "klingon-8"');
  });
});

describe('format detection', () => {
  it('reads content first: HTML named .txt, Markdown named .md, plain text', async () => {
    const html =
      '<!doctype html><html><head><title>Real Title</title></head><body><article><p>Body text.</p></article></body></html>';
    expect((await parseFile('page.txt', utf8(html))).format).toBe('html');
    expect((await parseFile('notes.md', utf8('Title line\n\nBody *text*.'))).format).toBe('markdown');
    const plain = await parseFile('notes.txt', utf8('Plain Title\nfirst line of body\n\nSecond paragraph.'));
    expect(plain.format).toBe('text');
    expect(plain.articles[0]?.title).toBe('Plain Title');
    expect(plain.articles[0]?.blocks.map((b) => b.text)).toEqual(['first line of body', 'Second paragraph.']);
  });

  it('refuses a ZIP that is not a Word document and old .doc files', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('xl/workbook.xml')]);
    await expect(parseFile('sheet.xlsx', zip)).rejects.toThrow('not a Word document');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await expect(parseFile('old.doc', ole)).rejects.toThrow('.docx');
  });
});
