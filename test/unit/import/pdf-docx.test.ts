// PDF and Word import, on fixtures built in the test with pdf-lib and docx.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';
import { ImportError } from '../../../src-main/import/errors';
import { layoutPdf, type TextRun } from '../../../src-main/import/pdf-layout';
import { DOCX_TITLE, PDF_TITLE, imageOnlyPdf, passwordPdf, sampleDocx, twoPagePdf } from './build-fixtures';

describe('PDF import', () => {
  it('groups lines into paragraphs, finds headings by size, drops page numbers', async () => {
    const { format, articles } = await parseFile('report.pdf', await twoPagePdf());
    expect([format, articles[0]?.title]).toEqual(['pdf', PDF_TITLE]);
    const a = articles[0];
    expect(a?.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(a?.blocks[0]?.text).toBe(
      'Paragraph 1.1 begins here and runs on across the whole line and ends on a second line.',
    );
    expect(a?.blocks[3]).toMatchObject({ text: 'Reactions', level: 2 });
    expect(a?.blocks.some((b) => /^\d+$/.test(b.text))).toBe(false);
  });

  it('takes the first line as title when no heading stands out', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([400, 400]);
    ['Ferry fares rise', 'The ferry company raised fares by 8 percent.'].forEach((text, i) =>
      page.drawText(text, { x: 40, y: 300 - i * 40, size: 12, font }),
    );
    const [a] = (await parseFile('fares.pdf', await doc.save())).articles;
    expect(a?.title).toBe('Ferry fares rise');
    expect(a?.blocks.map((b) => b.text)).toEqual(['The ferry company raised fares by 8 percent.']);
  });

  it('says a PDF without a text layer needs OCR', async () => {
    await expect(parseFile('scan.pdf', await imageOnlyPdf())).rejects.toThrow(
      'the PDF has no text layer (scanned images?); run OCR first',
    );
  });

  it('says a password-protected PDF is password-protected', async () => {
    await expect(parseFile('locked.pdf', await passwordPdf())).rejects.toThrow(
      'the PDF is password-protected',
    );
  });

  it('says a cut-short or mangled PDF is damaged', async () => {
    const whole = await twoPagePdf();
    const cut = parseFile('cut.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(cut).rejects.toBeInstanceOf(ImportError);
    await expect(cut).rejects.toThrow('the PDF is damaged or incomplete');
    const garbage = new Uint8Array([
      ...new TextEncoder().encode('%PDF-1.7\n'),
      ...whole.subarray(400, 900),
      ...new TextEncoder().encode('\n%%EOF\n'),
    ]);
    await expect(parseFile('garbage.pdf', garbage)).rejects.toBeInstanceOf(ImportError);
  });

  it('joins a word hyphenated across lines and a paragraph continued on the next page', () => {
    const run = (text: string, y: number, x = 50): TextRun => ({
      text,
      x,
      y,
      width: text.length * 6,
      size: 12,
      eol: false,
    });
    const { blocks } = layoutPdf([
      [run('The harbour board approved the ex-', 700), run('pansion plan on Monday and said the', 685)],
      [run('work would start in June.', 780)],
    ]);
    expect(blocks.map((b) => b.text)).toEqual([
      'The harbour board approved the ex-pansion plan on Monday and said the work would start in June.',
    ]);
  });
});

describe('Word import', () => {
  it('reads title, paragraphs, headings, list items and links', async () => {
    const { format, articles } = await parseFile('plan.docx', await sampleDocx());
    expect([format, articles[0]?.title]).toEqual(['docx', DOCX_TITLE]);
    const a = articles[0];
    expect(a?.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The council voted 7 to 4 on Tuesday. See the plan.'],
      ['heading', 'What comes next'],
      ['list-item', 'A review in September.'],
      ['list-item', 'A petition in April.'],
      ['paragraph', 'The mayor said he was open to alternatives.'],
    ]);
    const link = a?.blocks[0]?.links?.[0];
    expect(link?.href).toBe('https://example.org/plan');
    expect(a?.blocks[0]?.text.slice(link?.start, link?.end)).toBe('the plan');
  });

  it('says a cut-short Word file is damaged', async () => {
    const whole = await sampleDocx();
    await expect(parseFile('cut.docx', whole.subarray(0, 600))).rejects.toThrow(
      'the Word document is damaged',
    );
  });
});
