import { describe, expect, it } from 'vitest';
import { documentOrder, segmentBlocks } from '../../../src-shared/anchoring/segments';

describe('segmentBlocks', () => {
  const blocks = [
    { start: 0, end: 10 },
    { start: 12, end: 20 },
  ];

  it('leaves text without annotations as one run per block', () => {
    expect(segmentBlocks(blocks, [])).toEqual([
      [{ start: 0, end: 10, ids: [] }],
      [{ start: 12, end: 20, ids: [] }],
    ]);
  });

  it('splits nested and partially overlapping highlights into runs with every covering id', () => {
    const runs = segmentBlocks(blocks, [
      { id: 'outer', start: 2, end: 9 },
      { id: 'inner', start: 4, end: 6 },
      { id: 'cross', start: 8, end: 15 },
    ]);
    expect(runs[0]).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 4, ids: ['outer'] },
      { start: 4, end: 6, ids: ['outer', 'inner'] },
      { start: 6, end: 8, ids: ['outer'] },
      { start: 8, end: 9, ids: ['outer', 'cross'] },
      { start: 9, end: 10, ids: ['cross'] },
    ]);
    expect(runs[1]).toEqual([
      { start: 12, end: 15, ids: ['cross'] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it('orders annotations by start, longer first', () => {
    const order = documentOrder([
      { id: 'b', start: 5, end: 6 },
      { id: 'a', start: 1, end: 3 },
      { id: 'c', start: 1, end: 9 },
    ]);
    expect(order.map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });
});
