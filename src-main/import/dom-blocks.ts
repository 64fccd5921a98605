// Article blocks from sanitised HTML — a web page's article body or mammoth's rendering of a
// Word file: h1–h6 → heading, p → paragraph, blockquote → quote, li → list-item, links kept,
// figure captions set apart. Text loose in a container becomes a paragraph of its own.
import type { BodyBlockKind, ParsedBlock } from '../../src-shared/model';
import { creditOf } from './article';
import { InlineText } from './inline-text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Never article text: chrome, embeds and form controls (most are already gone after sanitising). */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'aside', 'footer', 'form',
  'button', 'select', 'textarea', 'input', 'iframe', 'object', 'embed', 'svg', 'math', 'img',
  'picture', 'video', 'audio', 'canvas', 'map',
]); // prettier-ignore

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'pre', 'figure', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl', 'dt',
  'dd', 'address', 'hr', 'details', 'summary', 'center', 'fieldset',
]); // prettier-ignore

/** Inline elements whose edges separate words even without whitespace in the source. */
const SPACED = new Set(['br', 'td', 'th', 'caption', 'wbr']);

const BYLINE = /\b(?:byline|dateline|author)\b/i;

/**
 * A byline is a line, not a container: Readability's own test is text under 100 characters. A
 * longer element whose class only mentions an author (WordPress themes put `author-<name>` on the
 * post's <article>, and Readability keeps that wrapper) holds the article and must be read.
 */
const BYLINE_MAX_CHARS = 100;

export interface DomContent {
  blocks: ParsedBlock[];
  captions: string[];
}

function isByline(el: Element): boolean {
  const marked = BYLINE.test(el.getAttribute('class') ?? '') || el.getAttribute('rel') === 'author';
  return marked && (el.textContent ?? '').trim().length < BYLINE_MAX_CHARS;
}

class Collector {
  readonly blocks: ParsedBlock[] = [];
  readonly captions: string[] = [];

  /** Walks a container; runs of inline content between its block children become blocks. */
  container(el: Node, kind: BodyBlockKind): void {
    let line = new InlineText();
    const flush = (): void => {
      this.emit(line, kind);
      line = new InlineText();
    };
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        line.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      const tag = element.localName;
      if (tag === 'figcaption') {
        flush();
        const caption = new InlineText();
        this.inline(element, caption, null);
        if (!caption.isEmpty) this.captions.push(caption.build().text);
      } else if (SKIP.has(tag) || isByline(element)) {
        continue;
      } else if (BLOCK.has(tag)) {
        flush();
        this.block(element, tag, kind);
      } else {
        this.element(element, line, null);
      }
    }
    flush();
  }

  private block(el: Element, tag: string, kind: BodyBlockKind): void {
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const text = new InlineText();
      this.inline(el, text, null);
      this.emit(text, 'heading', Number(heading[1]));
    } else if (tag === 'blockquote') {
      this.container(el, 'quote');
    } else if (tag === 'li') {
      this.container(el, 'list-item');
    } else {
      this.container(el, kind);
    }
  }

  private inline(el: Element, out: InlineText, href: string | null): void {
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === TEXT_NODE) out.push(child.nodeValue ?? '', href);
      else if (child.nodeType === ELEMENT_NODE) this.element(child as Element, out, href);
    }
  }

  private element(el: Element, out: InlineText, href: string | null): void {
    const tag = el.localName;
    if (SKIP.has(tag)) return;
    const spaced = SPACED.has(tag) || BLOCK.has(tag);
    if (spaced) out.space();
    this.inline(el, out, tag === 'a' ? el.getAttribute('href') : href);
    if (spaced) out.space();
  }

  private emit(text: InlineText, kind: BodyBlockKind, level?: number): void {
    if (text.isEmpty) return;
    const built = text.build();
    this.blocks.push({
      kind,
      text: built.text,
      ...(level === undefined ? {} : { level }),
      ...(built.links.length > 0 ? { links: built.links } : {}),
    });
  }
}

export function domContent(root: Node): DomContent {
  const collector = new Collector();
  collector.container(root, 'paragraph');
  return { blocks: collector.blocks, captions: collector.captions };
}

export interface DomArticle {
  title: string;
  caption: string | null;
  credit: string | null;
  blocks: ParsedBlock[];
}

/**
 * Title, caption and body from a sanitised fragment. The title is the one the page declares, else
 * the first level-1 heading, else the first heading or block; a body heading repeating it is dropped.
 */
export function domArticle(root: Node, declaredTitle: string | null, fallbackTitle: string): DomArticle {
  const { blocks, captions } = domContent(root);
  let title = declaredTitle ?? '';
  if (title === '') {
    let at = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
    if (at < 0) at = blocks[0]?.kind === 'heading' ? 0 : -1;
    title = blocks[at]?.text ?? fallbackTitle;
  }
  const caption = captions[0] ?? null;
  return { title, caption, credit: creditOf(caption), blocks: dropFirstRepeat(blocks, title) };
}

/** Removes only the first heading equal to the title (a later repeat is the author's choice). */
function dropFirstRepeat(blocks: ParsedBlock[], title: string): ParsedBlock[] {
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
  return at < 0 ? blocks : blocks.filter((_, i) => i !== at);
}
