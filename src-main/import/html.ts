// Web pages → one article. Readability finds the article in an inert jsdom document (leaving
// out navigation, ads, asides and footers) and reads the byline, date and site name, with what
// the page declares (article-meta.ts) filling the gaps and giving its address; the article's
// markup is then sanitised with DOMPurify before any block is read from it.
import { canonicalBlockText } from '../../src-shared/canonical';
import type { ParsedBlock } from '../../src-shared/model';
import type { ArticleDraft } from './article';
import { inertDom } from './dom';
import { domArticle } from './dom-blocks';
import { ImportError } from './errors';
import { isoDate, pageMeta, withoutOutletSuffix } from './article-meta';

export { isoDate };

const NOT_PROSE = 'script, noscript, template, style, svg, math, iframe, frame, object, embed, form, canvas';

function authorOf(byline: string | null | undefined): string | null {
  const text = canonicalBlockText(byline ?? '').replace(/^by\s+/i, '');
  return text === '' ? null : text;
}

/** A first paragraph that only repeats the byline ("By Dana Kowalski, March 14") is not body. */
function withoutBylineParagraph(blocks: ParsedBlock[], author: string | null): ParsedBlock[] {
  const first = blocks[0];
  if (!first || author === null || first.kind !== 'paragraph' || first.text.length > 160) return blocks;
  return /^by\s/i.test(first.text) && first.text.includes(author) ? blocks.slice(1) : blocks;
}

export async function parseHtml(html: string, fallbackTitle: string): Promise<ArticleDraft[]> {
  const { Readability } = await import('@mozilla/readability');
  const dom = await inertDom(html);
  try {
    const document = dom.window.document;
    const declared = pageMeta(document);
    // Embedded documents and scripts hold no article text, and Readability would rewrite parts
    // of them (a link inside <svg> becomes an HTML <span>) before the sanitiser sees them.
    for (const el of Array.from(document.querySelectorAll(NOT_PROSE))) el.remove();
    // keepClasses: the byline's class is how a byline paragraph is told from the body.
    const found = new Readability(document, { keepClasses: true }).parse();
    const markup = found?.content ?? document.body?.innerHTML ?? '';
    const declaredTitle = canonicalBlockText(found?.title ?? document.title ?? '') || null;
    const article = domArticle(dom.sanitize(markup), declaredTitle, fallbackTitle);
    if (article.blocks.length === 0) throw new ImportError('no text found');
    const siteName = canonicalBlockText(found?.siteName ?? '') || declared.outlet;
    const byline = authorOf(found?.byline) ?? declared.author;
    // Some outlets name themselves as the author: that is not a byline.
    const author = byline === siteName ? null : byline;
    return [
      {
        ...article,
        title: withoutOutletSuffix(article.title, siteName),
        author,
        published: declared.published ?? isoDate(found?.publishedTime),
        siteName,
        url: declared.url,
        blocks: withoutBylineParagraph(article.blocks, author),
      },
    ];
  } finally {
    dom.close();
  }
}
