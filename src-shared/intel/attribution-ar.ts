// Finds who an Arabic sentence says is speaking. Arabic news puts the verb first ("وقال المتحدث
// باسم الكرملين ديمتري بيسكوف إن…"), so the claimant is the phrase after a reporting verb, up to
// إن/أن, a preposition or a time; after وفق/بحسب/حسب/نقلاً عن it is the phrase that follows. A verb
// with nothing after it ("وأضاف أن…") is a follow-up: its speaker is resolved in attribution.ts.
// Names are told from titles by the article ال: a title or office carries it or is a known role
// word, a name does not (a surname with ال may follow a name: "أحمد الشرع").
import { classAt, DIGIT, LETTER, MARK, sizeAt, SPACE } from './char-class';
import { foldFast } from './fold-fast';
import {
  AR_ACCORDING,
  AR_DOCUMENT_NOUNS,
  AR_OPENERS,
  AR_ORG_HEADS,
  AR_SOURCE_NOUNS,
  AR_SPEECH_VERBS,
  AR_STOPS,
  AR_TITLES,
} from './attribution-cues';
import type { CueHit } from './attribution-en';

interface Token {
  text: string;
  folded: string;
  /** Folded, without the article ال (kept in `hasArticle`). */
  bare: string;
  hasArticle: boolean;
  word: boolean;
  quoted: boolean;
}

const OPEN = new Set(['«', '“', '"']);
const CLOSE = new Set(['»', '”', '"']);
const WORDISH = /[\p{L}\p{N}]/u;

function wordToken(text: string, quoted = false, word = WORDISH.test(text)): Token {
  const folded = foldFast(text);
  let bare = folded;
  let hasArticle = false;
  for (const prefix of ['ال', 'وال', 'فال', 'بال', 'لل']) {
    if (folded.startsWith(prefix) && folded.length > prefix.length + 1) {
      bare = folded.slice(prefix.length);
      hasArticle = true;
      break;
    }
  }
  return { text, folded, bare, hasArticle, word, quoted };
}

/** Runs of letters, marks and digits, and single other marks, outside quotes or in them. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const k = classAt(text, i);
    if (k & SPACE) {
      i++;
      continue;
    }
    let end = i + sizeAt(text, i);
    // A word has a letter or digit; a run of marks alone is not one.
    let word = (k & (LETTER | DIGIT)) !== 0;
    if (k & (LETTER | DIGIT | MARK)) {
      for (let n = classAt(text, end); n & (LETTER | DIGIT | MARK); n = classAt(text, end)) {
        if (n & (LETTER | DIGIT)) word = true;
        end += sizeAt(text, end);
      }
    }
    const t = text.slice(i, end);
    i = end;
    if (!word && OPEN.has(t) && !(t === '"' && depth > 0)) {
      depth++;
      continue;
    }
    if (!word && CLOSE.has(t)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    tokens.push(wordToken(t, depth > 0, word));
  }
  return tokens;
}

/** The reporting verb a token is, without a leading و or ف: "وأضاف" → اضاف. */
function speechVerb(t: Token): string | null {
  if (!t.word || t.hasArticle) return null;
  if (AR_SPEECH_VERBS.has(t.folded)) return t.folded;
  const rest = t.folded.replace(/^[وف]/, '');
  return rest !== t.folded && AR_SPEECH_VERBS.has(rest) ? rest : null;
}

const isStop = (t: Token): boolean =>
  !t.word || AR_STOPS.has(t.folded) || /^لـ/.test(t.text) || t.folded.startsWith('لل');

const titleWord = (t: Token): boolean => AR_TITLES.has(t.bare) || AR_TITLES.has(t.folded);
const orgWord = (t: Token): boolean => AR_ORG_HEADS.has(t.bare) || AR_ORG_HEADS.has(t.folded);
const sourceWord = (t: Token): boolean => AR_SOURCE_NOUNS.has(t.bare);
const nameCandidate = (t: Token): boolean =>
  t.word && !t.hasArticle && !titleWord(t) && !orgWord(t) && !sourceWord(t) && !/^\d/.test(t.bare);

/** Every cue word, to look for in a folded sentence before reading it word by word. */
const ANY_CUE = [...AR_SPEECH_VERBS, ...AR_ACCORDING];

const written = (ts: readonly Token[]): string => ts.map((t) => t.text).join(' ');

/** The last run of name words ("أحمد الشرع", "عبد العزيز بن سلمان"): [start, end] or null. */
function nameRun(phrase: readonly Token[]): [number, number] | null {
  let end = -1;
  let start = -1;
  for (let i = phrase.length - 1; i >= 0; i--) {
    const t = phrase[i] as Token;
    const prev = phrase[i - 1];
    // A word with ال is part of a name only after a name word: a surname or "عبد العزيز".
    const candidate =
      nameCandidate(t) ||
      (t.hasArticle && prev !== undefined && nameCandidate(prev) && !titleWord(t) && !orgWord(t));
    if (candidate) {
      if (end < 0) end = i;
      start = i;
    } else if (end >= 0) break;
  }
  return end < 0 ? null : [start, end];
}

