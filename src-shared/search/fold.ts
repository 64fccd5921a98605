// Folds text for search so a query matches regardless of case, Latin diacritics, and the
// spelling variants of Arabic script: tashkeel and tatweel are dropped, alef forms (أ إ آ ٱ)
// become ا, ى becomes ي and ة becomes ه; Persian ی and ک and Eastern Arabic digits are unified too.

// NFKD splits أ إ آ (and the hamza carriers ؤ ئ) and accented Latin letters into a base letter
// and a combining mark, and presentation forms and ligatures into plain letters; the marks then
// go with the tashkeel, so أ becomes ا and ئ becomes ي.
const DROPPED = /[\p{M}\u0640\u200C\u200D]/gu;

const LETTERS: Record<string, string> = {
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ٱ: 'ا',
  ک: 'ك',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};
const SPECIAL = /[ىیةٱکßøæœđłı\u0660-\u0669\u06F0-\u06F9]/g;

function replaceSpecial(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return LETTERS[c] ?? c;
}

// eslint-disable-next-line no-control-regex
const PLAIN_ASCII = /^[\u0000-\u007F]*$/;

/** Lower-cased, diacritic-free, Arabic-normalised text; word characters and separators stay where they were. */
export function foldForSearch(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.toLowerCase().normalize('NFKD').replace(DROPPED, '').replace(SPECIAL, replaceSpecial);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a text, in order: runs of letters and digits. */
export function searchTokens(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}
