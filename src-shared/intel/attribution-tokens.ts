// Cuts an English sentence into the tokens attribution reads: words (letters and digits joined by
// apostrophes, full stops or hyphens, as in "al-Sharaa", "U.S." and "engineers’"), single marks,
// and for each word whether it has a capital and stands inside quotation marks. Written by hand
// rather than as one regex: it runs over every sentence with a cue, thousands per news dump.

import { classAt, DIGIT, LETTER, sizeAt, SPACE } from './char-class';

export interface Token {
  text: string;
  lower: string;
  word: boolean;
  /** Has a capital letter ("Peskov", "al-Sharaa", "U.S."). */
  cap: boolean;
  quoted: boolean;
}

export const OPEN_QUOTES = new Set(['“', '‘', '«']);
export const CLOSE_QUOTES = new Set(['”', '’', '»']);
const ABBREVIATION = /\p{L}\.\p{L}/u;
const WORD = LETTER | DIGIT;

/** Whether the code point at `i` is a letter or digit (false past the end). */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return (classAt(text, i) & WORD) !== 0;
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/**
 * The end of the word starting at `i`: letters and digits joined by ' ’ . or - ("al-Sharaa",
 * "U.S"), a plural possessive's apostrophe ("engineers’"), then one full stop if there is one.
 */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (isWordAt(text, j)) j += sizeAt(text, j);
    const c = text.charCodeAt(j);
    if ((isApostrophe(c) || c === 0x2e || c === 0x2d) && isWordAt(text, j + 1)) {
      j++;
      continue;
    }
    break;
  }
  if (
    text.charCodeAt(j - 1) === 0x73 &&
    isApostrophe(text.charCodeAt(j)) &&
    (classAt(text, j + 1) & LETTER) === 0
  )
    j++;
  if (text.charCodeAt(j) === 0x2e) j++;
  return j;
}

/** "U.S." keeps its last full stop; "said." gives it back to the sentence. */
const keepsStop = (t: string): boolean => t.indexOf('.') < t.length - 1 && ABBREVIATION.test(t);

/** Lower-cased; the word itself when it has nothing to lower (most words: no copy). */
function lowerOf(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) return t.toLowerCase();
  }
  return t;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      i++;
      continue;
    }
    const k = classAt(text, i);
    if (k & SPACE) {
      i++;
      continue;
    }
    const size = sizeAt(text, i);
    if (k & WORD) {
      const end = wordEnd(text, i);
      let t = text.slice(i, end);
      i = end;
      // A trailing full stop is the sentence's, unless the word is an abbreviation like "U.S.".
      if (t.length > 2 && t.charCodeAt(t.length - 1) === 0x2e && !keepsStop(t)) t = t.slice(0, -1);
      const lower = lowerOf(t);
      tokens.push({ text: t, lower, word: true, cap: lower !== t, quoted: depth > 0 });
      continue;
    }
    // A mark is one character that is no letter or digit (a pair of surrogates counts as a word).
    const t = text.slice(i, i + size);
    i += size;
    const word = size > 1;
    if (!word && (OPEN_QUOTES.has(t) || (t === '"' && depth === 0))) {
      depth++;
      tokens.push({ text: t, lower: t, word, cap: false, quoted: false });
      continue;
    }
    if (!word && (CLOSE_QUOTES.has(t) || t === '"')) {
      // A closing mark with nothing open: the sentence began inside a quotation.
      if (depth === 0 && t !== '’') for (const prev of tokens) prev.quoted = true;
      depth = Math.max(0, depth - 1);
      tokens.push({ text: t, lower: t, word, cap: false, quoted: false });
      continue;
    }
    const lower = c < 0x80 ? t : t.toLowerCase();
    tokens.push({ text: t, lower, word, cap: word && lower !== t, quoted: depth > 0 });
  }
  return tokens;
}
