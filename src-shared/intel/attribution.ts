// Attribution over a whole article: for each sentence, the claimant its cue names. Each sentence
// is read alone first (attribution-en.ts, attribution-ar.ts); then, in document order, a pronoun
// ("he said", "وأضاف") takes the claimant last named, a role ("the minister", "الوزير") the person
// last given that title, and every person is named in the fullest form the article uses ("Peskov"
// → "Dmitry Peskov"). Journalist narration has no cue and gets no claimant. Pure: no DOM, no I/O.
import { foldFast } from './fold-fast';
import { AR_DOCUMENT_NOUNS, AR_ORG_HEADS, AR_SOURCE_NOUNS, AR_STOPS, AR_TITLES } from './attribution-cues';
import { arabicCue } from './attribution-ar';
import { englishCue, type ClaimantKind, type CueHit } from './attribution-en';
import { englishNames } from './attribution-names';
import { splitSentences, type Sentence } from './sentences';

export type { ClaimantKind } from './attribution-en';

export interface Attribution {
  /** Who the article says said it; null for narration. */
  claimant: string | null;
  /** The cue word as written ("said", "according to", "وأضاف"); null when there is none. */
  cue: string | null;
  kind: ClaimantKind | null;
}

const NONE: Attribution = { claimant: null, cue: null, kind: null };

const ANY_ARABIC = /[\u0600-\u06ff]/;

/** More Arabic letters than Latin ones. */
function isArabic(text: string): boolean {
  // Most sentences of most articles have no Arabic letter at all: one native scan says so.
  if (!ANY_ARABIC.test(text)) return false;
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) balance++;
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) balance--;
  }
  return balance > 0;
}

/** The cue of one sentence read alone, in its own language. */
export function sentenceCue(text: string): CueHit | null {
  return isArabic(text) ? arabicCue(text) : englishCue(text);
}

interface Named {
  claimant: string;
  /** The claimant folded, without a leading article: two mentions of one claimant compare equal. */
  key: string;
  kind: ClaimantKind;
  titles: string[];
  sentence: number;
}

/** How many sentences back a pronoun or role may reach for its claimant. */
const REACH = 8;

// Claimants, titles and names recur sentence after sentence and article after article: each is
// folded once. Bounded so a long run over many dumps does not hold every string ever seen.
const FOLDS = new Map<string, string>();
const WORDS = new Map<string, readonly string[]>();
const MEMO_LIMIT = 20000;

function fold(s: string): string {
  let f = FOLDS.get(s);
  if (f === undefined) {
    if (FOLDS.size >= MEMO_LIMIT) FOLDS.clear();
    f = foldFast(s);
    FOLDS.set(s, f);
  }
  return f;
}

/** The folded words of a name or claimant. */
function foldedWords(s: string): readonly string[] {
  let w = WORDS.get(s);
  if (w === undefined) {
    if (WORDS.size >= MEMO_LIMIT) WORDS.clear();
    w = fold(s).split(/\s+/);
    WORDS.set(s, w);
  }
  return w;
}

const KEYS = new Map<string, string>();

/** A claimant folded without a leading article: two mentions of one claimant compare equal. */
function folded(s: string): string {
  let key = KEYS.get(s);
  if (key === undefined) {
    if (KEYS.size >= MEMO_LIMIT) KEYS.clear();
    key = fold(s).replace(/^(the|ال)\s*/u, '');
    KEYS.set(s, key);
  }
  return key;
}

