// Web pages → one article. Readability finds the article in an inert jsdom document (leaving
// out navigation, ads, asides and footers) and reads the byline, date and site name; the
// article's markup is then sanitised with DOMPurify before any block is read from it.
import { canonicalBlock } from '../../src-shared/canonical';
import type { ParsedBlock } from '../../src-shared/model';
import type { ArticleDraft } from './article';
import { removeBoilerplate, titleWithoutSite, withoutBoilerplateBlocks } from './boilerplate';
import { inertDom } from './dom';
import { domArticle } from './dom-blocks';
import { ImportError } from './errors';
import { boundedMarkup } from './html-limits';
import type { PassProgress } from './progress';

const NOT_PROSE = 'script, noscript, template, style, svg, math, iframe, frame, object, embed, form, canvas';

/** An ISO 8601 timestamp ("2026-03-14T09:30:00Z"), or null when the page's date is not a date. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

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
    // Embedded documents and scripts hold no article text, and Readability would rewrite parts
    // of them (a link inside <svg> becomes an HTML <span>) before the sanitiser sees them.
    for (const el of Array.from(document.querySelectorAll(NOT_PROSE))) el.remove();
    // keepClasses: the byline's class is how a byline paragraph is told from the body.
    const found = new Readability(document, { keepClasses: true }).parse();
    progress(0.8, 0);
    const markup = found?.content ?? document.body?.innerHTML ?? '';
    const author = authorOf(found?.byline);
    const siteName = canonicalBlock(found?.siteName ?? '').text || null;
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
        published: isoDate(found?.publishedTime),
        siteName,
        blocks: withoutBylineParagraph(article.blocks, author),
      },
    ];
  } finally {
    dom.close();
  }
}
