// Sentence splitting over an article's canonical text (blocks joined by "\n\n"), in English and
// Arabic, with offsets into that text so a sentence can become a highlight as it is. A sentence
// ends at . ! ? … ؟ (closing quotes and brackets go with it) when what follows starts a new
// sentence; never inside a number (3.5, 1,000), after a title or initial (Mr., Dr., J.), after
// dotted abbreviations (U.S., U.N.) that run on into a name, or at a "?" or "!" inside a quote
// that the sentence goes on after ("Why?" he asked). A line break or block boundary always ends one.
// Arabic commas and semicolons (، ؛) never end a sentence.

export interface Sentence {
  text: string;
  /** UTF-16 offsets into the text given: text === source.slice(start, end). */
  start: number;
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?', '…', '؟', '۔']);
/** The same test on a character code: the scan over every character of a dump uses it. */
const isTerminator = (c: number): boolean =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x061f || c === 0x06d4;
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}', '›']);

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

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\u00a0';
const LOWER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The word that ends just before `at` (a full stop), letters and inner dots only. */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] as string)) i--;
  return text.slice(i, at);
}

/** The word that starts at `at`, after any opening quotes or brackets. */
function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && /["'“‘«([]/.test(text[i] as string)) i++;
  const m = /^[\p{L}\p{N}'’-]*/u.exec(text.slice(i, i + 40));
  return m ? m[0] : '';
}

/** Whether the full stop at `dot` belongs to an abbreviation that does not end the sentence. */
function abbreviationHolds(text: string, dot: number, next: string): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  const bare = word.toLowerCase().replace(/^\.+/, '');
  const nextLower = next.toLowerCase();
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
    // U.S., U.N., e.g.: the sentence goes on unless a likely sentence start follows.
    return !SENTENCE_STARTERS.has(nextLower);
  }
  if (!ABBREVIATIONS.has(bare)) return false;
  if (bare === 'no' || bare === 'nos') return /^\d/.test(next);
  if (CLAUSE_FINAL.has(bare)) return !SENTENCE_STARTERS.has(nextLower);
  return true;
}

/** Whether a new sentence may start at `at` (a non-space character after a terminator). */
function startsSentence(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && /["'“‘«([\u200f\u200e-]/.test(text[i] as string)) i++;
  const c = text[i];
  if (c === undefined) return false;
  if (LOWER.test(c)) return false;
  return LETTER_OR_DIGIT.test(c) || c === '#' || c === '@';
}

/** Splits one line (no line breaks) into sentence ranges, offsets relative to `base`. */
function splitLine(text: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  let i = from;
  while (i < to) {
    if (!isTerminator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const c = text[i] as string;
    // A run of terminators ("?!", "...") and the closers after it stay with the sentence.
    let end = i + 1;
    while (end < to && TERMINATORS.has(text[end] as string)) end++;
    while (end < to && CLOSERS.has(text[end] as string)) end++;
    // Only whitespace ends a sentence: "3.5", "U.S.-led" and "example.com" run on.
    if (end < to && !isSpace(text[end] as string)) {
      i = end;
      continue;
    }
    let next = end;
    while (next < to && isSpace(text[next] as string)) next++;
    if (next >= to) break;
    const onlyDot = c === '.' && text[i + 1] !== '.';
    const split =
      startsSentence(text, next) &&
      !(onlyDot && abbreviationHolds(text, i, wordAfter(text, next))) &&
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
