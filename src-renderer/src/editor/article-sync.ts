// Keeps the Lexical editor's content in step with a document and its annotations: each block
// becomes an ArticleBlockNode whose text is split into runs, runs under highlights wrapped in a
// MarkNode holding every covering annotation id. Only blocks whose highlights changed are
// re-segmented and rebuilt, so adding a highlight to a long article touches one paragraph.
import { $createMarkNode } from '@lexical/mark';
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $setSelection,
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

/** What is on screen: kept outside the editor state, like the playground's CommentStore. */
export interface RenderedArticle {
  documentId: string;
  blockKeys: NodeKey[];
  /** Start and end offset of each block in the canonical text. */
  blockSpans: Span[];
  /** The highlights drawn, by annotation id, with the label each was drawn in. */
  drawn: Map<string, DrawnSpan>;
}

/** A highlight to draw: where, and its label (a relabelled highlight is redrawn). */
export interface DrawnSpan extends Span {
  labelId?: string;
}

function $buildBlock(block: DocBlock, blockStart: number, segments: readonly Segment[]) {
  const node = $createArticleBlockNode(block.kind, block.level ?? 0);
  node.setDirection(block.direction);
  for (const seg of segments) {
    const text = $createTextNode(block.text.slice(seg.start - blockStart, seg.end - blockStart));
    if (seg.ids.length === 0) {
      node.append(text);
    } else {
      node.append($createMarkNode(seg.ids).append(text));
    }
  }
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

/** Blocks whose highlights differ between what is drawn and what should be. */
function touchedBlocks(
  previous: RenderedArticle,
  annotations: readonly (AnnotationSpan & DrawnSpan)[],
): Set<number> {
  const touched = new Set<number>();
  const mark = (span: Span): void => {
    const last = blockAt(previous.blockSpans, Math.max(span.start, span.end - 1));
    for (let b = blockAt(previous.blockSpans, span.start); b <= last; b++) touched.add(b);
  };
  const wanted = new Set<string>();
  for (const a of annotations) {
    wanted.add(a.id);
    const was = previous.drawn.get(a.id);
    if (!was || was.start !== a.start || was.end !== a.end || was.labelId !== a.labelId) {
      mark(a);
      if (was) mark(was);
    }
  }
  for (const [id, was] of previous.drawn) if (!wanted.has(id)) mark(was);
  return touched;
}

export function syncArticle(
  editor: LexicalEditor,
  documentId: string,
  blocks: readonly DocBlock[],
  annotations: readonly (AnnotationSpan & DrawnSpan)[],
  previous: RenderedArticle | null,
): RenderedArticle {
  const same = previous?.documentId === documentId && previous.blockKeys.length === blocks.length;
  const blockSpans = same ? previous.blockSpans : spansOf(blocks);
  const drawn = new Map(annotations.map((a) => [a.id, { start: a.start, end: a.end, labelId: a.labelId }]));
  const blockKeys: NodeKey[] = same ? [...previous.blockKeys] : [];
  // Adding one highlight to a long article re-segments one paragraph, not all of them.
  const touched = same ? [...touchedBlocks(previous, annotations)].sort((a, b) => a - b) : [];
  const touchedSpans = touched.map((b) => blockSpans[b] as Span);
  const relevant = same
    ? annotations.filter((a) => touchedSpans.some((t) => a.start < t.end && a.end > t.start))
    : annotations;
  const segments = segmentBlocks(same ? touchedSpans : blockSpans, relevant);
  editor.update(
    () => {
      // The analyst's selection may sit in nodes about to be replaced; the view never needs it kept.
      $setSelection(null);
      if (!same) {
        const root = $getRoot();
        root.clear();
        blocks.forEach((block, i) => {
          const node = $buildBlock(block, blockSpans[i]?.start ?? 0, segments[i] ?? []);
          root.append(node);
          blockKeys.push(node.getKey());
        });
        return;
      }
      touched.forEach((b, k) => {
        const old = $getNodeByKey(previous.blockKeys[b] as NodeKey);
        const node = $buildBlock(blocks[b] as DocBlock, blockSpans[b]?.start ?? 0, segments[k] ?? []);
        old?.replace(node);
        blockKeys[b] = node.getKey();
      });
    },
    { discrete: true, tag: 'claimdesk-sync' },
  );
  return { documentId, blockKeys, blockSpans, drawn };
}
