// Finds who an English sentence says is speaking: the subject of a reporting verb ("Peskov said",
// "X, a spokesman for Y, said"), the name after an inverted one ("…,” said Peskov), or the phrase
// after "according to". Titles are stripped from names; pronouns and "the minister" are left for
// the article-level pass (attribution.ts) to resolve. Cues inside quotation marks are the quoted
// speaker's words, not the article's attribution, and are passed over.
import {
  EN_CAPITALISED_COMMON,
  EN_DETERMINERS,
  EN_DOCUMENT_NOUNS,
  EN_NAME_PARTICLES,
  EN_NEGATIONS,
  EN_ORG_HEADS,
  EN_PASSIVE,
  EN_PHRASE_STOPS,
  EN_PRONOUNS,
  EN_SKIPPABLE,
  EN_SOURCE_NOUNS,
  EN_SPEECH_VERBS,
  EN_TITLES,
} from './attribution-cues';
import { CLOSE_QUOTES, OPEN_QUOTES, tokenize, type Token } from './attribution-tokens';

const DIGIT = /^\d/;

export type ClaimantKind = 'person' | 'organisation' | 'anonymous';

/** What one sentence's cue names, before the article-level pass. */
export interface CueHit {
  cue: string;
  /** The phrase naming the claimant, titles stripped; null for a pronoun. */
  claimant: string | null;
  kind: ClaimantKind;
  /** A pronoun subject ("he said"): whom it may stand for. */
  pronoun?: 'person' | 'organisation' | 'any';
  /** A definite role subject ("the minister said"): the role word, to find the person it was given to. */
  role?: string;
  /** Lower-cased title words stripped from the name ("spokesman"), for a later "the spokesman". */
  titles: string[];
}

const capitalised = (t: Token): boolean => t.cap;
const isQuoteMark = (t: Token | undefined): boolean =>
  t !== undefined && !t.word && (OPEN_QUOTES.has(t.text) || CLOSE_QUOTES.has(t.text) || t.text === '"');
const nameLike = (t: Token): boolean => t.cap && !DIGIT.test(t.text);

/** Strips a run's titles: "Russian Deputy Foreign Minister Mikhail Bogdanov" → Mikhail Bogdanov. */
function stripTitles(run: Token[]): { name: Token[]; titles: string[] } {
  let last = -1;
  run.forEach((t, i) => {
    if (EN_TITLES.has(t.lower.replace(/\.$/, ''))) last = i;
  });
  const rest = run.slice(last + 1);
  if (last < 0 || rest.length === 0 || rest.some((t) => EN_ORG_HEADS.has(t.lower)))
    return { name: run, titles: [] };
  return { name: rest, titles: run.slice(0, last + 1).map((t) => t.lower) };
}

/** Tokens as written: a space between two, none before , ' ’ ) or after (. */
function join(tokens: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = (tokens[i] as Token).text;
    const c = t.charCodeAt(0);
    if (i > 0 && c !== 0x2c && c !== 0x27 && c !== 0x2019 && c !== 0x29 && !out.endsWith('(')) out += ' ';
    out += t;
  }
  return out;
}

