// Which existing source a typed name means, and which sources are likely one person or body.
// Pure functions over folded text (case, diacritics and Arabic spelling variants folded), used by
// the claimant picker to pre-select a match and by the Sources view to offer merges.
import { foldText } from '../../../src-shared/text-fold';
import type { SourceRecord } from '../../../src-shared/model';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** The Arabic definite article, written joined to the word: "الصدر" ends in "صدر" too. */
const ARABIC_ARTICLE = 'ال';

const namesOf = (s: SourceRecord): string[] => [s.name, ...s.aliases].map(foldText);

/** Whether the folded `query` is the whole of `name` or its last word or words. */
function endsWithWords(name: string, query: string): boolean {
  if (name === query) return true;
  if (!name.endsWith(query)) return false;
  const at = name.length - query.length;
  if (!WORD_CHAR.test(name.charAt(at - 1))) return true;
  // "صدر" in "مقتدى الصدر": the article is part of the written word, not of the name.
  return name.slice(at - 2, at) === ARABIC_ARTICLE && (at === 2 || !WORD_CHAR.test(name.charAt(at - 3)));
}

export interface ImpliedSource {
  source: SourceRecord;
  /** How the typed name reaches it. */
  via: 'name' | 'alias' | 'surname';
}

/**
 * The one source a typed name stands for: the source it names exactly (name or alias), else the
 * only source whose name or an alias ends with the typed words ("Peskov" → "Dmitry Peskov",
 * "الصدر" → "مقتدى الصدر"). Null when nothing, or more than one source, fits.
 */
export function impliedSource(sources: readonly SourceRecord[], typed: string): ImpliedSource | null {
  const query = foldText(typed);
  if (query === '') return null;
  const byName = sources.filter((s) => foldText(s.name) === query);
  if (byName.length === 1) return { source: byName[0] as SourceRecord, via: 'name' };
  if (byName.length > 1) return null;
  const byAlias = sources.filter((s) => s.aliases.some((a) => foldText(a) === query));
  if (byAlias.length === 1) return { source: byAlias[0] as SourceRecord, via: 'alias' };
  if (byAlias.length > 1) return null;
  const bySurname = sources.filter((s) => namesOf(s).some((name) => endsWithWords(name, query)));
  return bySurname.length === 1 ? { source: bySurname[0] as SourceRecord, via: 'surname' } : null;
}

export type LikelyReason = 'same name' | 'name is an alias' | 'one name inside the other' | 'same surname';

export interface LikelySame {
  /** The pair, the source with the longer name first (usually the one to keep). */
  sources: [SourceRecord, SourceRecord];
  reason: LikelyReason;
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w !== '');
}

/** The surname a folded name ends with, without an Arabic or Latin article ("al-", "ال"). */
function surnameOf(folded: string): string | null {
  const all = words(folded);
  if (all.length < 2) return null;
  let last = all[all.length - 1] as string;
  if (last.startsWith(ARABIC_ARTICLE) && last.length > 4) last = last.slice(2);
  return last.length >= 3 ? last : null;
}

/** Whether the words of `inner` appear, in order and together, among the words of `outer`. */
function containsWords(outer: string, inner: string): boolean {
  const o = words(outer);
  const i = words(inner);
  if (i.length === 0 || i.length >= o.length) return false;
  for (let at = 0; at + i.length <= o.length; at++) if (i.every((w, k) => o[at + k] === w)) return true;
  return false;
}

function reasonFor(a: SourceRecord, b: SourceRecord): LikelyReason | null {
  const [na, nb] = [foldText(a.name), foldText(b.name)];
  if (na === nb) return 'same name';
  if (namesOf(a).includes(nb) || namesOf(b).includes(na)) return 'name is an alias';
  if (a.kind !== b.kind) return null;
  if (containsWords(na, nb) || containsWords(nb, na)) return 'one name inside the other';
  const [sa, sb] = [surnameOf(na), surnameOf(nb)];
  if (a.kind === 'person' && sa !== null && sa === sb) return 'same surname';
  return null;
}

const byText = new Intl.Collator(undefined, { numeric: true }).compare;

/**
 * Pairs of sources that are likely the same: equal folded names, one's name among the other's
 * aliases, one name's words inside the other's ("Peskov", "Dmitry Peskov"), or two people with
 * the same surname ("Moqtada al-Sadr", "Muqtada Sadr"). The analyst decides: these are offers.
 */
export function likelySameSources(sources: readonly SourceRecord[]): LikelySame[] {
  const pairs: LikelySame[] = [];
  // Names sharing no word cannot pair by any rule but "alias": bucket by word to avoid n².
  const byWord = new Map<string, number[]>();
  sources.forEach((s, i) => {
    for (const name of namesOf(s)) {
      const all = words(name);
      // Short particles ("al", "de") would bucket half the registry together.
      for (const w of new Set(all.length === 1 ? all : all.filter((x) => x.length >= 3)))
        byWord.set(w, [...(byWord.get(w) ?? []), i]);
    }
  });
  const seen = new Set<string>();
  for (const members of byWord.values()) {
    for (const i of members)
      for (const j of members) {
        const key = `${i}:${j}`;
        if (i >= j || seen.has(key)) continue;
        seen.add(key);
        const a = sources[i] as SourceRecord;
        const b = sources[j] as SourceRecord;
        const reason = reasonFor(a, b);
        if (!reason) continue;
        const ordered: [SourceRecord, SourceRecord] = b.name.length > a.name.length ? [b, a] : [a, b];
        pairs.push({ sources: ordered, reason });
      }
  }
  return pairs.sort(
    (x, y) => byText(x.sources[0].name, y.sources[0].name) || byText(x.sources[1].name, y.sources[1].name),
  );
}
