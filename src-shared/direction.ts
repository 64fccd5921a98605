// Text direction by the majority of strong characters, counted in one loop without allocating:
// a 40 MB import calls it on every block and every article.
import type { Direction } from './model';

export interface StrongCounts {
  rtl: number;
  ltr: number;
}

/** Right-to-left letters (UTF-16 units): Hebrew, Arabic, Syriac, Thaana… and presentation forms. */
export const isRtlLetter = (c: number): boolean =>
  (c >= 0x590 && c <= 0x8ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);

/** Left-to-right letters (UTF-16 units): Latin, Greek and Cyrillic. */
export const isLtrLetter = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0xc0 && c <= 0x24f) ||
  (c >= 0x370 && c <= 0x4ff);

/** The strong letters of a text: isRtlLetter and isLtrLetter counted. */
export function strongCounts(text: string, into: StrongCounts = { rtl: 0, ltr: 0 }): StrongCounts {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLtrLetter(c)) into.ltr++;
    else if (isRtlLetter(c)) into.rtl++;
  }
  return into;
}

/** Ties and no letters read as LTR, as in detectDirection. */
export const directionOfCounts = (rtl: number, ltr: number): Direction => (rtl > ltr ? 'rtl' : 'ltr');

export const directionOf = ({ rtl, ltr }: StrongCounts): Direction => directionOfCounts(rtl, ltr);
