// foldForSearch (src-shared/search/fold.ts) character by character from a table, for the text
// attribution folds word by word over a whole dump: English and Arabic fold the same as
// foldForSearch folds them, without its Unicode normalisation of the whole string. Text with
// characters the table does not hold goes to foldForSearch itself, so the result is always its.
import { foldForSearch } from '../search/fold';

// Latin, Latin-1, Latin Extended, IPA, combining marks, Arabic and general punctuation: each
// character folds alone to what it folds to inside any text (their lower-casing needs no context
// and the marks normalisation could reorder are all dropped). Greek is left out: Σ lower-cases
// by context.
const LOW_END = 0x0700;
const GREEK_START = 0x0370;
const GREEK_END = 0x0400;
const PUNCTUATION_START = 0x2000;
const PUNCTUATION_END = 0x2070;

const inTable = (c: number): boolean =>
  (c < LOW_END && (c < GREEK_START || c >= GREEK_END)) || (c >= PUNCTUATION_START && c < PUNCTUATION_END);
const FOLDED = new Map<number, string>();
/** 1: folds to itself, 2: folds to FOLDED's string, 0: not in the table. */
const KIND = new Uint8Array(PUNCTUATION_END);
for (let c = 0; c < PUNCTUATION_END; c++) {
  if (!inTable(c)) continue;
  const ch = String.fromCharCode(c);
  const folded = foldForSearch(ch);
  KIND[c] = folded === ch ? 1 : 2;
  if (folded !== ch) FOLDED.set(c, folded);
}

/** The same string as foldForSearch(text). */
export function foldFast(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < PUNCTUATION_END ? (KIND[c] as number) : 0;
    if (kind === 1) continue;
    if (kind === 0) return foldForSearch(text);
    out += text.slice(from, i) + (FOLDED.get(c) as string);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
