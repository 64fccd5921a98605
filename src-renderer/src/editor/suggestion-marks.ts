// Where the article shows its suggested sentences: for each, the vertical extent of its text and
// the margin beside its block (the left margin, the right one in right-to-left text), in the
// coordinates of the scrolling container, so marks placed there scroll with the article.
import { blockOffsets } from '../../../src-shared/canonical';
import type { DocBlock } from '../../../src-shared/model';

export interface MarkPlace {
  start: number;
  top: number;
  height: number;
  left: number;
}

/** A DOM range over [start, end) of one block element's text, or null if the text is not there. */
function rangeInBlock(block: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!started && start <= at + length) {
      range.setStart(node, Math.max(0, start - at));
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, Math.max(0, end - at));
      return range;
    }
    at += length;
  }
  return null;
}

/** The places of the sentences' marks; a sentence whose block is not rendered gets none. */
export function markPlaces(
  root: HTMLElement,
  container: HTMLElement,
  blocks: readonly DocBlock[],
  sentences: readonly { start: number; end: number }[],
): MarkPlace[] {
  const starts = blockOffsets(blocks);
  const box = container.getBoundingClientRect();
  const places: MarkPlace[] = [];
  for (const s of sentences) {
    let index = 0;
    while (index + 1 < starts.length && (starts[index + 1] as number) <= s.start) index++;
    const block = root.children[index];
    const blockStart = starts[index] as number;
    const range = block && rangeInBlock(block, s.start - blockStart, s.end - blockStart);
    if (!block || !range) continue;
    const rects = range.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) continue;
    const blockBox = block.getBoundingClientRect();
    const rtl = getComputedStyle(block).direction === 'rtl';
    places.push({
      start: s.start,
      top: first.top - box.top + container.scrollTop,
      height: Math.max(4, last.bottom - first.top),
      left: (rtl ? blockBox.right + 9 : blockBox.left - 12) - box.left + container.scrollLeft,
    });
  }
  return places;
}
