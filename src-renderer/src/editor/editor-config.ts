// The article editor's configuration: read-only, article blocks and marks, the mark theme. One
// place, shared by the view, its tests and the benchmark page, so they all draw the same editor.
import { MarkNode } from '@lexical/mark';
import { ArticleBlockNode } from './ArticleBlockNode';
import { ArticleLinkNode } from './ArticleLinkNode';

export const articleEditorConfig = {
  namespace: 'claimdesk-article',
  editable: false,
  nodes: [ArticleBlockNode, MarkNode, ArticleLinkNode],
  theme: { mark: 'cd-mark', markOverlap: 'cd-mark-overlap' },
  onError(error: Error): never {
    throw error;
  },
};
