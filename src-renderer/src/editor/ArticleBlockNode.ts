// One block of an article (title, caption, heading, paragraph, quote, list item) as a Lexical
// element, carrying its kind and heading level so it renders with the right element and style.
import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import type { DocBlockKind } from '../../../src-shared/model';

export type SerializedArticleBlockNode = Spread<{ kind: DocBlockKind; level: number }, SerializedElementNode>;

function tagOf(kind: DocBlockKind, level: number): string {
  switch (kind) {
    case 'title':
      return 'h1';
    case 'heading':
      return `h${Math.min(6, Math.max(2, level + 1))}`;
    case 'quote':
      return 'blockquote';
    default:
      return 'p';
  }
}

export class ArticleBlockNode extends ElementNode {
  __kind: DocBlockKind;
  __level: number;

  static override getType(): string {
    return 'article-block';
  }

  static override clone(node: ArticleBlockNode): ArticleBlockNode {
    return new ArticleBlockNode(node.__kind, node.__level, node.__key);
  }

  constructor(kind: DocBlockKind = 'paragraph', level = 0, key?: NodeKey) {
    super(key);
    this.__kind = kind;
    this.__level = level;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const element = document.createElement(tagOf(this.__kind, this.__level));
    element.className = `cd-block cd-block-${this.__kind}`;
    return element;
  }

  override updateDOM(prevNode: ArticleBlockNode): boolean {
    return prevNode.__kind !== this.__kind || prevNode.__level !== this.__level;
  }

  static override importJSON(json: SerializedArticleBlockNode): ArticleBlockNode {
    return $createArticleBlockNode(json.kind, json.level).updateFromJSON(json);
  }

  override exportJSON(): SerializedArticleBlockNode {
    return { ...super.exportJSON(), kind: this.__kind, level: this.__level };
  }
}

export function $createArticleBlockNode(kind: DocBlockKind, level = 0): ArticleBlockNode {
  return $applyNodeReplacement(new ArticleBlockNode(kind, level));
}

export function $isArticleBlockNode(node: LexicalNode | null | undefined): node is ArticleBlockNode {
  return node instanceof ArticleBlockNode;
}
