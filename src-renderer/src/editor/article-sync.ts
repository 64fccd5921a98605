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
  type NodeKey,
} from 'lexical';
import { blockOffsets } from '../../../src-shared/canonical';
import type { DocBlock } from '../../../src-shared/model';
import {
  segmentBlocks,
  type AnnotationSpan,
  type Segment,
  type Span,
} from '../../../src-shared/anchoring/segments';
import { $createArticleBlockNode } from './ArticleBlockNode';

/** A highlight to draw: where, and its label (a relabelled highlight is redrawn). */
export interface DrawnSpan extends Span {
  labelId?: string;
}

interface DrawnEntry extends DrawnSpan {
  /** The sync that last saw this annotation, to find deleted ones without a set of all ids. */
  seenIn: number;
}

/**
 * What is on screen, kept outside the editor state like the playground's CommentStore. One per
 * editor, updated in place by each sync: with thousands of highlights, copying the drawn set on
 * every sync cost more than the paragraph being redrawn.
 */
export interface RenderedArticle {
  documentId: string | null;
  blockKeys: NodeKey[];
  /** Start and end offset of each block in the canonical text. */
  blockSpans: Span[];
  /** The highlights drawn, by annotation id, with the label each was drawn in. */
  readonly drawn: ReadonlyMap<string, DrawnSpan>;
}

interface RenderedState extends RenderedArticle {
  readonly drawn: Map<string, DrawnEntry>;
  syncs: number;
}

export function createRenderedArticle(): RenderedArticle {
  const state: RenderedState = { documentId: null, blockKeys: [], blockSpans: [], drawn: new Map(), syncs: 0 };
  return state;
}

// The sync builds a tree that is already normal (blocks under the root, runs under blocks), so
// Lexical's transforms — which on every update walk all of the root's children to wrap stray
// inline nodes — are skipped; adjacent text is still merged by Lexical as usual.
const SYNC_UPDATE = { discrete: true, skipTransforms: true, tag: 'claimdesk-sync' } as const;

function $appendRuns(node: ElementNode, block: DocBlock, blockStart: number, segments: readonly Segment[]) {
  for (const seg of segments) {
    const text = $createTextNode(block.text.slice(seg.start - blockStart, seg.end - blockStart));
    node.append(seg.ids.length === 0 ? text : $createMarkNode(seg.ids).append(text));
  }
}

function $buildBlock(block: DocBlock, blockStart: number, segments: readonly Segment[]) {
  const node = $createArticleBlockNode(block.kind, block.level ?? 0);
  node.setDirection(block.direction);
  $appendRuns(node, block, blockStart, segments);
  return node;
}

function spansOf(blocks: readonly DocBlock[]): Span[] {
  const offsets = blockOffsets(blocks);
  return blocks.map((b, i) => ({ start: offsets[i] as number, end: (offsets[i] as number) + b.text.length }));
}

/** Index of the block containing offset `at` (binary search over sorted block spans). */
function blockAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid] as Span).start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Brings `state.drawn` up to date and returns the blocks whose highlights changed, in order. One
 * pass over the annotations that allocates only for what changed: this runs on every highlight
 * the analyst adds, with thousands of unchanged ones.
 */
function updateDrawn(state: RenderedState, annotations: readonly (AnnotationSpan & DrawnSpan)[]): number[] {
  const { drawn, blockSpans } = state;
  const sync = ++state.syncs;
  const touched = new Set<number>();
  const mark = (span: Span): void => {
    const last = blockAt(blockSpans, Math.max(span.start, span.end - 1));
    for (let b = blockAt(blockSpans, span.start); b <= last; b++) touched.add(b);
  };
  const before = drawn.size;
  let kept = 0;
  for (const a of annotations) {
    const was = drawn.get(a.id);
    if (!was) {
      drawn.set(a.id, { start: a.start, end: a.end, labelId: a.labelId, seenIn: sync });
      mark(a);
      continue;
    }
    if (was.seenIn === sync) continue;
    was.seenIn = sync;
    kept++;
    if (was.start !== a.start || was.end !== a.end || was.labelId !== a.labelId) {
      mark(was);
      mark(a);
      was.start = a.start;
      was.end = a.end;
      was.labelId = a.labelId;
    }
  }
  if (kept < before) {
    for (const [id, was] of drawn) {
      if (was.seenIn === sync) continue;
      mark(was);
      drawn.delete(id);
    }
  }
  return [...touched].sort((x, y) => x - y);
}

function rebuildAll(
  editor: LexicalEditor,
  state: RenderedState,
  blocks: readonly DocBlock[],
  annotations: readonly (AnnotationSpan & DrawnSpan)[],
): void {
  state.blockSpans = spansOf(blocks);
  state.drawn.clear();
  const sync = ++state.syncs;
  for (const a of annotations) {
    state.drawn.set(a.id, { start: a.start, end: a.end, labelId: a.labelId, seenIn: sync });
  }
  const segments = segmentBlocks(state.blockSpans, annotations);
  const blockKeys: NodeKey[] = [];
  const $append = (from: number, to: number): void => {
    const root = $getRoot();
    const made: ElementNode[] = [];
    for (let i = from; i < to; i++) {
      const block = blocks[i] as DocBlock;
      const node = $createArticleBlockNode(block.kind, block.level ?? 0);
      node.setDirection(block.direction);
      made.push(node);
      blockKeys.push(node.getKey());
    }
    root.append(...made);
    for (let i = from; i < to; i++) {
      $appendRuns(made[i - from] as ElementNode, blocks[i] as DocBlock, state.blockSpans[i]?.start ?? 0, segments[i] ?? []);
    }
  };
  const split = Math.max(0, blocks.length - 1);
  editor.update(
    () => {
      // The analyst's selection may sit in nodes about to be replaced; the view never needs it kept.
      $setSelection(null);
      $getRoot().clear();
      $append(0, split);
    },
    SYNC_UPDATE,
  );
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
  annotations: readonly (AnnotationSpan & DrawnSpan)[],
  rendered: RenderedArticle,
): void {
  const state = rendered as RenderedState;
  if (state.documentId !== documentId || state.blockKeys.length !== blocks.length) {
    state.documentId = documentId;
    rebuildAll(editor, state, blocks, annotations);
    return;
  }
  const touched = updateDrawn(state, annotations);
  if (touched.length === 0) return;
  const touchedSpans = touched.map((b) => state.blockSpans[b] as Span);
  const first = (touchedSpans[0] as Span).start;
  const last = (touchedSpans[touchedSpans.length - 1] as Span).end;
  const relevant = annotations.filter(
    (a) => a.start < last && a.end > first && touchedSpans.some((t) => a.start < t.end && a.end > t.start),
  );
  const segments = segmentBlocks(touchedSpans, relevant);
  editor.update(
    () => {
      $setSelection(null);
      touched.forEach((b, k) => {
        // The paragraph stays; only its runs change, so the article's list of paragraphs (and
        // Lexical's walk over it) is untouched.
        const block = $getNodeByKey(state.blockKeys[b] as NodeKey);
        if (!$isElementNode(block)) return;
        block.clear();
        $appendRuns(block, blocks[b] as DocBlock, touchedSpans[k]?.start ?? 0, segments[k] ?? []);
      });
    },
    SYNC_UPDATE,
  );
}
