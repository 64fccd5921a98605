// What a claim is compared by: its content words (search folding, function words dropped, a light
// stem so "rises" meets "rose" half-way and "والاقتصاد" meets "اقتصاد"), the character n-grams
// of those words (morphology and spelling the stems miss), and the numbers it states (two
// claims about one topic that give different figures are different claims).
import { searchTokens } from '../search/fold';

/** Function words, folded as search folds them (ى → ي, ة → ه, hamza seats dropped). */
const STOP = new Set(
  [
    // English
    'a an the and or but if of to in on at by for from with as into onto about over under than then',
    "this that these those there here it its it's is are was were be been being am do does did done",
    'has have had having will would shall should can could may might must not no nor so too very',
    'he she they we you i me him her them us our your their his my mine who whom which what when',
    'where why how all any some such own same other each both more most also just only even still',
    'said says say told according says claimed claims stated added',
    // Arabic (folded): particles, pronouns, and the verbs of saying
    'في من الي علي عن مع ان او ثم قد لا لم لن ما ماذا هذا هذه ذلك تلك هو هي هم هن نحن انت',
    'التي الذي الذين كان كانت يكون تكون كل بعض غير بين عند بعد قبل حتي اذا لكن لقد و ف ب ل ك',
    'قال قالت وقال وقالت اكد اكدت اضاف اضافت اوضح ذكر صرح وفق بحسب وفقا',
  ]
    .join(' ')
    .split(/\s+/),
);

/** Arabic prefixes (conjunction, preposition, article), longest first; a stem keeps three letters. */
const AR_PREFIXES = ['وبال', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];
const AR_SUFFIXES = ['هما', 'ات', 'ون', 'ين', 'ها', 'هم', 'ه', 'ي'];
const EN_SUFFIXES = ['ing', 'ed', 'es', 's'];

/** Arabic script, told by a word's first letter (folded words do not mix scripts). */
const isArabic = (word: string): boolean => {
  const c = word.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
};

function stemArabic(word: string): string {
  let w = brokenPlural(word);
  for (const p of AR_PREFIXES)
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  for (const s of AR_SUFFIXES)
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, -s.length);
      break;
    }
  return w;
}

/** The commonest broken plural, أفعال → فعل (اسعار → سعر, اطفال → طفل), after any prefix. */
function brokenPlural(word: string): string {
  for (const p of ['', 'وال', 'بال', 'ال', 'و', 'ب', 'ل']) {
    if (!word.startsWith(p)) continue;
    const w = word.slice(p.length);
    if (w.length === 5 && w[0] === 'ا' && w[3] === 'ا') return `${w[1]}${w[2]}${w[4]}`;
  }
  return word;
}

function stemEnglish(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const s of EN_SUFFIXES)
    if (word.endsWith(s) && word.length - s.length >= 4 && !word.endsWith('ss'))
      return word.slice(0, -s.length);
  return word;
}

/** Words for numbers a claim may spell out, so "three" and "3", "tripled" and "threefold" meet. */
const NUMBER_WORDS = new Map<string, string>(
  Object.entries({
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    twelve: '12',
    twenty: '20',
    fifty: '50',
    hundred: '100',
    double: '×2',
    doubled: '×2',
    twofold: '×2',
    triple: '×3',
    tripled: '×3',
    threefold: '×3',
    percent: '%',
    per: '',
    cent: '%',
    واحد: '1',
    اثنين: '2',
    ثلاثه: '3',
    اربعه: '4',
    خمسه: '5',
    عشره: '10',
    بالمئه: '%',
    بالمائه: '%',
    المئه: '%',
    المائه: '%',
  }),
);

export interface ClaimTerms {
  /** Content-word stems, with repeats. */
  words: string[];
  /** Character n-grams of those stems, with repeats. */
  grams: string[];
  /** The figures the claim states, as written digits ("1000", "3.5"). */
  numbers: string[];
}

/** A word's n-grams with its boundaries marked: Arabic stems are short, so their grams are too. */
function gramsOf(stem: string, into: string[]): void {
  const n = isArabic(stem) ? 3 : 4;
  const marked = `_${stem}_`;
  if (marked.length <= n) {
    into.push(marked);
    return;
  }
  for (let i = 0; i + n <= marked.length; i++) into.push(marked.slice(i, i + n));
}

/** Thousands separators go ("1,000" is 1000) and decimals stay whole ("3.5"), before tokens split them. */
const joinFigures = (text: string): string =>
  !/\d/.test(text) ? text : text.replace(/(\d)[,،٬](?=\d{3}\b)/g, '$1').replace(/(\d)[.٫](\d)/g, '$1d$2');

const isFigure = (token: string): boolean => {
  const c = token.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d[\dd]*$/.test(token);
};

export function claimTerms(text: string): ClaimTerms {
  const words: string[] = [];
  const grams: string[] = [];
  const numbers: string[] = [];
  const percent = /[%٪]/.test(text);
  for (const token of searchTokens(joinFigures(text))) {
    const mapped = NUMBER_WORDS.get(token);
    if (mapped !== undefined) {
      if (mapped === '%') words.push('%');
      else if (mapped !== '') numbers.push(mapped);
      continue;
    }
    if (STOP.has(token)) continue;
    if (isFigure(token)) {
      numbers.push(token.replace('d', '.'));
      continue;
    }
    const stem = isArabic(token) ? stemArabic(token) : stemEnglish(token);
    words.push(stem);
    gramsOf(stem, grams);
  }
  if (percent) words.push('%');
  for (const n of numbers) words.push(`#${n}`);
  return { words, grams, numbers };
}
