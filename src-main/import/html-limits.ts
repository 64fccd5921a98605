// Limits a web page must keep before jsdom and Readability read it. Both slow down steeply
// with nesting — 400 nested <div>s took Readability 30 s, 1,000 took jsdom alone seconds to
// build — while a real article page nests a few dozen levels. So the page is first parsed with
// parse5 (the parser jsdom itself uses; linear, 0.2 s for 10,000 levels), counted and measured:
// too many elements is refused; deep runs of plain wrappers (div, span, section…) are flattened,
// which keeps every word; a page still too deep after that is refused.
import { parse, serialize, type DefaultTreeAdapterTypes as T } from 'parse5';
import { ImportError } from './errors';

/** Elements a page may have (a long news page has a few thousand). */
export const MAX_ELEMENTS = 30_000;
/** Wrappers deeper than this are unwrapped (their children take their place). */
export const FLATTEN_BELOW = 40;
/** Deepest nesting read after flattening. */
export const MAX_DEPTH = 80;

/** Elements that only group others: unwrapping one changes no block the reader keeps. */
const WRAPPERS = new Set([
  'div',
  'span',
  'section',
  'article',
  'main',
  'font',
  'center',
  'b',
  'i',
  'u',
  'em',
  'strong',
  'small',
  'big',
  'mark',
  'abbr',
  'cite',
  'time',
]);

type Parent = T.Document | T.Element | T.Template;

/** An HTML <template> keeps its children in its content (a <template> inside <svg> does not). */
const childrenOf = (node: Parent): T.ChildNode[] =>
  'content' in node ? node.content.childNodes : node.childNodes;

const isElement = (node: T.ChildNode): node is T.Element => 'tagName' in node;

interface Measure {
  elements: number;
  depth: number;
}

/** Counts the elements and the deepest nesting; with `flattenBelow`, unwraps deep wrappers. */
function walk(document: T.Document, flattenBelow = Infinity): Measure {
  const measure: Measure = { elements: 0, depth: 0 };
  const stack: [Parent, number][] = [[document, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Parent, number];
    const children = childrenOf(node);
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as T.ChildNode;
      if (!isElement(child)) continue;
      if (depth + 1 > flattenBelow && WRAPPERS.has(child.tagName)) {
        const grandchildren = childrenOf(child);
        for (const g of grandchildren) g.parentNode = node;
        children.splice(i, 1, ...grandchildren);
        i--; // read the first grandchild at this index next
        continue;
      }
      measure.elements++;
      measure.depth = Math.max(measure.depth, depth + 1);
      stack.push([child, depth + 1]);
    }
  }
  return measure;
}

const count = (n: number): string => n.toLocaleString('en');

/**
 * The page's markup within the limits: as given when it keeps them, flattened when only its
 * nesting is too deep. Refuses (ImportError) a page with too many elements or still too deep.
 */
export function boundedMarkup(html: string): string {
  const document = parse(html);
  const { elements, depth } = walk(document);
  if (elements > MAX_ELEMENTS)
    throw new ImportError(
      `the page has ${count(elements)} elements, more than the ${count(MAX_ELEMENTS)} read`,
    );
  if (depth <= FLATTEN_BELOW) return html;
  const flattened = walk(document, FLATTEN_BELOW);
  if (flattened.depth > MAX_DEPTH)
    throw new ImportError(
      `the page is nested ${count(flattened.depth)} levels deep, more than the ${MAX_DEPTH} read`,
    );
  return serialize(document);
}
