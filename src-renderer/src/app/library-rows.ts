// The library list as flat rows of fixed heights — a file's heading, then its articles in file
// order — so the list can draw only the rows in view: 10,000 articles scroll and filter at the
// cost of the few dozen on screen.
import { foldText } from '../../../src-shared/text-fold';
import type { LibraryEntry } from '../db/database';

/** Heights in CSS pixels; the stylesheet gives the rows the same (see .cd-library-row). */
export const FILE_ROW_PX = 30;
export const ENTRY_ROW_PX = 50;

export type LibraryRow = { kind: 'file'; file: string } | { kind: 'entry'; entry: LibraryEntry };

export interface LibraryIndex {
  /** Entries grouped by file (files in the order first imported), each group in file order. */
  groups: readonly { file: string; entries: readonly LibraryEntry[]; folded: readonly string[] }[];
}

export function indexLibrary(entries: readonly LibraryEntry[]): LibraryIndex {
  const byFile = new Map<string, LibraryEntry[]>();
  for (const entry of entries) {
    const group = byFile.get(entry.sourceFile);
    if (group) group.push(entry);
    else byFile.set(entry.sourceFile, [entry]);
  }
  return {
    groups: [...byFile].map(([file, list]) => {
      const sorted = list.sort((a, b) => a.articleIndex - b.articleIndex);
      return { file, entries: sorted, folded: sorted.map((e) => foldText(e.title)) };
    }),
  };
}

export interface LibraryRows {
  rows: LibraryRow[];
  /** tops[i]: row i's offset from the list's top; tops[rows.length] is the list's height. */
  tops: number[];
  entries: number;
}

/** The rows whose titles contain `filter` (folded: case and diacritics aside), with their offsets. */
export function libraryRows(index: LibraryIndex, filter: string): LibraryRows {
  const wanted = foldText(filter);
  const rows: LibraryRow[] = [];
  const tops: number[] = [];
  let y = 0;
  let entries = 0;
  for (const group of index.groups) {
    let headed = false;
    group.entries.forEach((entry, i) => {
      if (wanted !== '' && !group.folded[i]?.includes(wanted)) return;
      if (!headed) {
        rows.push({ kind: 'file', file: group.file });
        tops.push(y);
        y += FILE_ROW_PX;
        headed = true;
      }
      rows.push({ kind: 'entry', entry });
      tops.push(y);
      y += ENTRY_ROW_PX;
      entries++;
    });
  }
  tops.push(y);
  return { rows, tops, entries };
}

/**
 * The rows [first, last) that meet the band [from, to) of the list (pixels from its top), plus
 * `overscan` rows either side so a fast scroll shows no gap before the next frame.
 */
export function visibleRange(
  tops: readonly number[],
  from: number,
  to: number,
  overscan = 8,
): [number, number] {
  const count = tops.length - 1;
  // The last row starting at or above `from`, by binary search.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] as number) <= from) lo = mid;
    else hi = mid - 1;
  }
  let last = lo;
  while (last < count && (tops[last] as number) < to) last++;
  return [Math.max(0, lo - overscan), Math.min(count, last + overscan)];
}
