// Label highlight colours: the palette new labels draw from, and the check that body text stays
// readable over a highlight in both themes. Pure functions, no DOM.

/** Twelve highlight colours, the default labels' five first, so a new label gets a fresh one. */
export const LABEL_PALETTE: readonly string[] = [
  '#f2c94c',
  '#56ccf2',
  '#6fcf97',
  '#f2994a',
  '#bb6bd9',
  '#eb5757',
  '#f299c1',
  '#7986cb',
  '#199e94',
  '#a3d63f',
  '#a0785a',
  '#9e9e9e',
];

/** WCAG AA for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

export interface HighlightTheme {
  background: string;
  text: string;
  /** The share of the label colour in the highlight (styles.css `--mark-alpha`). */
  weight: number;
}

// Mirrors styles.css: `.cd-mark` paints color-mix(label --mark-alpha, transparent) over --bg,
// with the body text colour on top.
export const HIGHLIGHT_THEMES = {
  light: { background: '#fbfaf7', text: '#1f1f1c', weight: 0.42 },
  dark: { background: '#1b1c1e', text: '#e6e4de', weight: 0.38 },
} as const satisfies Record<string, HighlightTheme>;

type Rgb = readonly [number, number, number];

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Whether `color` is a #rrggbb colour, the only form labels store. */
export function isHexColor(color: string): boolean {
  return HEX_COLOR.test(color);
}

function rgbOf(color: string): Rgb {
  if (!isHexColor(color)) throw new Error(`"${color}" is not a #rrggbb colour`);
  const channel = (at: number): number => parseInt(color.slice(at, at + 2), 16);
  return [channel(1), channel(3), channel(5)];
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function ratioOf(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  return ratioOf(rgbOf(a), rgbOf(b));
}

// A colour mixed with `transparent` keeps its channels and takes the weight as alpha (the mix is
// premultiplied); composited over an opaque page that is a plain weighted mean in sRGB.
function highlightRgb(color: string, theme: HighlightTheme): Rgb {
  const page = rgbOf(theme.background);
  const label = rgbOf(color);
  const mix = (i: 0 | 1 | 2): number => label[i] * theme.weight + page[i] * (1 - theme.weight);
  return [mix(0), mix(1), mix(2)];
}

/** The contrast of body text over a highlight of `color`, in each theme. */
export function highlightContrast(color: string): { light: number; dark: number } {
  const { light, dark } = HIGHLIGHT_THEMES;
  return {
    light: ratioOf(rgbOf(light.text), highlightRgb(color, light)),
    dark: ratioOf(rgbOf(dark.text), highlightRgb(color, dark)),
  };
}

/** Whether body text stays readable (≥ 4.5:1) over a highlight of `color` in both themes. */
export function highlightLegible(color: string): boolean {
  if (!isHexColor(color)) return false;
  const { light, dark } = highlightContrast(color);
  return light >= MIN_TEXT_CONTRAST && dark >= MIN_TEXT_CONTRAST;
}

/**
 * The first palette colour no label uses; once all twelve are taken, the least used one, so
 * colours repeat as rarely as possible.
 */
export function nextUnusedColor(used: readonly string[]): string {
  const uses = new Map(LABEL_PALETTE.map((c) => [c, 0]));
  for (const color of used) {
    const key = color.toLowerCase();
    const count = uses.get(key);
    if (count !== undefined) uses.set(key, count + 1);
  }
  let best = LABEL_PALETTE[0] as string;
  for (const [color, count] of uses) if (count < (uses.get(best) ?? 0)) best = color;
  return best;
}
