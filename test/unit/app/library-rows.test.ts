// The library list's row model: files as headings in import order, articles in file order, the
// folded title filter, offsets, and which rows a scroll band draws.
import { describe, expect, it } from 'vitest';
import {
  ENTRY_ROW_PX,
  FILE_ROW_PX,
  indexLibrary,
  libraryRows,
  visibleRange,
} from '../../../src-renderer/src/app/library-rows';
import type { LibraryEntry } from '../../../src-renderer/src/db/database';

const entry = (id: string, sourceFile: string, articleIndex: number, title: string): LibraryEntry => ({
  id,
  sourceFile,
  articleIndex,
  title,
  direction: 'ltr',
  importedAt: '2026-12-05T00:00:00.000Z',
});

const library = indexLibrary([
  entry('b2', 'b.txt', 1, 'Port strike ends'),
  entry('a1', 'a.txt', 0, 'Élections: le Président parle'),
  entry('b1', 'b.txt', 0, 'Harbour fees rise'),
  entry('c1', 'c.txt', 0, 'وزير الاقتصاد: نمو الصادرات'),
]);

const shown = (filter: string) =>
  libraryRows(library, filter).rows.map((r) => (r.kind === 'file' ? `# ${r.file}` : r.entry.id));

describe('library rows', () => {
  it('lists files in the order first met, each file’s articles in file order', () => {
    expect(shown('')).toEqual(['# b.txt', 'b1', 'b2', '# a.txt', 'a1', '# c.txt', 'c1']);
  });

  it('filters by title ignoring case and diacritics, keeping only files with a match', () => {
    expect(shown('president')).toEqual(['# a.txt', 'a1']);
    expect(shown('PORT')).toEqual(['# b.txt', 'b2']);
    expect(shown('الإقتصاد')).toEqual(['# c.txt', 'c1']);
    expect(shown('nothing like it')).toEqual([]);
    expect(libraryRows(library, 'rise').entries).toBe(1);
  });

  it('places rows one under another at their fixed heights', () => {
    const { tops } = libraryRows(library, '');
    expect(tops.slice(0, 4)).toEqual([
      0,
      FILE_ROW_PX,
      FILE_ROW_PX + ENTRY_ROW_PX,
      FILE_ROW_PX + 2 * ENTRY_ROW_PX,
    ]);
    expect(tops[tops.length - 1]).toBe(3 * FILE_ROW_PX + 4 * ENTRY_ROW_PX);
  });

  it('draws only the rows meeting the view, plus the overscan', () => {
    const many = indexLibrary(
      Array.from({ length: 10_000 }, (_, i) => entry(`d${i}`, 'dump.txt', i, `Article ${i}`)),
    );
    const { tops } = libraryRows(many, '');
    // Row 0 is the heading; entry k is row k + 1, at FILE_ROW_PX + k * ENTRY_ROW_PX.
    const at = FILE_ROW_PX + 5_000 * ENTRY_ROW_PX;
    expect(visibleRange(tops, at, at + 10 * ENTRY_ROW_PX, 0)).toEqual([5_001, 5_011]);
    expect(visibleRange(tops, at + 1, at + 10 * ENTRY_ROW_PX, 2)).toEqual([4_999, 5_013]);
    expect(visibleRange(tops, -100, 0, 0)).toEqual([0, 0]);
    expect(visibleRange(tops, 0, 10, 3)).toEqual([0, 4]);
    expect(visibleRange([0], 0, 500)).toEqual([0, 0]);
  });
});
