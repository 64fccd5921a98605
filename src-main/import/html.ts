// Web pages → one article. Readability finds the article in an inert jsdom document (leaving
// out navigation, ads, asides and footers) and reads the byline, date and site name, with what
// the page declares (article-meta.ts) filling the gaps and giving its address; the article's
// markup is then sanitised with DOMPurify, and the leftovers news sites put around an article
// (boilerplate.ts) removed, before any block is read from it.
import { canonicalBlock } from '../../src-shared/canonical';
import type { ParsedBlock } from '../../src-shared/model';
import type { ArticleDraft } from './article';
import { removeBoilerplate, titleWithoutSite, withoutBoilerplateBlocks } from './boilerplate';
import { inertDom } from './dom';
import { domArticle } from './dom-blocks';
import { ImportError } from './errors';
import { boundedMarkup } from './html-limits';
import type { PassProgress } from './progress';
import { isoDate, pageMeta } from './article-meta';

export { isoDate };

const NOT_PROSE = 'script, noscript, template, style, svg, math, iframe, frame, object, embed, form, canvas';

function authorOf(byline: string | null | undefined): string | null {
  const text = canonicalBlock(byline ?? '').text.replace(/^by\s+/i, '');
  return text === '' ? null : text;
}

/** A first paragraph that only repeats the byline ("By Dana Kowalski, March 14") is not body. */
function withoutBylineParagraph(blocks: ParsedBlock[], author: string | null): ParsedBlock[] {
  const first = blocks[0];
  if (!first || author === null || first.kind !== 'paragraph' || first.text.length > 160) return blocks;
  return /^by\s/i.test(first.text) && first.text.includes(author) ? blocks.slice(1) : blocks;
}

/** `progress` hears of each stage: the page's DOM built, the article found, its blocks read. */
export async function parseHtml(
  html: string,
  fallbackTitle: string,
  progress: PassProgress = () => undefined,
): Promise<ArticleDraft[]> {
  const { Readability } = await import('@mozilla/readability');
  const dom = await inertDom(boundedMarkup(html));
  progress(0.4, 0);
  try {
    const document = dom.window.document;
    const declared = pageMeta(document);
    // Embedded documents and scripts hold no article text, and Readability would rewrite parts
    // of them (a link inside <svg> becomes an HTML <span>) before the sanitiser sees them.
    for (const el of Array.from(document.querySelectorAll(NOT_PROSE))) el.remove();
    // keepClasses: the byline's class is how a byline paragraph is told from the body.
    const found = new Readability(document, { keepClasses: true }).parse();
    progress(0.8, 0);
    const markup = found?.content ?? document.body?.innerHTML ?? '';
    const siteName = canonicalBlock(found?.siteName ?? '').text || declared.outlet;
    const byline = authorOf(found?.byline) ?? declared.author;
    // Some outlets name themselves as the author: that is not a byline.
    const author = byline === siteName ? null : byline;
    const pageTitle = canonicalBlock(found?.title ?? document.title ?? '').text;
    const declaredTitle = titleWithoutSite(pageTitle, [siteName, author]) || null;
    const content = dom.sanitize(markup);
    removeBoilerplate(content);
    const article = domArticle(content, declaredTitle, fallbackTitle);
    article.blocks = withoutBoilerplateBlocks(article.blocks);
    if (article.blocks.length === 0) throw new ImportError('no text found');
    progress(1, 1);
    return [
      {
        ...article,
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
