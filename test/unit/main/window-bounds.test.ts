// Window-state validation: a remembered position is reused only where it still fits a screen.
import { describe, expect, it } from 'vitest';
import {
  chooseWindowPlacement,
  DEFAULT_WINDOW_SIZE,
  fitsSomeWorkArea,
  parseWindowState,
  type Rect,
} from '../../../src-main/main/window-bounds';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };
const left: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };

describe('parseWindowState', () => {
  const good = { bounds: { x: 10, y: 40, width: 1000, height: 700 }, maximized: false };

  it('accepts a well-formed state and drops unknown fields', () => {
    expect(parseWindowState({ ...good, extra: 1, bounds: { ...good.bounds, z: 3 } })).toEqual(good);
  });

  it('accepts negative coordinates (screens left of the primary)', () => {
    expect(parseWindowState({ ...good, bounds: { ...good.bounds, x: -1800 } })).not.toBeNull();
  });

  it.each([
    ['null', null],
    ['a string', '{"bounds":{}}'],
    ['an array', [good]],
    ['no bounds', { maximized: false }],
    ['no maximised flag', { bounds: good.bounds }],
    ['a string flag', { ...good, maximized: 'yes' }],
    ['fractional numbers', { ...good, bounds: { ...good.bounds, x: 1.5 } }],
    ['NaN', { ...good, bounds: { ...good.bounds, width: Number.NaN } }],
    ['Infinity', { ...good, bounds: { ...good.bounds, height: Number.POSITIVE_INFINITY } }],
    ['string numbers', { ...good, bounds: { ...good.bounds, x: '10' } }],
    ['absurd coordinates', { ...good, bounds: { ...good.bounds, x: 1e9 } }],
    ['a missing field', { ...good, bounds: { x: 1, y: 2, width: 800 } }],
    ['a tiny window', { ...good, bounds: { ...good.bounds, width: 10, height: 10 } }],
    ['a negative size', { ...good, bounds: { ...good.bounds, width: -800 } }],
  ])('refuses %s', (_label, value) => expect(parseWindowState(value)).toBeNull());
});

describe('fitsSomeWorkArea', () => {
  it('accepts bounds inside one display', () => {
    expect(fitsSomeWorkArea({ x: 100, y: 100, width: 800, height: 600 }, [laptop])).toBe(true);
    expect(fitsSomeWorkArea({ x: 1500, y: 50, width: 2000, height: 1200 }, [laptop, external])).toBe(true);
    expect(fitsSomeWorkArea({ x: -1900, y: 10, width: 1000, height: 800 }, [left, laptop])).toBe(true);
    expect(fitsSomeWorkArea(laptop, [laptop])).toBe(true);
  });

  it('refuses bounds on a display that is gone', () => {
    expect(fitsSomeWorkArea({ x: 1500, y: 50, width: 1000, height: 800 }, [laptop])).toBe(false);
    expect(fitsSomeWorkArea({ x: -1900, y: 10, width: 1000, height: 800 }, [laptop])).toBe(false);
  });

  it('refuses bounds straddling two displays, under the menu bar, or larger than the screen', () => {
    expect(fitsSomeWorkArea({ x: 1000, y: 100, width: 1000, height: 600 }, [laptop, external])).toBe(false);
    expect(fitsSomeWorkArea({ x: 100, y: 0, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(fitsSomeWorkArea({ x: 0, y: 25, width: 1441, height: 875 }, [laptop])).toBe(false);
  });

  it('refuses everything when there are no displays', () => {
    expect(fitsSomeWorkArea({ x: 0, y: 0, width: 800, height: 600 }, [])).toBe(false);
  });
});

describe('chooseWindowPlacement', () => {
  it('reuses saved bounds that fit, with the maximised flag', () => {
    const bounds = { x: 100, y: 100, width: 900, height: 700 };
    expect(chooseWindowPlacement({ bounds, maximized: true }, [laptop])).toEqual({ bounds, maximized: true });
  });

  it('falls back to a centred default size when the saved position is off-screen', () => {
    const placement = chooseWindowPlacement(
      { bounds: { x: 3000, y: 100, width: 900, height: 700 }, maximized: true },
      [laptop],
    );
    expect(placement).toEqual({ bounds: { width: DEFAULT_WINDOW_SIZE.width, height: 860 }, maximized: true });
    expect(placement.bounds).not.toHaveProperty('x');
  });

  it('shrinks the default size to fit a small screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 700 };
    expect(chooseWindowPlacement(null, [small])).toEqual({
      bounds: { width: 1024, height: 700 },
      maximized: false,
    });
  });

  it('uses the defaults with nothing saved', () => {
    expect(chooseWindowPlacement(null, [external])).toEqual({
      bounds: { ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
    expect(chooseWindowPlacement(null, [])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
  });
});
