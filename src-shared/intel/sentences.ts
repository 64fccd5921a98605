// Sentence splitting over an article's canonical text (blocks joined by "\n\n"), in English and
// Arabic, with offsets into that text so a sentence can become a highlight as it is. A sentence
// ends at . ! ? … ؟ (closing quotes and brackets go with it) when what follows starts a new
// sentence; never inside a number (3.5, 1,000), after a title or initial (Mr., Dr., J.), after
// dotted abbreviations (U.S., U.N.) that run on into a name, or at a "?" or "!" inside a quote
// that the sentence goes on after ("Why?" he asked). A line break or block boundary always ends one.
// Arabic commas and semicolons (، ؛) never end a sentence.

import { classOf, DIGIT, LETTER, LOWER, SPACE } from './char-class';

export interface Sentence {
  text: string;
  /** UTF-16 offsets into the text given: text === source.slice(start, end). */
  start: number;
  end: number;
}

/** . ! ? … ؟ ۔ */
const isTerminator = (c: number): boolean =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x061f || c === 0x06d4;

/** Words that end in a full stop without ending the sentence (compared lower-cased, no dot). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'st',
  'mt',
  'jr',
  'sr',
  'messrs',
  'no',
  'nos',
  'vs',
  'v',
  'approx',
  'est',
  'dept',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'corp',
  'ltd',
  'co',
  'bros',
  'e.g',
  'i.e',
  'cf',
  'al', // et al.
]);

/** Abbreviations that do end a sentence when the next word could start one (they close clauses). */
const CLAUSE_FINAL = new Set(['inc', 'corp', 'ltd', 'co', 'bros', 'jr', 'sr', 'al']);

/** Words that start sentences often and names rarely: after "U.S." they mean a new sentence. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'this',
  'that',
  'these',
  'those',
  'there',
  'in',
  'on',
  'at',
  'but',
  'and',
  'however',
  'meanwhile',
  'his',
  'her',
  'their',
  'its',
  'our',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'as',
  'for',
  'officials',
  'some',
  'many',
  'according',
]);

/** A short bracketed credit ending the line, "(Reuters)", stays with the sentence before it. */
const CREDIT = /^\([^()]{1,40}\)\s*$/;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0;
const isCloser = (c: number): boolean =>
  c === 0x22 || // "
  c === 0x27 || // '
  c === 0x201d || // ”
  c === 0x2019 || // ’
  c === 0xbb || // »
  c === 0x29 || // )
  c === 0x5d || // ]
  c === 0x7d || // }
  c === 0x203a; // ›
/** Opening quotes and brackets (and marks) that may come before a sentence's first word. */
const isOpener = (c: number): boolean =>
  c === 0x22 || // "
  c === 0x27 || // '
  c === 0x201c || // “
  c === 0x2018 || // ‘
  c === 0xab || // «
  c === 0x28 || // (
  c === 0x5b || // [
  c === 0x200f ||
  c === 0x200e ||
  c === 0x2d; // -
// The classes of single UTF-16 units, as a regex sees one character of `text[i]`.
const unitClass = (text: string, i: number): number => classOf(text.charCodeAt(i));

/** The word that ends just before `at` (a full stop), letters and inner dots only. */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x2e || (unitClass(text, i - 1) & LETTER) !== 0)) i--;
  return text.slice(i, at);
}

/** The word that starts at `at`, after any opening quotes or brackets. */
function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && /["'“‘«([]/.test(text[i] as string)) i++;
  const m = /^[\p{L}\p{N}'’-]*/u.exec(text.slice(i, i + 40));
  return m ? m[0] : '';
}

/** Whether the full stop at `dot` belongs to an abbreviation that does not end the sentence (`next`: where the next word starts). */
function abbreviationHolds(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  if (word.length === 1 && /^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (word.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(word)) {
    // U.S., U.N., e.g.: the sentence goes on unless a likely sentence start follows.
    return !SENTENCE_STARTERS.has(wordAfter(text, next).toLowerCase());
  }
  const bare = word.toLowerCase().replace(/^\.+/, '');
  if (!ABBREVIATIONS.has(bare)) return false;
  if (bare === 'no' || bare === 'nos') return /^\d/.test(wordAfter(text, next));
  if (CLAUSE_FINAL.has(bare)) return !SENTENCE_STARTERS.has(wordAfter(text, next).toLowerCase());
  return true;
}

/** Whether a new sentence may start at `at` (a non-space character after a terminator). */
function startsSentence(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && isOpener(text.charCodeAt(i))) i++;
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  const k = classOf(c);
  if (k & LOWER) return false;
  return (k & (LETTER | DIGIT)) !== 0 || c === 0x23 || c === 0x40; // # @
}

/** Splits one line (no line breaks) into sentence ranges, offsets relative to `base`. */
function splitLine(text: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && unitClass(text, s) & SPACE) s++;
    while (e > s && unitClass(text, e - 1) & SPACE) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  let i = from;
  while (i < to) {
    if (!isTerminator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A run of terminators ("?!", "...") and the closers after it stay with the sentence.
    let end = i + 1;
    while (end < to && isTerminator(text.charCodeAt(end))) end++;
    while (end < to && isCloser(text.charCodeAt(end))) end++;
    // Only whitespace ends a sentence: "3.5", "U.S.-led" and "example.com" run on.
    if (end < to && !isSpace(text.charCodeAt(end))) {
      i = end;
      continue;
    }
    let next = end;
    while (next < to && isSpace(text.charCodeAt(next))) next++;
    if (next >= to) break;
    const onlyDot = text.charCodeAt(i) === 0x2e && text.charCodeAt(i + 1) !== 0x2e;
    const split =
      startsSentence(text, next) &&
      !(onlyDot && abbreviationHolds(text, i, next)) &&
      !(text.charCodeAt(next) === 0x28 && CREDIT.test(text.slice(next, to)));
    if (split) {
      push(end);
      start = next;
    }
    i = next;
  }
  push(to);
}

/** The sentences of a text, in order; blocks ("\n\n") and lines always separate sentences. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let i = text.indexOf('\n', lineStart);
    if (i < 0) i = text.length;
    if (i > lineStart) splitLine(text, lineStart, i, out);
    lineStart = i + 1;
  }
  return out;
}
