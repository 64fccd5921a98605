// Splits blocks of the canonical text into runs covered by the same set of annotations, so a
// view can draw overlapping highlights (the editor's MarkNodes, the HTML report's <mark>s).
// One sweep over sorted boundaries: O((blocks + annotations) · log), fine for 5,000 highlights.

export interface Span {
  start: number;
  end: number;
}

export interface AnnotationSpan extends Span {
  id: string;
}

/** A run of text with global offsets; `ids` in order of the annotations' starts (innermost last). */
export interface Segment extends Span {
  ids: string[];
}

interface Point {
  pos: number;
  id: string;
  enter: boolean;
}

export function segmentBlocks(blocks: readonly Span[], annotations: readonly AnnotationSpan[]): Segment[][] {
  const points: Point[] = [];
  for (const a of annotations) {
    if (a.end <= a.start) continue;
    points.push({ pos: a.start, id: a.id, enter: true }, { pos: a.end, id: a.id, enter: false });
  }
  points.sort((x, y) => x.pos - y.pos || Number(x.enter) - Number(y.enter));
  const active = new Set<string>();
  const apply = (p: Point): void => {
    if (p.enter) active.add(p.id);
    else active.delete(p.id);
  };
  let p = 0;
  return blocks.map(({ start, end }) => {
    while (p < points.length && (points[p] as Point).pos <= start) apply(points[p++] as Point);
    const segments: Segment[] = [];
    let at = start;
    while (p < points.length && (points[p] as Point).pos < end) {
      const point = points[p++] as Point;
      if (point.pos > at) {
        segments.push({ start: at, end: point.pos, ids: [...active] });
        at = point.pos;
      }
      apply(point);
    }
    if (end > at) segments.push({ start: at, end, ids: [...active] });
    return segments;
  });
}

/** Annotation ids in document order (by start, longer first on ties). */
export function documentOrder<T extends AnnotationSpan>(annotations: readonly T[]): T[] {
  return [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
}
