// What news sites leave around an article once Readability has found it, taken out before the
// article's blocks are read: text only screen readers get ("Photo", "Credit", "Continue reading
// the main story"), photo captions set as one-item lists after their figure (they become the
// figure's caption), link lines pointing elsewhere ("[Read: …]", a "Read more:" list), and the
// outlet or author after the title ("… - BBC News", "… | Jane Doe").
import type { ParsedBlock } from '../../src-shared/model';

/** Classes sites use for text meant for screen readers only, never shown on the page. */
const SCREEN_READER_ONLY =
  '.visually-hidden, .visuallyhidden, .sr-only, .screen-reader-text, .screen-reader-only, .a11y-hidden, .skip-link, [hidden]';

/** Removes hidden text and turns a one-item list right after a figure into that figure's caption. */
export function removeBoilerplate(root: DocumentFragment): void {
  for (const el of Array.from(root.querySelectorAll(SCREEN_READER_ONLY))) el.remove();
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const figure = list.previousElementSibling;
    const items = list.children;
    if (figure?.localName !== 'figure' || items.length !== 1 || items[0]?.localName !== 'li') continue;
    if (figure.querySelector('figcaption')) continue;
    const caption = list.ownerDocument.createElement('figcaption');
    caption.append(...Array.from((items[0] as Element).childNodes));
    figure.append(caption);
    list.remove();
  }
}

/** A block that is one link and nothing else (its text all link text). */
function onlyLink(block: ParsedBlock): boolean {
  const linked = (block.links ?? []).reduce((n, l) => n + (l.end - l.start), 0);
  return linked > 0 && linked >= block.text.replace(/[\s[\]]/g, '').length;
}

const LABEL_ONLY = /^(?:photo|image|video|credit|advertisement|continue reading the main story)$/i;
/** "[Read: Why Tunisia…]", "[Bardo museum houses amazing Roman treasures]": a link to elsewhere. */
const BRACKETED = /^\[[^[\]]+\]$/;
const READ_MORE = /^(?:read more|related|more on this story|more from [^:]+):?$/i;

/** The blocks without the site's leftovers: label-only lines, bracketed links, "Read more:" lists. */
export function withoutBoilerplateBlocks(blocks: readonly ParsedBlock[]): ParsedBlock[] {
  const kept: ParsedBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as ParsedBlock;
    const text = block.text.trim();
    if (LABEL_ONLY.test(text) || (BRACKETED.test(text) && (block.links?.length ?? 0) > 0)) continue;
    if (READ_MORE.test(text) && blocks[i + 1] !== undefined && onlyLink(blocks[i + 1] as ParsedBlock)) {
      // The heading and the links under it.
      while (blocks[i + 1] !== undefined && onlyLink(blocks[i + 1] as ParsedBlock)) i++;
      continue;
    }
    kept.push(block);
  }
  return kept;
}

const SEPARATOR = /\s+(?:[-|–—·]|::)\s+/g;

/** Where the last " - ", " | ", " – ", " — ", " · " or " :: " in a title starts and ends. */
function lastSeparator(title: string): { start: number; end: number } | null {
  let last: RegExpExecArray | null = null;
  for (const match of title.matchAll(SEPARATOR)) last = match;
  return last ? { start: last.index, end: last.index + last[0].length } : null;
}

const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^by\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The title without the outlet or author a page puts after it ("… - BBC News", "… | Jane Doe"):
 * a trailing part is dropped only when it names the site or the author, so a title that merely
 * contains a dash keeps it.
 */
export function titleWithoutSite(title: string, names: readonly (string | null | undefined)[]): string {
  const known = new Set(names.filter((n): n is string => !!n && n.trim() !== '').map(fold));
  let result = title.trim();
  for (let round = 0; round < 2; round++) {
    const cut = lastSeparator(result);
    if (!cut) break;
    const head = result.slice(0, cut.start).trim();
    const tail = result.slice(cut.end);
    if (head === '' || !known.has(fold(tail))) break;
    result = head;
  }
  return result;
}
