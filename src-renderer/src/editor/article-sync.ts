// Keeps the Lexical editor's content in step with a document and its annotations: each block
// becomes an ArticleBlockNode whose text is split into runs, runs under highlights wrapped in a
// MarkNode holding every covering annotation id. Only blocks whose highlights changed are
// re-segmented, and only their runs are rebuilt, so adding a highlight to a long article touches
// one paragraph's children — not the article's list of paragraphs.
import { $createMarkNode } from '@lexical/mark';
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $setSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { blockOffsets } from '../../../src-shared/canonical';
import type { DocBlock, InlineLink } from '../../../src-shared/model';
import {
  documentOrder,
  segmentBlocks,
  type Segment,
  type Span,
} from '../../../src-shared/anchoring/segments';
import { $createArticleBlockNode } from './ArticleBlockNode';
import { $createArticleLinkNode } from './ArticleLinkNode';
import {
  drawAll,
  emptyHighlights,
  highlightsOver,
  redraw,
  type DrawnHighlights,
  type Highlight,
} from './drawn-highlights';

export type { DrawnSpan, Highlight } from './drawn-highlights';

/**
 * What is on screen, kept outside the editor state like the playground's CommentStore. One per
 * editor, updated in place by each sync: with thousands of highlights, copying the drawn set on
 * every sync cost more than the paragraph being redrawn.
 */
export interface RenderedArticle extends DrawnHighlights {
  documentId: string | null;
  blockKeys: NodeKey[];
}

export function createRenderedArticle(): RenderedArticle {
  return Object.assign(emptyHighlights(), { documentId: null, blockKeys: [] });
}

// The sync builds a tree that is already normal (blocks under the root, runs under blocks), so
// Lexical's transforms — which on every update walk all of the root's children to wrap stray
// inline nodes — are skipped; adjacent text is still merged by Lexical as usual.
const SYNC_UPDATE = { discrete: true, skipTransforms: true, tag: 'claimdesk-sync' } as const;

/** The text of each run of a block. */
function cutRuns(block: DocBlock, blockStart: number, segments: readonly Segment[]): string[] {
  return segments.map((seg) => block.text.slice(seg.start - blockStart, seg.end - blockStart));
}

/** A run's text as nodes: plain text, and the parts inside the article's own links as links. */
function $linkedText(text: string, start: number, links: readonly InlineLink[]): LexicalNode[] {
  const end = start + text.length;
  const over = links.filter((l) => l.start < end && l.end > start);
  if (over.length === 0) return [$createTextNode(text)];
  const nodes: LexicalNode[] = [];
  let at = start;
  for (const link of over) {
    const from = Math.max(link.start, start);
    const to = Math.min(link.end, end);
    if (from > at) nodes.push($createTextNode(text.slice(at - start, from - start)));
    if (to > from)
      nodes.push(
        $createArticleLinkNode(link.href).append($createTextNode(text.slice(from - start, to - start))),
      );
    at = Math.max(at, to);
  }
  if (at < end) nodes.push($createTextNode(text.slice(at - start)));
  return nodes;
}

/** `blockStart` is where the block begins in the canonical text; link offsets are within the block. */
function $appendRuns(
  node: ElementNode,
  texts: readonly string[],
  segments: readonly Segment[],
  links: readonly InlineLink[] = [],
  blockStart = 0,
) {
  const runs = segments.flatMap((seg, i): LexicalNode[] => {
    const parts = $linkedText(texts[i] ?? '', seg.start - blockStart, links);
    return seg.ids.length === 0 ? parts : [$createMarkNode(seg.ids).append(...parts)];
  });
  node.append(...runs);
}

function spansOf(blocks: readonly DocBlock[]): Span[] {
  const offsets = blockOffsets(blocks);
  return blocks.map((b, i) => ({ start: offsets[i] as number, end: (offsets[i] as number) + b.text.length }));
}

function rebuildAll(
  editor: LexicalEditor,
  state: RenderedArticle,
  blocks: readonly DocBlock[],
  annotations: readonly Highlight[],
): void {
  drawAll(state, spansOf(blocks), annotations);
  const segments = segmentBlocks(state.blockSpans, documentOrder(annotations));
  // Every run's text is cut, and every paragraph node made, before any run node: each later
  // update walks all the paragraphs and re-reads all their text (Lexical caches the article's
  // text), which is markedly faster when those lie together in memory rather than scattered
  // between thousands of run nodes.
  const texts = blocks.map((block, i) => cutRuns(block, state.blockSpans[i]?.start ?? 0, segments[i] ?? []));
  const blockKeys: NodeKey[] = [];
  const $append = (from: number, to: number): void => {
    const made = blocks.slice(from, to).map((block) => {
      const node = $createArticleBlockNode(block.kind, block.level ?? 0);
      node.setDirection(block.direction);
      blockKeys.push(node.getKey());
      return node;
    });
    $getRoot().append(...made);
    made.forEach((node, k) => {
      const i = from + k;
      $appendRuns(node, texts[i] ?? [], segments[i] ?? [], blocks[i]?.links, state.blockSpans[i]?.start);
    });
  };
  const split = Math.max(0, blocks.length - 1);
  editor.update(() => {
    // The analyst's selection may sit in nodes about to be replaced; the view never needs it kept.
    $setSelection(null);
    $getRoot().clear();
    $append(0, split);
  }, SYNC_UPDATE);
  // Lexical turns its node and DOM maps into copy-on-write maps, copying every entry, on the
  // first update after they were filled. Appending the last block as a second update pays that
  // while the article opens, not when the analyst adds the first highlight.
  editor.update(() => $append(split, blocks.length), SYNC_UPDATE);
  state.blockKeys = blockKeys;
}

/**
 * Draws `blocks` with `annotations` into the editor, changing only what differs from what
 * `rendered` says is on screen, and records the result in `rendered`.
 */
export function syncArticle(
  editor: LexicalEditor,
  documentId: string,
  blocks: readonly DocBlock[],
  annotations: readonly Highlight[],
  rendered: RenderedArticle,
): void {
  if (rendered.documentId !== documentId || rendered.blockKeys.length !== blocks.length) {
    rendered.documentId = documentId;
    rebuildAll(editor, rendered, blocks, annotations);
    return;
  }
  const touched = redraw(rendered, annotations);
  if (touched.length === 0) return;
  const touchedSpans = touched.map((b) => rendered.blockSpans[b] as Span);
  const segments = segmentBlocks(touchedSpans, highlightsOver(rendered, touched));
  editor.update(() => {
    $setSelection(null);
    touched.forEach((b, k) => {
      // The paragraph stays; only its runs change, so the article's list of paragraphs (and
      // Lexical's walk over it) is untouched.
      const block = $getNodeByKey(rendered.blockKeys[b] as NodeKey);
      if (!$isElementNode(block)) return;
      block.clear();
      const runs = segments[k] ?? [];
      const start = touchedSpans[k]?.start ?? 0;
      $appendRuns(block, cutRuns(blocks[b] as DocBlock, start, runs), runs, blocks[b]?.links, start);
    });
  }, SYNC_UPDATE);
}