/** Classifies the phrase after a cue: a name (titles stripped), an office, or an anonymous source. */
function claimantOf(phrase: Token[], cue: string): CueHit | null {
  if (phrase.length === 0) return null;
  const first = phrase[0] as Token;
  // "بيان للوزارة", "بيانات البلدية": the document speaks for whom it names.
  if (AR_DOCUMENT_NOUNS.has(first.bare) && phrase.length > 1) {
    const owner = phrase[1] as Token;
    const rest = owner.folded.startsWith('لل')
      ? [wordToken(`ال${owner.text.slice(2)}`), ...phrase.slice(2)]
      : phrase.slice(1);
    return claimantOf(rest, cue);
  }
  if (sourceWord(first) && !first.hasArticle) {
    // "مصدر دبلوماسي روسي", "محللون في بنك غولدمان ساكس": up to the first definite word or stop.
    let end = 1;
    let through = false;
    for (; end < phrase.length; end++) {
      const t = phrase[end] as Token;
      if (['في', 'من', 'عن'].includes(t.folded)) through = true;
      else if (t.hasArticle && !through) break;
    }
    return { cue, claimant: written(phrase.slice(0, end)), kind: 'anonymous', titles: [] };
  }
  if (orgWord(first)) return { cue, claimant: written(phrase), kind: 'organisation', titles: [] };
  const run = nameRun(phrase);
  // A run that is the whole of a long phrase is not a name.
  if (run && !(run[0] === 0 && run[1] === phrase.length - 1 && phrase.length > 4)) {
    const [start, end] = run;
    return {
      cue,
      claimant: written(phrase.slice(start, end + 1)),
      kind: 'person',
      titles: phrase.slice(0, start).map((t) => t.bare),
    };
  }
  if (phrase.some(orgWord)) return { cue, claimant: written(phrase), kind: 'organisation', titles: [] };
  if (titleWord(first) || sourceWord(first)) {
    const role = first.hasArticle && phrase.length === 1 ? first.bare : undefined;
    return { cue, claimant: written(phrase), kind: 'person', role, titles: phrase.map((t) => t.bare) };
  }
  return { cue, claimant: written(phrase), kind: 'organisation', titles: [] };
}

/** The subject phrase from token k: to a stop, a verb or a quote (after a source noun, through في/من/عن). */
function phraseFrom(tokens: readonly Token[], k: number): Token[] {
  const phrase: Token[] = [];
  for (let i = k; i < tokens.length && phrase.length < 9; i++) {
    const t = tokens[i] as Token;
    if (t.quoted || speechVerb(t)) break;
    const anonymous = phrase.length > 0 && sourceWord(phrase[0] as Token) && !(phrase[0] as Token).hasArticle;
    // "بيان للوزارة", "المفوضية العليا للانتخابات": a لل-word completes a document or an office.
    const owner =
      t.folded.startsWith('لل') &&
      i > k &&
      (AR_DOCUMENT_NOUNS.has((tokens[i - 1] as Token).bare) || orgWord(phrase[0] as Token));
    if (isStop(t) && !owner && !(anonymous && t.word && ['في', 'من', 'عن'].includes(t.folded))) break;
    phrase.push(t);
  }
  return phrase;
}

/** The first attribution cue of an Arabic sentence outside quotation marks, with its claimant. */
export function arabicCue(sentence: string): CueHit | null {
  // Most sentences have no cue: one fold of the whole sentence rules them out before any token is made.
  const whole = foldFast(sentence);
  if (!ANY_CUE.some((cue) => whole.includes(cue)) && !whole.includes(':')) return null;
  const tokens = tokenize(sentence);
  // A headline "الكرملين: …" or "وزير الاقتصاد: …" names its speaker before the colon.
  const colon = sentence.indexOf(':');
  const head = colon > 0 ? tokenize(sentence.slice(0, colon)) : [];
  if (head.length > 0 && head.length <= 3 && head.every((t) => t.word && !speechVerb(t))) {
    const hit = claimantOf(head, ':');
    if (hit && hit.kind !== 'anonymous') return hit;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.quoted || !t.word) continue;
    const according = t.folded.replace(/^و/, '');
    if (AR_ACCORDING.has(according) || AR_ACCORDING.has(according.replace(/^ب/, ''))) {
      // وفقاً لـ X / نقلاً عن X: skip the preposition, alone or joined to the next word.
      let k = i + 1;
      if (tokens[k] && ['ل', 'عن'].includes((tokens[k] as Token).folded)) k++;
      const after = tokens.slice(k);
      const head = after[0];
      if (head && according.startsWith('وفق') && /^لـ?/.test(head.text) && !head.hasArticle)
        after[0] = wordToken(head.text.replace(/^لـ?/, ''));
      else if (head && head.folded.startsWith('لل')) after[0] = wordToken(`ال${head.text.slice(2)}`);
      const hit = claimantOf(phraseFrom(after, 0), t.text);
      if (hit) return hit;
      continue;
    }
    if (!speechVerb(t)) continue;
    // Subject before the verb: "وزارة الصحة تعلن…", "لكن نائباً في البرلمان شكك…".
    let s = 0;
    while (s < i && AR_OPENERS.has((tokens[s] as Token).folded)) s++;
    if (i - s >= 1 && i - s <= 6) {
      const before = phraseFrom(tokens, s);
      if (before.length === i - s) {
        const hit = claimantOf(before, t.text);
        if (hit) return hit;
      }
    }
    const phrase = phraseFrom(tokens, i + 1);
    if (phrase.length === 0)
      return { cue: t.text, claimant: null, kind: 'person', pronoun: 'any', titles: [] };
    const hit = claimantOf(phrase, t.text);
    if (hit) return hit;
  }
  return null;
}
