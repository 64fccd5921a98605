// Word .docx → one article: mammoth renders the document as HTML (headings, paragraphs, lists,
// links), which goes through the same sanitising and block reading as a web page.
import type { ArticleDraft } from './article';
import { inertDom } from './dom';
import { domArticle } from './dom-blocks';
import { ImportError } from './errors';

/** Word's own styles for a title and a caption, mapped to the markup the block reader knows. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Caption'] => figcaption:fresh"];

async function docxToHtml(bytes: Uint8Array): Promise<string> {
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
    const article = domArticle(dom.sanitize(html), null, fallbackTitle);
    if (article.blocks.length === 0) throw new ImportError('no text found');
    return [{ ...article, author: null, published: null }];
  } finally {
    dom.close();
  }
}
