// PDF and Word fixtures built in the tests (pdf-lib, docx), so no binary file is checked in.
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, PDFHexString, StandardFonts, rgb } from 'pdf-lib';

export const PDF_TITLE = 'Harbour Expansion Approved';

/** Two A4 pages: a 24 pt title, paragraphs of two 12 pt lines, a 16 pt heading on page 2, page numbers. */
export async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    const heading = p === 0 ? { text: PDF_TITLE, size: 24 } : { text: 'Reactions', size: 16 };
    page.drawText(heading.text, { x: 50, y, size: heading.size, font: bold });
    y -= heading.size + 16;
    for (let k = 0; k < 3; k++) {
      page.drawText(`Paragraph ${p + 1}.${k + 1} begins here and runs on across the whole line`, {
        x: 50,
        y,
        size: 12,
        font,
      });
      page.drawText(`and ends on a second line.`, { x: 50, y: y - 15, size: 12, font });
      y -= 45;
    }
    page.drawText(String(p + 1), { x: 290, y: 30, size: 10, font });
  }
  return doc.save();
}

/** A page of shapes and no text: what a scan without OCR looks like to a text extractor. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]).drawRectangle({ x: 20, y: 20, width: 200, height: 120, color: rgb(0.4, 0.4, 0.4) });
  return doc.save();
}

/** A PDF whose trailer names a standard security handler with a user password that is not empty. */
export async function passwordPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 300]).drawText('secret', { x: 20, y: 150, size: 12, font });
  const encrypt = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('00'.repeat(32)),
    U: PDFHexString.of('11'.repeat(32)),
    P: -4,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  const id = PDFHexString.of('ab'.repeat(16));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save({ useObjectStreams: false });
}

export const DOCX_TITLE = 'Council Votes on Harbour Plan';

/** A Word document: a Title, a paragraph with bold text and a link, a heading, a bullet list. */
export async function sampleDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: DOCX_TITLE, heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [
              new TextRun('The council voted '),
              new TextRun({ text: '7 to 4', bold: true }),
              new TextRun(' on Tuesday. See '),
              new ExternalHyperlink({
                link: 'https://example.org/plan',
                children: [new TextRun('the plan')],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'What comes next', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'A review in September.', bullet: { level: 0 } }),
          new Paragraph({ text: 'A petition in April.', bullet: { level: 0 } }),
          new Paragraph({ text: 'The mayor said he was open to alternatives.' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
