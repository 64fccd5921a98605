// Keeps the Lexical editor's content in step with a document and its annotations: each block
// becomes an ArticleBlockNode whose text is split into runs, runs under highlights wrapped in a
// MarkNode holding every covering annotation id. Only blocks whose runs changed are rebuilt, so
// adding a highlight to a long article touches one paragraph, not the whole article.
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
import { segmentBlocks, type AnnotationSpan, type Segment } from '../../../src-shared/anchoring/segments';
import { $createArticleBlockNode } from './ArticleBlockNode';

/** What is on screen: kept outside the editor state, like the playground's CommentStore. */
export interface RenderedArticle {
  documentId: string;
  blockKeys: NodeKey[];
  signatures: string[];
}

const signatureOf = (segments: readonly Segment[]): string =>
  segments.map((s) => `${s.start}-${s.end}:${s.ids.join(',')}`).join('|');

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

export function syncArticle(
  editor: LexicalEditor,
  documentId: string,
  blocks: readonly DocBlock[],
  annotations: readonly AnnotationSpan[],
  previous: RenderedArticle | null,
): RenderedArticle {
  const offsets = blockOffsets(blocks);
  const spans = blocks.map((b, i) => ({
    start: offsets[i] as number,
    end: (offsets[i] as number) + b.text.length,
  }));
  const segments = segmentBlocks(spans, annotations);
  const signatures = segments.map(signatureOf);
  const same = previous?.documentId === documentId && previous.blockKeys.length === blocks.length;
  const blockKeys: NodeKey[] = same ? [...previous.blockKeys] : [];
  editor.update(
    () => {
      // The analyst's selection may sit in nodes about to be replaced; the view never needs it kept.
      $setSelection(null);
      if (!same) {
        const root = $getRoot();
        root.clear();
        blocks.forEach((block, i) => {
          const node = $buildBlock(block, spans[i]?.start ?? 0, segments[i] ?? []);
          root.append(node);
          blockKeys.push(node.getKey());
        });
        return;
      }
      signatures.forEach((signature, i) => {
        if (signature === previous.signatures[i]) return;
        const old = $getNodeByKey(previous.blockKeys[i] as NodeKey);
        const node = $buildBlock(blocks[i] as DocBlock, spans[i]?.start ?? 0, segments[i] ?? []);
        old?.replace(node);
        blockKeys[i] = node.getKey();
      });
    },
    { discrete: true, tag: 'claimdesk-sync' },
  );
  return { documentId, blockKeys, signatures };
}
