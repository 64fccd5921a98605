// The margin marks of the suggested sentences, drawn in a layer inside the scrolling article and
// placed again whenever the article's layout may have moved them (resize, re-render, scroll, as
// blocks far off screen get their real height). The focused suggestion's mark is stronger, and
// its sentence is scrolled into view.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { DocBlock } from '../../../src-shared/model';
import type { Suggestions } from '../app/use-suggestions';
import { markPlaces, type MarkPlace } from '../editor/suggestion-marks';

interface Props {
  root: () => HTMLElement | null;
  blocks: readonly DocBlock[];
  suggestions: Pick<Suggestions, 'shown' | 'focused'>;
}

const NONE: readonly { start: number; end: number }[] = [];

export function SuggestionMarks({ root, blocks, suggestions }: Props): ReactElement {
  const sentences = suggestions.shown ?? NONE;
  const focused = suggestions.focused;
  const layer = useRef<HTMLDivElement>(null);
  const [places, setPlaces] = useState<MarkPlace[]>([]);

  useEffect(() => {
    const container = layer.current?.parentElement;
    const article = root();
    if (!container || !article) return;
    let frame = 0;
    const place = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPlaces(markPlaces(article, container, blocks, sentences)));
    };
    place();
    const resized = new ResizeObserver(place);
    resized.observe(article);
    const mutated = new MutationObserver(place);
    mutated.observe(article, { childList: true, subtree: true, characterData: true });
    container.addEventListener('scroll', place, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      mutated.disconnect();
      container.removeEventListener('scroll', place);
    };
  }, [root, blocks, sentences]);

  useEffect(() => {
    const container = layer.current?.parentElement;
    const article = root();
    if (focused === null || !container || !article) return;
    const sentence = sentences.find((s) => s.start === focused);
    const [place] = sentence ? markPlaces(article, container, blocks, [sentence]) : [];
    if (place)
      container.scrollTo({ top: Math.max(0, place.top - container.clientHeight / 3), behavior: 'smooth' });
  }, [focused, root, blocks, sentences]);

  return (
    <div className="cd-suggestion-marks" ref={layer} aria-hidden="true">
      {places.map((p) => (
        <span
          key={p.start}
          className="cd-suggestion-mark"
          data-focused={p.start === focused ? 'true' : undefined}
          style={{ top: p.top, height: p.height, left: p.left }}
        />
      ))}
    </div>
  );
}
