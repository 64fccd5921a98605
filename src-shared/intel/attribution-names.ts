// The people an English article names, for giving a claimant the fullest form of their name the
// article uses ("Peskov" → "Dmitry Peskov"): every run of two or more capitalised words, with
// a name particle allowed between them ("Ahmad al-Sharaa", "Mohammed bin Salman"), titles and
// sentence openers stripped, organisations left out. A hand-written scan rather than one regex
// over the article: it reads every character of every article of a dump.
import { EN_CAPITALISED_COMMON, EN_ORG_HEADS, EN_TITLES } from './attribution-cues';
import { classAt, LETTER, MARK, sizeAt, SPACE, UPPER } from './char-class';

// What a run is made of, as the regex
//   (?:W)(?:\s+(?:(?:al|bin|ibn|de|van|von|der|da|di)\s+)?(?:W))+
// with W = \p{Lu}[\p{L}\p{M}'’-]* | (?:al|el)-\p{Lu}[\p{L}\p{M}'’-]*  would read it.
const PARTICLES = new Set(['al', 'bin', 'ibn', 'de', 'van', 'von', 'der', 'da', 'di']);

/** Whether the code point at `i` may continue a capitalised word: [\p{L}\p{M}'’-]. */
function isNameCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x27 || c === 0x2d;
  return c === 0x2019 || (classAt(text, i) & (LETTER | MARK)) !== 0;
}

function spaceEnd(text: string, i: number): number {
  while (i < text.length && classAt(text, i) & SPACE) i++;
  return i;
}

/** The end of the capitalised word (W above) starting at `i`, or -1 when none starts there. */
function capitalisedEnd(text: string, i: number): number {
  let j = i;
  const c = text.charCodeAt(i);
  if ((c === 0x61 || c === 0x65) && text.charCodeAt(i + 1) === 0x6c && text.charCodeAt(i + 2) === 0x2d)
    j += 3;
  if ((classAt(text, j) & UPPER) === 0) return -1;
  j += sizeAt(text, j);
  while (isNameCharAt(text, j)) j += sizeAt(text, j);
  return j;
}

/** The end of a run of two or more capitalised words starting at `i`, or -1. */
function runEnd(text: string, i: number): number {
  let end = capitalisedEnd(text, i);
  if (end < 0) return -1;
  let words = 1;
  for (;;) {
    const next = spaceEnd(text, end);
    if (next === end) break;
    let after = -1;
    let p = next;
    while (p < text.length && text.charCodeAt(p) >= 0x61 && text.charCodeAt(p) <= 0x7a) p++;
    if (p > next && p - next <= 3 && PARTICLES.has(text.slice(next, p))) {
      const word = spaceEnd(text, p);
      if (word > p) after = capitalisedEnd(text, word);
    }
    if (after < 0) after = capitalisedEnd(text, next);
    if (after < 0) break;
    end = after;
    words++;
  }
  return words >= 2 ? end : -1;
}

// Runs recur in an article and across a dump's articles ("Dmitry Peskov", "Prime Minister Mark
// Carney"): each is read once. Bounded so a long run over many dumps does not hold every run seen.
const NAMES = new Map<string, string | null>();
const MEMO_LIMIT = 20000;

function nameOf(run: string): string | null {
  let name = NAMES.get(run);
  if (name === undefined) {
    if (NAMES.size >= MEMO_LIMIT) NAMES.clear();
    name = readName(run);
    NAMES.set(run, name);
  }
  return name;
}

/** A run as a name: possessive dropped, titles and sentence openers stripped; null for an organisation. */
function readName(run: string): string | null {
  if (run.endsWith("'s") || run.endsWith('’s')) run = run.slice(0, -2);
  let words = run.split(/\s+/);
  let last = -1;
  for (let i = 0; i < words.length; i++) if (EN_TITLES.has((words[i] as string).toLowerCase())) last = i;
  if (last >= 0) words = words.slice(last + 1);
  while (words.length > 0 && EN_CAPITALISED_COMMON.has((words[0] as string).toLowerCase())) words.shift();
  if (words.length >= 2 && !words.some((w) => EN_ORG_HEADS.has(w.toLowerCase()))) return words.join(' ');
  return null;
}

/** English names of two or more capitalised words, titles stripped, as the article writes them. */
export function englishNames(text: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Only a capital or the "a"/"e" of "al-"/"el-" can start a run.
    const start =
      c < 0x80
        ? (c >= 0x41 && c <= 0x5a) ||
          ((c === 0x61 || c === 0x65) && text.charCodeAt(i + 1) === 0x6c && text.charCodeAt(i + 2) === 0x2d)
        : (classAt(text, i) & UPPER) !== 0;
    const end = start ? runEnd(text, i) : -1;
    if (end >= 0) {
      const name = nameOf(text.slice(i, end));
      if (name !== null) names.push(name);
      i = end;
    } else i += sizeAt(text, i);
  }
  return names;
}
