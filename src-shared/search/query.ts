// Parses the annotation search box: free words, "quoted phrases" and the filters label:,
// verdict:, status:, source: and priority:, whose values may be quoted (source:"Dmitry Peskov").
// Every part must match; a part written with a leading minus (-russia, -label:quote, -"in
// Syria") must not; OR between parts gives alternatives (label:statistic OR label:quote), each
// of them every part around it up to the next OR, as in a web search. A field the language does
// not know is read as free text.
import { searchTokens } from './fold';

export const QUERY_FIELDS = ['label', 'verdict', 'status', 'source', 'priority'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface FieldFilter {
  field: QueryField;
  /** The value's folded words. */
  words: string[];
}

/** What an annotation must not have to be found. */
export interface Negations {
  words: string[];
  phrases: string[][];
  filters: FieldFilter[];
}

/** One alternative of a query: every part must match, none of `not`. */
export interface ParsedQuery {
  /** Folded words that must each occur whole. */
  words: string[];
  /** The last free word, matched as the start of a word so results follow typing. */
  prefix: string | null;
  /** Folded word sequences that must occur together, in order. */
  phrases: string[][];
  filters: FieldFilter[];
  not: Negations;
}

/** The syntax, as the search box's help lists it. */
export const SEARCH_SYNTAX: readonly (readonly [string, string])[] = [
  ['words', 'every word, the last one as typed so far'],
  ['"a phrase"', 'these words together'],
  ['label:claim', 'also verdict:false, status:checked, priority:high, source:Peskov'],
  ['-word  -label:quote', 'leave out what has it'],
  ['a OR b', 'either side (OR in capitals)'],
];

/** The same, one line a form: the search box's tooltip. */
export const SEARCH_HELP = SEARCH_SYNTAX.map(([form, meaning]) => `${form} — ${meaning}`).join('\n');

const QUOTES = '"“”«»';
const FIELD = /^([a-z]+):/i;

function isField(name: string): name is QueryField {
  return (QUERY_FIELDS as readonly string[]).includes(name);
}

/** Reads a quoted run starting at `at` (a quote mark); an unclosed quote runs to the end. */
function readQuoted(q: string, at: number): { text: string; next: number } {
  let end = at + 1;
  while (end < q.length && !QUOTES.includes(q[end] as string)) end++;
  return { text: q.slice(at + 1, end), next: end + 1 };
}

function readBare(q: string, at: number): { text: string; next: number } {
  let end = at;
  while (end < q.length && !/\s/.test(q[end] as string)) end++;
  return { text: q.slice(at, end), next: end };
}

const emptyClause = (): ParsedQuery => ({
  words: [],
  prefix: null,
  phrases: [],
  filters: [],
  not: { words: [], phrases: [], filters: [] },
});

const isEmpty = (c: ParsedQuery): boolean =>
  c.words.length + c.phrases.length + c.filters.length === 0 &&
  c.prefix === null &&
  c.not.words.length + c.not.phrases.length + c.not.filters.length === 0;

/** `OR` standing alone (in capitals, so "or" stays a word to find). */
const isOr = (q: string, at: number): boolean => q.startsWith('OR', at) && /^\s?$/.test(q[at + 2] ?? '');

/** A query's alternatives (split at OR); an annotation matching any one of them is found. */
export function parseSearch(q: string): ParsedQuery[] {
  const clauses: ParsedQuery[] = [];
  let clause = emptyClause();
  let lastBare = -1;
  const finish = (): void => {
    if (lastBare >= 0) clause.prefix = clause.words.splice(lastBare, 1)[0] as string;
    if (!isEmpty(clause)) clauses.push(clause);
    clause = emptyClause();
    lastBare = -1;
  };
  let at = 0;
  while (at < q.length) {
    if (/\s/.test(q[at] as string)) {
      at++;
      continue;
    }
    if (isOr(q, at)) {
      finish();
      at += 2;
      continue;
    }
    // A minus before a part (not a lone one, not a dash inside a word) leaves that part out.
    const negated = q[at] === '-' && at + 1 < q.length && !/[\s-]/.test(q[at + 1] as string);
    if (negated) at++;
    const into = negated ? clause.not : clause;
    const field = FIELD.exec(q.slice(at, at + 12))?.[1]?.toLowerCase();
    if (field !== undefined && isField(field)) {
      const valueAt = at + field.length + 1;
      const value = QUOTES.includes(q[valueAt] ?? '') ? readQuoted(q, valueAt) : readBare(q, valueAt);
      const valueWords = searchTokens(value.text);
      // An empty value is a filter still being typed: it does not narrow the results yet.
      if (valueWords.length > 0) into.filters.push({ field, words: valueWords });
      at = value.next;
    } else if (QUOTES.includes(q[at] as string)) {
      const phrase = readQuoted(q, at);
      const phraseWords = searchTokens(phrase.text);
      if (phraseWords.length > 1) into.phrases.push(phraseWords);
      else into.words.push(...phraseWords);
      at = phrase.next;
    } else {
      const bare = readBare(q, at);
      const bareWords = searchTokens(bare.text);
      if (negated && bareWords.length > 1) clause.not.phrases.push(bareWords);
      else into.words.push(...bareWords);
      if (!negated && bareWords.length > 0) lastBare = clause.words.length - 1;
      at = bare.next;
    }
  }
  finish();
  return clauses;
}

/** A query of one alternative (the first, if it has OR). */
export function parseQuery(q: string): ParsedQuery {
  return parseSearch(q)[0] ?? emptyClause();
}
