// Shortening a quote for a menu or a notice: cut at a word boundary, never inside a word, and
// marked with an ellipsis, so "attended the summit" never shows as "attended t".

export function shortText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  // A single word longer than the room is cut where it must be.
  const head = space > max / 2 ? cut.slice(0, space) : flat.slice(0, max);
  return `${head.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
