// Tracks which DOM <mark> elements show which annotations (MarkNode mutation listener) and paints
// them in their label's colour with the label names on hover — colour is never the only cue.
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';

export interface MarkLook {
  color: string;
  title: string;
}

export class MarkPainter {
  private readonly idsByKey = new Map<NodeKey, string[]>();
  // What each element was last painted with: repainting thousands of unchanged marks would
  // invalidate style for the whole article when one highlight is added.
  private readonly painted = new WeakMap<HTMLElement, string>();
  private lookOfLabel: (labelId: string) => MarkLook | undefined = () => undefined;

  /**
   * `drawn` is the sync's record of each annotation's label (RenderedArticle.drawn), read as marks
   * are created: a relabelled highlight's paragraph is rebuilt by the sync, so its new marks are
   * painted here without a per-sync copy of every annotation's label.
   */
  constructor(
    private readonly editor: LexicalEditor,
    private readonly drawn: ReadonlyMap<string, { labelId?: string }>,
  ) {}

  register(): () => void {
    return this.editor.registerMutationListener(MarkNode, (mutations) => {
      this.editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          const node = $getNodeByKey(key);
          if (mutation === 'destroyed' || !$isMarkNode(node)) this.idsByKey.delete(key);
          else {
            this.idsByKey.set(key, node.getIDs());
            this.paint(key);
          }
        }
      });
    });
  }

  /** How each label looks; every mark is repainted (labels were recoloured or renamed). */
  setLabels(lookOfLabel: (labelId: string) => MarkLook | undefined): void {
    this.lookOfLabel = lookOfLabel;
    for (const key of this.idsByKey.keys()) this.paint(key);
  }

  /** The DOM elements showing an annotation, in document order. */
  elementsOf(annotationId: string): HTMLElement[] {
    const elements: HTMLElement[] = [];
    for (const [key, ids] of this.idsByKey) {
      const element = ids.includes(annotationId) ? this.editor.getElementByKey(key) : null;
      if (element) elements.push(element);
    }
    return elements.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }

  private paint(key: NodeKey): void {
    const element = this.editor.getElementByKey(key);
    const ids = this.idsByKey.get(key);
    if (!element || !ids || ids.length === 0) return;
    const looks = ids.map((id) => this.lookOfLabel(this.drawn.get(id)?.labelId ?? ''));
    const color = looks[looks.length - 1]?.color ?? '#999999';
    const title = looks
      .map((l) => l?.title ?? '')
      .filter(Boolean)
      .join(' + ');
    const signature = `${color}|${title}|${ids.join(' ')}`;
    if (this.painted.get(element) === signature) return;
    this.painted.set(element, signature);
    element.style.setProperty('--cd-mark-color', color);
    element.dataset.annotationIds = ids.join(' ');
    element.title = title;
  }
}
