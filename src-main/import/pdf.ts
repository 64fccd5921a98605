// PDF → one article, with pdf.js (legacy build, the one meant for Node). pdf.js runs its "worker"
// in this thread: the importer already runs in a worker thread with its own limits.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ArticleDraft } from './article';
import { bareDraft } from './article';
import { ImportError } from './errors';
import { layoutPdf, type PdfLayout, type TextRun } from './pdf-layout';

const DAMAGED = 'the PDF is damaged or incomplete';

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let loaded: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    // In Node pdf.js imports its worker module into this thread ("fake worker"); it has to be
    // told where that module is, from wherever this code was bundled to.
    const require = createRequire(import.meta.url);
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
      require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ).href;
    return pdfjs;
  });
  return loaded;
}

/** A complete PDF ends with %%EOF; without it the file was cut short and text would be missing. */
function looksComplete(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes('%%EOF');
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (cause) {
    await task.destroy();
    const name = (cause as { name?: unknown } | null)?.name;
    if (name === 'PasswordException') throw new ImportError('the PDF is password-protected', { cause });
    throw new ImportError(DAMAGED, { cause });
  }
}

async function pageRuns(pdf: PdfDocument, pageNumber: number): Promise<TextRun[]> {
  try {
    const page = await pdf.getPage(pageNumber);
    try {
      const content = await page.getTextContent();
      return content.items
        .filter((item): item is TextItem => 'str' in item)
        .map((item) => {
          const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
          const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
          return { text: item.str, x, y, width: item.width, size, eol: item.hasEOL };
        });
    } finally {
      page.cleanup();
    }
  } catch (cause) {
    throw new ImportError(DAMAGED, { cause });
  }
}

async function metadataTitle(pdf: PdfDocument): Promise<string | null> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: null }));
  const title = (info as { Title?: unknown } | null)?.Title;
  if (typeof title !== 'string' || title.trim() === '') return null;
  // Producers often write the source file's name or a placeholder: not a headline.
  return /\.(?:docx?|pdf|indd|tex)$|^untitled$|^microsoft word/i.test(title.trim()) ? null : title.trim();
}

/** The first heading; else the document's own title; else, as in plain text, the first line. */
function titled(layout: PdfLayout, declared: string | null, fallbackTitle: string): ArticleDraft {
  const { blocks, firstLine } = layout;
  const [first, ...rest] = blocks;
  if (first?.kind === 'heading') return bareDraft(first.text, rest);
  const title = declared ?? firstLine ?? fallbackTitle;
  if (!first || title !== firstLine || !first.text.startsWith(title)) return bareDraft(title, blocks);
  // The first line is the title, not also the start of the body.
  const remainder = first.text.slice(title.length).trim();
  return bareDraft(title, remainder === '' ? rest : [{ ...first, text: remainder }, ...rest]);
}

export async function parsePdf(bytes: Uint8Array, fallbackTitle: string): Promise<ArticleDraft[]> {
  if (!looksComplete(bytes)) throw new ImportError(DAMAGED);
  const pdf = await openPdf(bytes);
  try {
    const pages: TextRun[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await pageRuns(pdf, n));
    if (!pages.some((runs) => runs.some((r) => /\S/.test(r.text)))) {
      throw new ImportError('the PDF has no text layer (scanned images?); run OCR first');
    }
    return [titled(layoutPdf(pages), await metadataTitle(pdf), fallbackTitle)];
  } finally {
    await pdf.destroy();
  }
}
