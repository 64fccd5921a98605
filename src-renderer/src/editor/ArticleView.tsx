// The read-only article: a Lexical editor that shows the document with its highlights as
// MarkNodes. Analysts select and label; they never change the text.
import { useEffect, useRef, type ReactElement } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import type { AnnotationRecord, DocumentRecord, LabelRecord } from '../../../src-shared/model';
import { articleEditorConfig } from './editor-config';
import { createRenderedArticle, syncArticle, type RenderedArticle } from './article-sync';
import { MarkPainter } from './mark-painter';
import { LinkPlugin } from './LinkPlugin';

export interface ArticleHandle {
  /** Scrolls to an annotation's highlight and flashes it. */
  reveal(annotationId: string): void;
  root(): HTMLElement | null;
}

interface Props {
  document: DocumentRecord;
  annotations: readonly AnnotationRecord[];
  labels: ReadonlyMap<string, LabelRecord>;
  handleRef: { current: ArticleHandle | null };
  /** Clicked words under highlights: every covering id, innermost last, and where the click was. */
  onMarkClick: (annotationIds: string[], at: { top: number; left: number }) => void;
  /** Opens one of the article's own links outside the app. */
  onOpenLink: (href: string) => void;
}

function SyncPlugin({
  document: doc,
  annotations,
  labels,
  handleRef,
}: Omit<Props, 'onMarkClick' | 'onOpenLink'>): null {
  const [editor] = useLexicalComposerContext();
  const rendered = useRef<RenderedArticle | null>(null);
  const painter = useRef<MarkPainter | null>(null);

  useEffect(() => {
    const r = createRenderedArticle();
    const p = new MarkPainter(editor, r.drawn);
    rendered.current = r;
    painter.current = p;
    const unregister = p.register();
    handleRef.current = {
      root: () => editor.getRootElement(),
      reveal(annotationId) {
        const [first, ...rest] = p.elementsOf(annotationId);
        if (!first) return;
        first.scrollIntoView({ block: 'center', behavior: 'smooth' });
        for (const element of [first, ...rest]) {
          element.classList.remove('cd-flash');
          void element.offsetWidth; // restart the animation when revealed twice in a row
          element.classList.add('cd-flash');
        }
      },
    };
    return () => {
      unregister();
      handleRef.current = null;
      painter.current = null;
      rendered.current = null;
    };
  }, [editor, handleRef]);

  useEffect(() => {
    painter.current?.setLabels((labelId) => {
      const label = labels.get(labelId);
      // The label's name on hover: colour is never the only cue.
      return label && { color: label.color, title: label.name };
    });
  }, [editor, labels]);

  useEffect(() => {
    const spans = annotations.map((a) => ({
      id: a.id,
      start: a.target.position.start,
      end: a.target.position.end,
      labelId: a.labelId,
    }));
    if (rendered.current) syncArticle(editor, doc.id, doc.blocks, spans, rendered.current);
  }, [editor, doc, annotations]);

  return null;
}

export function ArticleView({ onMarkClick, onOpenLink, ...props }: Props): ReactElement {
  return (
    <LexicalComposer initialConfig={articleEditorConfig}>
      <div
        className="cd-article-body"
        dir={props.document.direction}
        onClick={(event) => {
          const mark = (event.target as HTMLElement).closest('mark');
          const ids = mark?.dataset.annotationIds;
          if (ids && window.getSelection()?.isCollapsed !== false)
            onMarkClick(ids.split(' '), { top: event.pageY + 12, left: event.pageX });
        }}
      >
        <ContentEditable className="cd-article-text" aria-label="Article text" aria-readonly />
      </div>
      <SyncPlugin {...props} />
      <LinkPlugin onOpen={onOpenLink} />
    </LexicalComposer>
  );
}
