// Tracks which DOM <mark> elements show which annotations (MarkNode mutation listener) and paints
// them in their label's colour with the label names on hover — colour is never the only cue.
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';

export interface MarkLook {
  color: string;
  title: string;
}

interface Mark {
  ids: string[];
  /** What its element was last painted with: repainting thousands of unchanged marks would
   *  invalidate style for the whole article. */
  painted: string;
}

export class MarkPainter {
  private readonly marks = new Map<NodeKey, Mark>();
  private lookOfLabel: (labelId: string) => MarkLook | undefined = () => undefined;
  private readonly looks = new Map<string, MarkLook | undefined>();

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
          if (mutation === 'destroyed' || !$isMarkNode(node)) this.marks.delete(key);
          else {
            // A created mark has a new element; an updated one keeps its element and paint.
            const painted = mutation === 'created' ? '' : (this.marks.get(key)?.painted ?? '');
            const mark = { ids: node.getIDs(), painted };
            this.marks.set(key, mark);
            this.paint(key, mark);
          }
        }
      });
    });
  }

  /** How each label looks; every mark is repainted (labels were recoloured or renamed). */
  setLabels(lookOfLabel: (labelId: string) => MarkLook | undefined): void {
    this.lookOfLabel = lookOfLabel;
    this.looks.clear();
    for (const [key, mark] of this.marks) this.paint(key, mark);
  }

  /** The DOM elements showing an annotation, in document order. */
  elementsOf(annotationId: string): HTMLElement[] {
    const elements: HTMLElement[] = [];
    for (const [key, { ids }] of this.marks) {
      const element = ids.includes(annotationId) ? this.editor.getElementByKey(key) : null;
      if (element) elements.push(element);
    }
    return elements.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }

  /** Each label's look, asked once per label rather than once per mark (thousands share one). */
  private look(labelId: string): MarkLook | undefined {
    if (!this.looks.has(labelId)) this.looks.set(labelId, this.lookOfLabel(labelId));
    return this.looks.get(labelId);
  }

  private paint(key: NodeKey, mark: Mark): void {
    const { ids } = mark;
    if (ids.length === 0) return;
    // Where highlights nest, the innermost (last) gives the fill and the outermost (first) the
    // underline, so both show; every label is named on hover.
    let color = '#999999';
    let outer = '';
    let title = '';
    ids.forEach((id, i) => {
      const look = this.look(this.drawn.get(id)?.labelId ?? '');
      if (look?.title) title = title ? `${title} + ${look.title}` : look.title;
      if (i === ids.length - 1) color = look?.color ?? color;
      if (i === 0 && ids.length > 1) outer = look?.color ?? color;
    });
    const idList = ids.join(' ');
    const signature = `${color}|${outer}|${title}|${idList}`;
    const element = this.editor.getElementByKey(key);
    if (!element || mark.painted === signature) return;
    mark.painted = signature;
    element.style.setProperty('--cd-mark-color', color);
    if (outer) element.style.setProperty('--cd-mark-outer', outer);
    else element.style.removeProperty('--cd-mark-outer');
    element.dataset.annotationIds = idList;
    element.title = title;
  }
}
