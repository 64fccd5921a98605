// What the article view has drawn: each highlight's span and label, and the highlights over each
// paragraph, kept up to date in place so that a new list of thousands of annotations costs one
// pass and yields only the paragraphs whose highlights changed.
import { documentOrder, type AnnotationSpan, type Span } from '../../../src-shared/anchoring/segments';

/** A highlight to draw: where, and its label (a relabelled highlight is redrawn). */
export interface DrawnSpan extends Span {
  labelId?: string;
}

export type Highlight = AnnotationSpan & DrawnSpan;

interface DrawnEntry extends DrawnSpan {
  /** The pass that last saw this annotation, to find deleted ones without a set of all ids. */
  seenIn: number;
}

export interface DrawnHighlights {
  /** Start and end offset of each block in the canonical text. */
  blockSpans: Span[];
  /** The highlights drawn, by annotation id, with the label each was drawn in. */
  readonly drawn: ReadonlyMap<string, DrawnSpan>;
}

interface State extends DrawnHighlights {
  readonly drawn: Map<string, DrawnEntry>;
  /** Ids of the highlights over each block, so a block is re-segmented without a scan of all. */
  over: string[][];
  passes: number;
}

export function emptyHighlights(): DrawnHighlights {
  const state: State = { blockSpans: [], drawn: new Map(), over: [], passes: 0 };
  return state;
}

/** Index of the block containing offset `at` (binary search over sorted block spans). */
function blockAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid] as Span).start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first and last block `span` lies in. */
function blocksOf(spans: readonly Span[], span: Span): [number, number] {
  return [blockAt(spans, span.start), blockAt(spans, Math.max(span.start, span.end - 1))];
}

function draw(state: State, a: Highlight): void {
  state.drawn.set(a.id, { start: a.start, end: a.end, labelId: a.labelId, seenIn: state.passes });
  const [first, last] = blocksOf(state.blockSpans, a);
  for (let b = first; b <= last; b++) (state.over[b] ??= []).push(a.id);
}

function undraw(state: State, id: string, was: Span): void {
  const [first, last] = blocksOf(state.blockSpans, was);
  for (let b = first; b <= last; b++) {
    const ids = state.over[b] ?? [];
    const at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1);
  }
}

/** Starts over: every highlight drawn afresh over blocks at `blockSpans`. */
export function drawAll(
  highlights: DrawnHighlights,
  blockSpans: Span[],
  annotations: readonly Highlight[],
): void {
  const state = highlights as State;
  state.blockSpans = blockSpans;
  state.drawn.clear();
  state.over = new Array<string[]>(blockSpans.length);
  state.passes++;
  for (const a of annotations) if (!state.drawn.has(a.id)) draw(state, a);
}

/**
 * Brings the drawn highlights up to `annotations` and returns the blocks whose highlights changed,
 * in order. Allocates only for what changed: this runs on every highlight the analyst adds, with
 * thousands of unchanged ones.
 */
export function redraw(highlights: DrawnHighlights, annotations: readonly Highlight[]): number[] {
  const state = highlights as State;
  const pass = ++state.passes;
  const touched = new Set<number>();
  const touch = (span: Span): void => {
    const [first, last] = blocksOf(state.blockSpans, span);
    for (let b = first; b <= last; b++) touched.add(b);
  };
  const before = state.drawn.size;
  let kept = 0;
  for (const a of annotations) {
    const was = state.drawn.get(a.id);
    if (!was) {
      draw(state, a);
      touch(a);
      continue;
    }
    if (was.seenIn === pass) continue;
    was.seenIn = pass;
    kept++;
    if (was.start !== a.start || was.end !== a.end || was.labelId !== a.labelId) {
      touch(was);
      touch(a);
      undraw(state, a.id, was);
      draw(state, a);
    }
  }
  if (kept < before) {
    for (const [id, was] of state.drawn) {
      if (was.seenIn === pass) continue;
      touch(was);
      undraw(state, id, was);
      state.drawn.delete(id);
    }
  }
  return [...touched].sort((x, y) => x - y);
}

/** The highlights over the given blocks, in document order (innermost last where they nest). */
export function highlightsOver(highlights: DrawnHighlights, blocks: readonly number[]): AnnotationSpan[] {
  const state = highlights as State;
  const ids = new Set<string>();
  for (const b of blocks) for (const id of state.over[b] ?? []) ids.add(id);
  const spans: AnnotationSpan[] = [];
  for (const id of ids) {
    const entry = state.drawn.get(id);
    if (entry) spans.push({ id, start: entry.start, end: entry.end });
  }
  return documentOrder(spans);
}
