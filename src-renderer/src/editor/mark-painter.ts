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
  private look: (annotationId: string) => MarkLook | undefined = () => undefined;

  constructor(private readonly editor: LexicalEditor) {}

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

  setLook(look: (annotationId: string) => MarkLook | undefined): void {
    this.look = look;
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
    const looks = ids.map((id) => this.look(id));
    const inner = looks[looks.length - 1];
    element.style.setProperty('--cd-mark-color', inner?.color ?? '#999999');
    element.dataset.annotationIds = ids.join(' ');
    element.title = looks
      .map((l) => l?.title ?? '')
      .filter(Boolean)
      .join(' + ');
  }
}
