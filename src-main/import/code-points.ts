// What the canonical-text rules and the direction count care about in one code point, for the
// single-pass scanners (utf8-lines.ts, src-shared/canonical-fast.ts). Each predicate is checked
// against the shared rules and String.prototype.normalize in test/unit/import/code-points.test.ts.

/** JS whitespace beyond ASCII, defined with the fast canonical rules. */
export { isWideSpace } from '../../src-shared/canonical-fast';

/** The letters the direction count counts, defined with it. */
export { isLtrLetter, isRtlLetter } from '../../src-shared/direction';

/**
 * True for characters NFC leaves alone wherever they stand: quick-check "yes" and combining
 * class 0, so text made of ASCII and these is already NFC and needs no normalize() call. Only
 * what news text is made of is listed (Latin-1 and Latin Extended-A letters, typographic
 * punctuation, Arabic letters and digits); anything else is simply normalised.
 */
export const isNfcInert = (c: number): boolean =>
  c < 0x300
    ? c <= 0x17f
    : c < 0x2000
      ? (c >= 0x621 && c <= 0x63a) ||
        (c >= 0x640 && c <= 0x64a) ||
        (c >= 0x660 && c <= 0x66d) ||
        (c >= 0x671 && c <= 0x6d3) ||
        c === 0x60c ||
        c === 0x61b ||
        c === 0x61f ||
        c === 0x6d4
      : (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203a) || c === 0x20ac;