/** Arabic names: a one-word claimant with the name word that precedes it somewhere in the article. */
function arabicNames(text: string, word: string): string[] {
  const names: string[] = [];
  const tokens = text.split(/[\s،؛:.!؟«»"()]+/u);
  const target = fold(word);
  for (let i = 1; i < tokens.length; i++) {
    if (fold(tokens[i] as string) !== target) continue;
    const prev = tokens[i - 1] as string;
    const f = fold(prev);
    const lists = [AR_TITLES, AR_STOPS, AR_ORG_HEADS, AR_SOURCE_NOUNS, AR_DOCUMENT_NOUNS];
    const listed = (w: string): boolean => lists.some((l) => l.has(w));
    if (
      f.startsWith('ال') ||
      f.length < 2 ||
      /^\d/.test(f) ||
      listed(f) ||
      listed(f.slice(1)) ||
      sentenceCue(`${prev} x`)
    )
      continue;
    names.push(`${prev} ${word}`);
  }
  return names;
}

interface Known {
  name: string;
  words: readonly string[];
}

const known = (names: readonly string[]): Known[] =>
  names.map((name) => ({ name, words: foldedWords(name) }));

/** The fullest form of a person's name the article uses; the name itself when none is longer. */
function fullestName(name: string, inventory: () => readonly Known[], text: string): string {
  const words = foldedWords(name);
  let best = name;
  let bestLength = words.length;
  const candidates = isArabic(name) && words.length === 1 ? known(arabicNames(text, name)) : inventory();
  for (const { name: candidate, words: cw } of candidates) {
    if (cw.length <= bestLength) continue;
    const offset = cw.length - words.length;
    if (words.every((w, i) => cw[offset + i] === w)) {
      best = candidate;
      bestLength = cw.length;
    }
  }
  return best;
}

const HEADS = new Map<string, string | null>();

/** "the ministry", "المصدر": a definite word standing for a claimant named before. */
function definiteHead(claimant: string): string | null {
  let head = HEADS.get(claimant);
  if (head === undefined) {
    const m = /^(?:the\s+(\p{Ll}+)|ال(\S+))$/iu.exec(claimant.trim());
    head = m ? fold(m[1] ?? m[2] ?? '') : null;
    if (HEADS.size >= MEMO_LIMIT) HEADS.clear();
    HEADS.set(claimant, head);
  }
  return head;
}

/** The last element that passes `test`, searching from the end without copying the array. */
function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return items[i];
  return undefined;
}

/** Where in `text` (before `at`) a claimant was last mentioned, by full name or last word; -1 if not. */
function lastMention(text: string, at: number, claimant: string): number {
  const window = text.slice(Math.max(0, at - 1500), at);
  const words = claimant.split(/\s+/);
  const last = words[words.length - 1] as string;
  const i = window.lastIndexOf(last.replace(/['’]s$/, ''));
  return i < 0 ? -1 : Math.max(0, at - 1500) + i;
}

/**
 * The attribution of each sentence (same order) of a text whose sentences are given, offsets
 * into `text`. Sentences from different articles must not be passed together.
 */
export function attributeSentences(text: string, sentences: readonly Sentence[]): Attribution[] {
  const named: Named[] = [];
  const out: Attribution[] = [];
  // The article's names, gathered when a person is first named (narration-only articles never need them).
  let names: Known[] | null = null;
  const inventory = (): Known[] => (names ??= known([...new Set(englishNames(text))]));
  sentences.forEach((sentence, index) => {
    const hit = sentenceCue(sentence.text);
    if (!hit) {
      out.push(NONE);
      return;
    }
    let resolved: Named | undefined;
    if (hit.pronoun) {
      // The person last named: of the claimants so far, the one mentioned nearest before the cue.
      const at = sentence.start + Math.max(0, sentence.text.indexOf(hit.cue));
      const recent = named.filter((n) => index - n.sentence <= REACH);
      const fits = recent.filter(
        (n) => hit.pronoun === 'any' || n.kind === hit.pronoun || hit.pronoun === 'person',
      );
      let best = -1;
      for (const n of fits) {
        const mention = Math.max(lastMention(text, at, n.claimant), sentences[n.sentence]?.start ?? -1);
        if (
          mention >= best &&
          (n.kind === 'person' || hit.pronoun !== 'person' || !fits.some((f) => f.kind === 'person'))
        ) {
          best = mention;
          resolved = n;
        }
      }
    } else if (hit.role) {
      const role = folded(hit.role);
      resolved = lastOf(named, (n) => n.kind === 'person' && n.titles.some((t) => folded(t) === role));
    }
    const head = hit.claimant !== null && !resolved ? definiteHead(hit.claimant) : null;
    if (head) {
      resolved = lastOf(
        named,
        (n) => n.kind !== 'person' && foldedWords(n.claimant).some((w) => w === head || w === `ال${head}`),
      );
    }
    if (resolved) {
      named.push({ ...resolved, sentence: index });
      out.push({ claimant: resolved.claimant, cue: hit.cue, kind: resolved.kind });
      return;
    }
    if (hit.claimant === null) {
      out.push({ claimant: null, cue: hit.cue, kind: null });
      return;
    }
    let kind = hit.kind;
    let claimant = hit.claimant;
    if (kind === 'person' && !hit.role) claimant = fullestName(claimant, inventory, text);
    else if (kind === 'organisation' && isArabic(claimant) && !claimant.includes(' ')) {
      // "الشرع" alone reads like an office; the article may name him in full.
      const full = fullestName(claimant, inventory, text);
      if (full !== claimant) {
        claimant = full;
        kind = 'person';
      }
    }
    // A later mention of the same person keeps the titles first given ("the spokesman").
    const key = folded(claimant);
    const earlier = named.find((n) => n.key === key);
    named.push({ claimant, key, kind, titles: [...hit.titles, ...(earlier?.titles ?? [])], sentence: index });
    out.push({ claimant, cue: hit.cue, kind });
  });
  return out;
}

/** Sentences of an article's canonical text with their attribution. */
export function attributeText(text: string): (Sentence & Attribution)[] {
  const sentences = splitSentences(text);
  const attributions = attributeSentences(text, sentences);
  return sentences.map((s, i) => ({ ...s, ...(attributions[i] as Attribution) }));
}
