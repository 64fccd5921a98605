// Maps the browser's selection inside the article to offsets in the canonical text. The article
// is read-only, so the DOM selection is the truth; each child of the editor root is one block.

/** Index of the block (direct child of `root`) containing `node`, or -1. */
function blockIndexOf(root: HTMLElement, node: Node): number {
  let current: Node | null = node;
  while (current && current.parentNode !== root) current = current.parentNode;
  return current ? Array.prototype.indexOf.call(root.children, current) : -1;
}

function pointOffset(
  root: HTMLElement,
  blockStarts: readonly number[],
  node: Node,
  offset: number,
): number | null {
  if (node === root) {
    const block = root.children[Math.min(offset, root.children.length - 1)];
    const i = Math.min(offset, blockStarts.length - 1);
    if (!block || i < 0) return null;
    return (
      (blockStarts[i] as number) + (offset >= root.children.length ? (block.textContent?.length ?? 0) : 0)
    );
  }
  const index = blockIndexOf(root, node);
  const block = root.children[index];
  if (index < 0 || !block) return null;
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return (blockStarts[index] as number) + range.toString().length;
}

export function selectionOffsets(
  root: HTMLElement,
  blockStarts: readonly number[],
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = pointOffset(root, blockStarts, range.startContainer, range.startOffset);
  const end = pointOffset(root, blockStarts, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
