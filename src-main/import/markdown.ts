// Markdown → one article. Markup characters never reach the text: emphasis, strong and code
// become plain runs, links keep their address as InlineLinks. Raw HTML and images are dropped
// (they are not article text, and raw HTML could carry script).
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import type { BodyBlockKind, ParsedBlock } from '../../src-shared/model';
import { bareDraft, type ArticleDraft } from './article';
import { InlineText } from './inline-text';
import { frontMatter } from './article-meta';
import { boundedMarkdown } from './markdown-limits';

type Definitions = Map<string, string>;

function collectDefinitions(node: Nodes, into: Definitions): void {
  if (node.type === 'definition') into.set(node.identifier, node.url);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

/** Inline raw HTML arrives tag by tag: what sits between <script> and </script> is hidden too. */
const HIDDEN_OPEN = /^<(script|style|template|textarea)\b/i;
const HIDDEN_CLOSE = /^<\/(script|style|template|textarea)\s*>/i;

function pushChildren(node: Nodes, out: InlineText, defs: Definitions, href: string | null): void {
  if (!('children' in node)) return;
  let hidden = false;
  for (const child of node.children) {
    if (child.type === 'html') {
      if (HIDDEN_OPEN.test(child.value)) hidden = true;
      else if (HIDDEN_CLOSE.test(child.value)) hidden = false;
    } else if (!hidden) {
      pushInline(child, out, defs, href);
    }
  }
}

function pushInline(node: Nodes, out: InlineText, defs: Definitions, href: string | null): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.push(node.value, href);
      return;
    case 'break':
      out.space();
      return;
    case 'link':
      pushChildren(node, out, defs, node.url);
      return;
    case 'linkReference':
      pushChildren(node, out, defs, defs.get(node.identifier) ?? null);
      return;
    case 'html':
    case 'image':
    case 'imageReference':
      return;
    default:
      pushChildren(node, out, defs, href);
  }
}

function inlineBlock(node: Nodes, kind: BodyBlockKind, defs: Definitions, level?: number): ParsedBlock {
  const out = new InlineText();
  pushChildren(node, out, defs, null);
  const { text, links } = out.build();
  return {
    kind,
    text,
    ...(level === undefined ? {} : { level }),
    ...(links.length > 0 ? { links } : {}),
  };
}

function collectBlocks(node: Nodes, kind: BodyBlockKind, defs: Definitions, out: ParsedBlock[]): void {
  switch (node.type) {
    case 'heading':
      out.push(inlineBlock(node, 'heading', defs, node.depth));
      return;
    case 'paragraph':
      out.push(inlineBlock(node, kind, defs));
      return;
    case 'code':
      out.push({ kind, text: node.value });
      return;
    case 'blockquote':
      for (const child of node.children) collectBlocks(child, 'quote', defs, out);
      return;
    case 'listItem':
      for (const child of node.children) collectBlocks(child, 'list-item', defs, out);
      return;
    case 'root':
    case 'list':
      for (const child of node.children) collectBlocks(child, kind, defs, out);
      return;
    default:
      return;
  }
}

export function parseMarkdown(source: string): ArticleDraft[] {
  // Front matter holds the article's details, not its text.
  const front = frontMatter(source);
  const tree: Root = fromMarkdown(boundedMarkdown(front?.body ?? source));
  const defs: Definitions = new Map();
  collectDefinitions(tree, defs);
  const blocks: ParsedBlock[] = [];
  collectBlocks(tree, 'paragraph', defs, blocks);
  const nonEmpty = blocks.filter((b) => b.text !== '');
  // The title is the first level-1 heading; without one, the first block stands in for it.
  let at = nonEmpty.findIndex((b) => b.kind === 'heading' && b.level === 1);
  if (at < 0) at = 0;
  const title = nonEmpty[at];
  if (title === undefined) return [];
  const draft = bareDraft(
    title.text,
    nonEmpty.filter((_, i) => i !== at),
  );
  if (!front) return [draft];
  const { meta } = front;
  return [{ ...draft, author: meta.author, published: meta.published, siteName: meta.outlet, url: meta.url }];
}
