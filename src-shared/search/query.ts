// Parses the annotation search box: free words, "quoted phrases" and the filters label:,
// verdict:, status:, source: and priority:, whose values may be quoted (source:"Dmitry Peskov").
// Every part must match; a field the language does not know is read as free text.
import { searchTokens } from './fold';

export const QUERY_FIELDS = ['label', 'verdict', 'status', 'source', 'priority'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface FieldFilter {
  field: QueryField;
  /** The value's folded words. */
  words: string[];
}

export interface ParsedQuery {
  /** Folded words that must each occur whole. */
  words: string[];
  /** The last free word, matched as the start of a word so results follow typing. */
  prefix: string | null;
  /** Folded word sequences that must occur together, in order. */
  phrases: string[][];
  filters: FieldFilter[];
}

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

export function parseQuery(q: string): ParsedQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  const filters: FieldFilter[] = [];
  let lastBare = -1;
  let at = 0;
  while (at < q.length) {
    if (/\s/.test(q[at] as string)) {
      at++;
      continue;
    }
    const field = FIELD.exec(q.slice(at, at + 12))?.[1]?.toLowerCase();
    if (field !== undefined && isField(field)) {
      const valueAt = at + field.length + 1;
      const value = QUOTES.includes(q[valueAt] ?? '') ? readQuoted(q, valueAt) : readBare(q, valueAt);
      const valueWords = searchTokens(value.text);
      // An empty value is a filter still being typed: it does not narrow the results yet.
      if (valueWords.length > 0) filters.push({ field, words: valueWords });
      at = value.next;
    } else if (QUOTES.includes(q[at] as string)) {
      const phrase = readQuoted(q, at);
      const phraseWords = searchTokens(phrase.text);
      if (phraseWords.length > 1) phrases.push(phraseWords);
      else words.push(...phraseWords);
      at = phrase.next;
    } else {
      const bare = readBare(q, at);
      const bareWords = searchTokens(bare.text);
      words.push(...bareWords);
      if (bareWords.length > 0) lastBare = words.length - 1;
      at = bare.next;
    }
  }
  const prefix = lastBare >= 0 ? (words.splice(lastBare, 1)[0] as string) : null;
  return { words, prefix, phrases, filters };
}
