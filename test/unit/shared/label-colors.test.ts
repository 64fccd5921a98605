// Label colours: WCAG contrast, text legibility over a highlight in both themes, and the palette
// new labels draw from.
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  highlightContrast,
  highlightLegible,
  isHexColor,
  LABEL_PALETTE,
  nextUnusedColor,
} from '../../../src-shared/label-colors';
import { DEFAULT_LABELS } from '../../../src-shared/labels';

function rgb(color: string): number[] {
  return [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16));
}

describe('contrastRatio', () => {
  it('follows WCAG relative luminance', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // Well-known reference values.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(() => contrastRatio('blue', '#ffffff')).toThrow(/#rrggbb/);
    expect(isHexColor('#A0b1C2')).toBe(true);
    expect(isHexColor('#abc')).toBe(false);
  });
});

describe('highlightLegible', () => {
  it('measures the text over the colour mixed into each page background', () => {
    // White at 42% over the light page is #fdfcfa (rounded); at 38% over the dark page, #727274.
    const white = highlightContrast('#ffffff');
    expect(white.light).toBeCloseTo(contrastRatio('#1f1f1c', '#fdfcfa'), 1);
    expect(white.dark).toBeCloseTo(contrastRatio('#e6e4de', '#727274'), 1);
    // The page background itself is no highlight at all: the theme's own text contrast.
    expect(highlightContrast('#fbfaf7').light).toBeCloseTo(contrastRatio('#1f1f1c', '#fbfaf7'), 5);
    expect(highlightContrast('#1b1c1e').dark).toBeCloseTo(contrastRatio('#e6e4de', '#1b1c1e'), 5);
  });

  it('fails colours too light for the dark theme or too dark for the light one', () => {
    expect(highlightLegible('#ffffff')).toBe(false);
    expect(highlightLegible('#ffff66')).toBe(false);
    expect(highlightLegible('#000000')).toBe(true);
    expect(highlightContrast('#000000').light).toBeGreaterThan(4.5);
    expect(highlightLegible('not a colour')).toBe(false);
  });

  it('passes every palette and default label colour', () => {
    for (const color of [...LABEL_PALETTE, ...DEFAULT_LABELS.map((l) => l.color)]) {
      expect({ color, legible: highlightLegible(color) }).toEqual({ color, legible: true });
    }
  });
});

describe('LABEL_PALETTE', () => {
  it('holds twelve distinct #rrggbb colours, starting with the default labels', () => {
    expect(LABEL_PALETTE).toHaveLength(12);
    expect(LABEL_PALETTE.every(isHexColor)).toBe(true);
    expect(LABEL_PALETTE.slice(0, DEFAULT_LABELS.length)).toEqual(DEFAULT_LABELS.map((l) => l.color));
    for (const [i, a] of LABEL_PALETTE.entries()) {
      for (const b of LABEL_PALETTE.slice(i + 1)) {
        const [p, q] = [rgb(a), rgb(b)];
        expect(Math.hypot(...p.map((v, k) => v - (q[k] ?? 0))), `${a} ~ ${b}`).toBeGreaterThan(45);
      }
    }
  });
});

describe('nextUnusedColor', () => {
  it('gives the first palette colour not in use, whatever the case', () => {
    expect(nextUnusedColor([])).toBe(LABEL_PALETTE[0]);
    expect(nextUnusedColor(['#F2C94C', '#6fcf97', '#123456'])).toBe(LABEL_PALETTE[1]);
    expect(nextUnusedColor(DEFAULT_LABELS.map((l) => l.color))).toBe(LABEL_PALETTE[5]);
  });

  it('reuses the least used colour once the palette is exhausted', () => {
    const all = [...LABEL_PALETTE];
    expect(nextUnusedColor(all)).toBe(LABEL_PALETTE[0]);
    expect(nextUnusedColor([...all, LABEL_PALETTE[0]!, LABEL_PALETTE[1]!])).toBe(LABEL_PALETTE[2]);
  });
});
