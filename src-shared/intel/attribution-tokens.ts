// Cuts an English sentence into the tokens attribution reads: words (letters and digits joined by
// apostrophes, full stops or hyphens, as in "al-Sharaa", "U.S." and "engineers’"), single marks,
// and for each word whether it has a capital and stands inside quotation marks. Written by hand
// rather than as one regex: it runs over every sentence with a cue, thousands per news dump.

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
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const ABBREVIATION = /\p{L}\.\p{L}/u;
// Whether each BMP code point is a letter or digit (bit 0 known, bit 1 word, bit 2 letter), filled
// as met: the tokenizer runs over every sentence with a cue, and a regex per character is slow.
const CLASS = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return 7;
    return cp >= 0x30 && cp <= 0x39 ? 3 : 1;
  }
  if (cp < 0x10000 && CLASS[cp] !== 0) return CLASS[cp] as number;
  const c = String.fromCodePoint(cp);
  const k = 1 | (WORD_CHAR.test(c) ? 2 : 0) | (LETTER.test(c) ? 4 : 0);
  if (cp < 0x10000) CLASS[cp] = k;
  return k;
}

/** Whether a code point is \s as a regex sees it. */
function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

const isWord = (text: string, i: number): boolean =>
  i < text.length && (classOf(text.codePointAt(i) as number) & 2) !== 0;
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/**
 * The end of the word starting at `i`: letters and digits joined by ' ’ . or - ("al-Sharaa",
 * "U.S"), a plural possessive's apostrophe ("engineers’"), then one full stop if there is one.
 */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (isWord(text, j)) j += (text.codePointAt(j) as number) > 0xffff ? 2 : 1;
    const c = text.charCodeAt(j);
    if ((isApostrophe(c) || c === 0x2e || c === 0x2d) && isWord(text, j + 1)) {
      j++;
      continue;
    }
    break;
  }
  if (
    text.charCodeAt(j - 1) === 0x73 &&
    isApostrophe(text.charCodeAt(j)) &&
    !(j + 1 < text.length && (classOf(text.codePointAt(j + 1) as number) & 4) !== 0)
  )
    j++;
  if (text.charCodeAt(j) === 0x2e) j++;
  return j;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    if (isSpace(cp)) {
      i += size;
      continue;
    }
    let t: string;
    let word: boolean;
    if ((classOf(cp) & 2) !== 0) {
      const end = wordEnd(text, i);
      t = text.slice(i, end);
      i = end;
      // A trailing full stop is the sentence's, unless the word is an abbreviation like "U.S.".
      if (t.length > 2 && t.endsWith('.') && !ABBREVIATION.test(t)) t = t.slice(0, -1);
      word = true;
    } else {
      t = text.slice(i, i + size);
      i += size;
      // A mark is one character that is no letter or digit.
      word = t.length > 1;
    }
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
    const lower = t.toLowerCase();
    tokens.push({ text: t, lower, word, cap: word && lower !== t, quoted: depth > 0 });
  }
  return tokens;
}
