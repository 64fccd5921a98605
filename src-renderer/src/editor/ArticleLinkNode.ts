// A link the article itself carries (kept by the importers as InlineLinks), drawn as an <a> with
// its address on hover. The view is read-only: activating it never navigates the app — the
// LinkPlugin opens it outside, through the vetted route.
import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SerializedArticleLinkNode = Spread<{ href: string }, SerializedElementNode>;

export class ArticleLinkNode extends ElementNode {
  __href: string;

  static override getType(): string {
    return 'article-link';
  }

  static override clone(node: ArticleLinkNode): ArticleLinkNode {
    return new ArticleLinkNode(node.__href, node.__key);
  }

  constructor(href: string, key?: NodeKey) {
    super(key);
    this.__href = href;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const a = document.createElement('a');
    a.className = 'cd-article-link';
    a.href = this.__href;
    a.title = this.__href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }

  override updateDOM(prevNode: ArticleLinkNode): boolean {
    return prevNode.__href !== this.__href;
  }

  override isInline(): boolean {
    return true;
  }

  override canBeEmpty(): boolean {
    return false;
  }

  static override importJSON(json: SerializedArticleLinkNode): ArticleLinkNode {
    return $createArticleLinkNode(json.href).updateFromJSON(json);
  }

  override exportJSON(): SerializedArticleLinkNode {
    return { ...super.exportJSON(), href: this.__href };
  }
}

export function $createArticleLinkNode(href: string): ArticleLinkNode {
  return $applyNodeReplacement(new ArticleLinkNode(href));
}
