// Activating one of the article's own links (click, or Enter on it) opens it outside the app
// through `onOpen`; the read-only view itself never follows a link.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';

export function LinkPlugin({ onOpen }: { onOpen: (href: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let root: HTMLElement | null = null;
    const onClick = (event: MouseEvent): void => {
      const link = event.target instanceof Element ? event.target.closest('a.cd-article-link') : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      // A drag that selected words across a link is a selection to label, not a click on it.
      if (window.getSelection()?.isCollapsed === false) return;
      const href = link.getAttribute('href');
      if (href) onOpen(href);
    };
    return mergeRegister(
      editor.registerRootListener((next, previous) => {
        previous?.removeEventListener('click', onClick);
        next?.addEventListener('click', onClick);
        root = next;
      }),
      () => root?.removeEventListener('click', onClick),
    );
  }, [editor, onOpen]);
  return null;
}
