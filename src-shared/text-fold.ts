// Folding a whole name for matching (autocomplete, duplicate detection): search folding
// (case, diacritics, Arabic spelling variants) with whitespace collapsed, so "peskov" finds
// "Peskov" and "احمد" finds "أحمد".
import { foldForSearch } from './search/fold';

export function foldText(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ').trim();
}
