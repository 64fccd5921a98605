// What kind of character a code point is, as the Unicode classes of a regex see it (\p{L},
// \p{Lu}, \p{Ll}, \p{N}, \p{M}, \s), looked up in a table instead of testing a regex per character:
// attribution's scanners read every character of every sentence of a dump.

export const LETTER = 1;
export const UPPER = 2;
export const DIGIT = 4;
export const MARK = 8;
export const SPACE = 16;
export const LOWER = 32;
const KNOWN = 128;

const IS_LETTER = /\p{L}/u;
const IS_UPPER = /\p{Lu}/u;
const IS_DIGIT = /\p{N}/u;
const IS_MARK = /\p{M}/u;
const IS_SPACE = /\s/u;
const IS_LOWER = /\p{Ll}/u;
// The classes of BMP code points, filled as met.
const CLASS = new Uint8Array(0x10000);

function classify(cp: number): number {
  const c = String.fromCodePoint(cp);
  return (
    KNOWN |
    (IS_LETTER.test(c) ? LETTER : 0) |
    (IS_UPPER.test(c) ? UPPER : 0) |
    (IS_DIGIT.test(c) ? DIGIT : 0) |
    (IS_MARK.test(c) ? MARK : 0) |
    (IS_SPACE.test(c) ? SPACE : 0) |
    (IS_LOWER.test(c) ? LOWER : 0)
  );
}
for (let c = 0; c < 0x80; c++) CLASS[c] = classify(c);

/** The classes of a code point, as bits. */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    const k = CLASS[cp] as number;
    if (k !== 0) return k;
    return (CLASS[cp] = classify(cp));
  }
  return classify(cp);
}

/** The classes of the code point at `i` (a whole surrogate pair when one starts there); 0 past the end. */
export function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return (CLASS[c] as number) || classOf(c);
  return classOf(text.codePointAt(i) as number);
}

/** Length in UTF-16 units of the code point at `i`: 2 for a surrogate pair. */
export function sizeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
}