/** Classifies and cleans a subject phrase (its tokens in order). */
function claimantOf(phrase: Token[], cue: string, titlesBefore: string[] = []): CueHit | null {
  while (phrase.length > 0 && !phrase[phrase.length - 1]?.word) phrase = phrase.slice(0, -1);
  while (phrase.length > 0 && !phrase[0]?.word) phrase = phrase.slice(1);
  if (phrase.length === 0) return null;
  const first = phrase[0] as Token;
  const lowerHead = [...phrase].reverse().find((t) => t.word && !capitalised(t));
  // "a statement by the ministry" speaks for the ministry.
  const byAt = phrase.findIndex((t) => t.lower === 'by' || t.lower === 'from');
  if (byAt > 0 && phrase.slice(0, byAt).some((t) => EN_DOCUMENT_NOUNS.has(t.lower)))
    return claimantOf(phrase.slice(byAt + 1), cue);
  // "the ministry’s annual report" speaks for the ministry.
  const owner = phrase.findIndex((t) => /['’]s$/.test(t.lower));
  if (owner >= 0 && phrase.slice(owner + 1).some((t) => EN_DOCUMENT_NOUNS.has(t.lower)))
    return claimantOf(
      [
        ...phrase.slice(0, owner),
        {
          ...(phrase[owner] as Token),
          text: (phrase[owner] as Token).text.slice(0, -2),
          lower: (phrase[owner] as Token).lower.slice(0, -2),
        },
      ],
      cue,
    );
  const determiner = EN_DETERMINERS.has(first.lower);
  // A name at the end after role words: "Kremlin spokesman Dmitry Peskov".
  const end = phrase.length;
  let start = end;
  while (start > 0) {
    const t = phrase[start - 1] as Token;
    const particle =
      EN_NAME_PARTICLES.has(t.lower) && start < end && nameLike(phrase[start] as Token) && start > 1;
    if (nameLike(t) || particle || (t.lower === 'of' && start < end && start > 1)) start--;
    else break;
  }
  while (
    start < end &&
    (phrase[start]?.lower === 'of' || EN_CAPITALISED_COMMON.has(phrase[start]?.lower ?? ''))
  )
    start++;
  const run = phrase.slice(start, end);
  const hasOrgHead = phrase.some((t) => EN_ORG_HEADS.has(t.lower));
  if (run.length > 0 && !(start > 0 && determiner && hasOrgHead)) {
    const before = phrase.slice(0, start).map((t) => t.lower);
    const { name, titles } = stripTitles(run);
    const definite = start > 0 && phrase[start - 1]?.lower === 'the';
    if (definite || name.some((t) => EN_ORG_HEADS.has(t.lower)) || (run.length === 1 && hasOrgHead))
      return {
        cue,
        claimant: join(definite ? phrase.slice(start - 1) : name),
        kind: 'organisation',
        titles: [],
      };
    if (name.length === 1 && run.length === 1 && EN_SOURCE_NOUNS.has(name[0]?.lower ?? ''))
      return { cue, claimant: join(phrase), kind: 'anonymous', titles: [] };
    return {
      cue,
      claimant: join(name),
      kind: 'person',
      titles: [...titlesBefore, ...before.filter((w) => EN_TITLES.has(w)), ...titles],
    };
  }
  if (determiner && first.lower === 'the' && phrase.length === 2 && EN_TITLES.has(lowerHead?.lower ?? ''))
    return { cue, claimant: join(phrase), kind: 'person', role: lowerHead?.lower, titles: [] };
  if (hasOrgHead && determiner && first.lower === 'the')
    return { cue, claimant: join(phrase), kind: 'organisation', titles: [] };
  if (phrase.some((t) => EN_SOURCE_NOUNS.has(t.lower)) || phrase.some((t) => EN_TITLES.has(t.lower)))
    return { cue, claimant: join(phrase), kind: 'anonymous', titles: [] };
  return null;
}

/** The subject that ends at token `j` (inclusive), read backwards. */
function subjectBefore(tokens: Token[], j: number): Token[] {
  const PREPOSITIONS = ['for', 'of', 'at', 'to', 'with', 'from', 'in'];
  let i = j + 1;
  const limit = Math.max(0, j - 14);
  while (i > limit) {
    const t = tokens[i - 1] as Token;
    if (!t.word || t.quoted || EN_SPEECH_VERBS.has(t.lower)) break;
    if (EN_DETERMINERS.has(t.lower)) {
      i--;
      // "a spokesman for the ministry", "the Office of the Prime Minister": on through the preposition.
      const before = tokens[i - 1];
      if (before && PREPOSITIONS.includes(before.lower) && i - 1 > limit) {
        i--;
        continue;
      }
      break;
    }
    if (
      nameLike(t) ||
      EN_NAME_PARTICLES.has(t.lower) ||
      PREPOSITIONS.includes(t.lower) ||
      t.lower === 'close' ||
      t.lower === 'familiar'
    ) {
      i--;
      continue;
    }
    if (!EN_SKIPPABLE.has(t.lower) && !EN_NEGATIONS.has(t.lower)) {
      i--;
      continue;
    }
    break;
  }
  let phrase = tokens.slice(i, j + 1);
  const head = tokens[j] as Token;
  if (
    !nameLike(head) &&
    !EN_SOURCE_NOUNS.has(head.lower) &&
    !phrase.some((t) => EN_SOURCE_NOUNS.has(t.lower) || nameLike(t))
  )
    return [];
  // Start at the first determiner, name or source noun: lower-case words before it are the clause's.
  const opener = phrase.findIndex(
    (t) => EN_DETERMINERS.has(t.lower) || nameLike(t) || EN_SOURCE_NOUNS.has(t.lower),
  );
  if (opener > 0) phrase = phrase.slice(opener);
  while (phrase.length > 1 && PREPOSITIONS.includes((phrase[0] as Token).lower)) phrase = phrase.slice(1);
  return phrase;
}

/** The subject that starts at token `k`, read forwards to a comma, clause word or the end. */
function subjectAfter(tokens: Token[], k: number): Token[] {
  const phrase: Token[] = [];
  for (let i = k; i < tokens.length && phrase.length < 12; i++) {
    const t = tokens[i] as Token;
    if (!t.word && t.text !== '-' && t.text !== '’' && t.text !== "'") break;
    const byOwner =
      (t.lower === 'from' || t.lower === 'by') && phrase.some((p) => EN_DOCUMENT_NOUNS.has(p.lower));
    if (
      phrase.length > 0 &&
      EN_PHRASE_STOPS.has(t.lower) &&
      !(t.lower === 'of' || t.lower === 'for') &&
      !byOwner
    )
      break;
    if (EN_SKIPPABLE.has(t.lower) && phrase.length > 0 && !capitalised(t)) break;
    phrase.push(t);
  }
  return phrase;
}

function hitAt(tokens: Token[], v: number): CueHit | null {
  const verb = tokens[v] as Token;
  const cue = verb.text;
  let j = v - 1;
  while (j >= 0 && EN_SKIPPABLE.has((tokens[j] as Token).lower)) j--;
  const prev = tokens[j];
  if (prev && (EN_NEGATIONS.has(prev.lower) || EN_PASSIVE.has(prev.lower))) {
    if (EN_PASSIVE.has(prev.lower) && !['said', 'told'].includes(verb.lower)) return null;
    if (EN_NEGATIONS.has(prev.lower) || prev.lower === 'was' || prev.lower === 'were') return null;
  }
  if (prev && (prev.lower === 'the' || prev.lower === 'a')) return null;
  const next = tokens[v + 1];
  // "called on", "called for" ask for something; "warned of", "spoke about" name a topic: no words reported.
  if (
    (verb.lower === 'called' || verb.lower === 'calls') &&
    next &&
    ['on', 'for', 'off', 'in'].includes(next.lower)
  )
    return null;
  if (next && ['of', 'about'].includes(next.lower)) return null;
  const titleCase = v > 0 && capitalised(verb);
  // Inverted: '…,” said Dmitry Peskov' or '…, said the ministry'.
  if (!prev || !prev.word || isQuoteMark(prev)) {
    if (prev && prev.text === ',' && !isQuoteMark(tokens[j - 1])) {
      // "X, a spokesman for Y, said": the subject is before the apposition.
      for (let c = j - 1; c >= Math.max(0, j - 20); c--) {
        const t = tokens[c] as Token;
        if (t.text === ',' && c > 0 && (tokens[c - 1] as Token).word) {
          const subject = subjectBefore(tokens, c - 1);
          const between = tokens.slice(c + 1, j);
          // "A spokesman for his campaign, Alan Reyes, said": the apposition is the name.
          if (between.length > 0 && between.length <= 5 && between.every(nameLike) && subject.length > 0)
            return claimantOf(
              between,
              cue,
              subject.map((x) => x.lower).filter((w) => EN_TITLES.has(w)),
            );
          const apposition = between.map((x) => x.lower);
          const hit = claimantOf(
            subject,
            cue,
            apposition.filter((w) => EN_TITLES.has(w)),
          );
          if (hit) return hit;
          break;
        }
      }
    }
    if (next && next.word && !titleCase) {
      const pronoun = EN_PRONOUNS[next.lower];
      if (pronoun) return { cue, claimant: null, kind: 'person', pronoun, titles: [] };
      return claimantOf(subjectAfter(tokens, v + 1), cue);
    }
    return null;
  }
  const pronoun = EN_PRONOUNS[prev.lower];
  if (pronoun) return { cue, claimant: null, kind: 'person', pronoun, titles: [] };
  // "Residents who live near the bridge said": the subject is before the relative clause.
  for (let r = j; r >= Math.max(0, j - 10); r--) {
    const t = tokens[r] as Token;
    if (!t.word) break;
    if ((t.lower === 'who' || t.lower === 'that') && r > 0) {
      const hit = claimantOf(subjectBefore(tokens, r - 1), cue);
      if (hit) return hit;
      break;
    }
  }
  return claimantOf(subjectBefore(tokens, j), cue);
}

/** Whether a sentence has a reporting verb or "according to" at all: most have neither. */
const ANY_CUE = new RegExp(`\\b(?:${[...EN_SPEECH_VERBS].join('|')}|according)\\b`, 'i');

/** The first attribution cue of an English sentence outside quotation marks, with its claimant. */
export function englishCue(sentence: string): CueHit | null {
  if (!ANY_CUE.test(sentence)) return null;
  const tokens = tokenize(sentence);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.quoted || !t.word) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const hit = claimantOf(subjectAfter(tokens, i + 2), 'according to');
      if (hit) return hit;
      continue;
    }
    if (t.lower === 'in' && tokens[i + 1]?.lower === 'the' && tokens[i + 2]?.lower === 'words') continue;
    if (!EN_SPEECH_VERBS.has(t.lower)) continue;
    const hit = hitAt(tokens, i);
    if (hit) return hit;
  }
  return null;
}
