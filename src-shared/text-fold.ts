// Folding text for matching (search, autocomplete, duplicate detection): case-, diacritic- and
// Arabic-spelling-insensitive, so "peskov" finds "Peskov" and "احمد" finds "أحمد".
const COMBINING = /[\u0300-\u036f]/g;
// Arabic tashkeel (harakat, shadda, sukun, superscript alef) and tatweel carry no identity.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
