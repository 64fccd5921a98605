// Word .docx → one article: mammoth renders the document as HTML (headings, paragraphs, lists,
// links), which goes through the same limits, sanitising and block reading as a web page.
// mammoth's unzip (JSZip) trusts the archive, so the archive is checked first the way a .qdpx
// is (src-shared/safe-zip.ts): sizes, ratio and names in the central directory, and every part
// mammoth reads inflated once with its output counted, so a zip bomb is stopped there.
import { listZip, readEntry } from '../../src-shared/safe-zip';
import type { ArticleDraft } from './article';
import { inertDom } from './dom';
import { domArticle } from './dom-blocks';
import { ImportError } from './errors';
import { boundedMarkup } from './html-limits';

/** Word's own styles for a title and a caption, mapped to the markup the block reader knows. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Caption'] => figcaption:fresh"];

/** The parts mammoth reads: the XML and relationships, not the pictures it is told to skip. */
const READ_BY_MAMMOTH = /\.(xml|rels)$/i;

function checkArchive(bytes: Uint8Array): void {
  const listed = listZip(bytes);
  if (!listed.ok) throw new ImportError(`the Word document is damaged or unsafe: ${listed.error}`);
  for (const entry of listed.value) {
    if (!READ_BY_MAMMOTH.test(entry.name)) continue;
    const read = readEntry(bytes, entry);
    if (!read.ok) throw new ImportError(`the Word document is damaged or unsafe: ${read.error}`);
  }
}

async function docxToHtml(bytes: Uint8Array): Promise<string> {
  checkArchive(bytes);
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Never follow links to files outside the package, and do not decode images at all.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    return result.value;
  } catch (cause) {
    throw new ImportError('the Word document is damaged', { cause });
  }
}

export async function parseDocx(bytes: Uint8Array, fallbackTitle: string): Promise<ArticleDraft[]> {
  const html = await docxToHtml(bytes);
  const dom = await inertDom('<!DOCTYPE html><html><body></body></html>');
  try {
    const article = domArticle(dom.sanitize(boundedMarkup(html)), null, fallbackTitle);
    if (article.blocks.length === 0) throw new ImportError('no text found');
    return [{ ...article, author: null, published: null }];
  } finally {
    dom.close();
  }
}
