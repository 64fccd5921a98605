// What a news dump says about an article beside its text: the detail lines some scrapers write
// where the body begins — labelled ("URL: …", "Date: …", "Source: …", "Author: …", and the
// Arabic "الرابط:", "التاريخ:", "المصدر:", "الكاتب:"), a byline ("By …", "بقلم …"), a web address
// or a date alone on a line ("Thursday, 13 March, 2025 - 06:45", "13 مارس 2025"). Pure: the
// splitter hands it the article's lines; it reads the run of detail lines that opens the body
// and stops at the first line that is not one, so a story's own sentences are never taken.
import { vetExternalUrl } from '../../src-shared/url-trust';
import { isoDate } from './article-meta';

/** The details found, in the fields ArticleBuilder.finish takes; none found leaves them null. */
export interface DumpDetails {
  author: string | null;
  published: string | null;
  siteName?: string;
  url?: string;
}

type Field = 'url' | 'published' | 'outlet' | 'author';

/** At most this many detail lines are read after a title. */
const DETAIL_LINES = 6;
/** A detail line is short; a longer line is body text and ends the run at once. */
const LINE_MAX = 240;
const VALUE_MAX = 160;

const LABELS: Record<Field, readonly string[]> = {
  url: ['url', 'link', 'source url', 'web address', 'الرابط', 'رابط', 'رابط المقال'],
  published: ['date', 'published', 'published on', 'publication date', 'posted', 'التاريخ', 'تاريخ النشر'],
  outlet: [
    'source',
    'outlet',
    'publication',
    'publisher',
    'newspaper',
    'site',
    'المصدر',
    'الصحيفة',
    'الناشر',
  ],
  author: ['author', 'authors', 'by', 'byline', 'writer', 'reporter', 'الكاتب', 'الكاتبة', 'بقلم', 'المؤلف'],
};
const LABEL_FIELD = new Map<string, Field>(
  (Object.entries(LABELS) as [Field, readonly string[]][]).flatMap(([f, names]) => names.map((n) => [n, f])),
);
const LABELLED = /^([\p{L} ]{2,24}?)\s*[:：]\s*(.+)$/u;
/** "By Raed Jaber", "By Dana Kowalski and Owen Pratt": capitalised names only, no sentence. */
const BYLINE =
  /^By\s+(\p{Lu}[\p{L}'’.-]*(?:(?:\s+|,\s*)(?:and\s+|&\s+)?(?:al-|el-|bin\s|ibn\s|de\s|van\s)?\p{Lu}[\p{L}'’.-]*){0,5})$/u;
const BYLINE_AR = /^بقلم\s*[:：]?\s*(\p{L}[\p{L}\s]{1,60})$/u;
const BARE_URL = /^https?:\/\/\S+$/i;

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'يناير', 'كانون الثاني'],
  ['february', 'feb', 'فبراير', 'شباط'],
  ['march', 'mar', 'مارس', 'آذار', 'اذار'],
  ['april', 'apr', 'أبريل', 'ابريل', 'إبريل', 'نيسان'],
  ['may', 'مايو', 'أيار', 'ايار'],
  ['june', 'jun', 'يونيو', 'يونيه', 'حزيران'],
  ['july', 'jul', 'يوليو', 'يوليه', 'تموز'],
  ['august', 'aug', 'أغسطس', 'اغسطس', 'آب'],
  ['september', 'sep', 'sept', 'سبتمبر', 'أيلول', 'ايلول'],
  ['october', 'oct', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول'],
  ['november', 'nov', 'نوفمبر', 'تشرين الثاني'],
  ['december', 'dec', 'ديسمبر', 'كانون الأول', 'كانون الاول'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})\\s+(${MONTH})\\.?\\s+(\\d{4})$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`^(${MONTH})\\.?\\s+(\\d{1,2})\\s+(\\d{4})$`, 'iu');
const WEEKDAY =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|(?:يوم\s+)?(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد))\.?\s*/iu;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC))?$/iu;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Arabic-Indic and Persian digits as ASCII digits. */
const asciiDigits = (text: string): string =>
  text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

/** A calendar day as the date field keeps it (YYYY-MM-DD), when it exists. */
function day(year: number, month: number, date: number): string | null {
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date || year < 1800) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

function dayOfSegment(segment: string): string | null {
  const text = segment
    .replace(/[,،]/g, ' ')
    .replace(WEEKDAY, '')
    .replace(/\s+(?:مـ|م)$/u, '')
    .trim();
  const iso = ISO_DAY.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(text.replace(/\s+/g, ' '));
  if (dmy) return day(Number(dmy[3]), MONTHS[(dmy[2] ?? '').toLowerCase()] ?? 0, Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(text.replace(/\s+/g, ' '));
  if (mdy) return day(Number(mdy[3]), MONTHS[(mdy[1] ?? '').toLowerCase()] ?? 0, Number(mdy[2]));
  return null;
}

/**
 * A line that is a date and nothing else (weekday, time and a Hijri date may come with it):
 * the timestamp when it names its zone, else the calendar day — a time without a zone is not
 * turned into a moment in some zone the page never gave.
 */
export function dumpDate(line: string): string | null {
  const text = asciiDigits(line.trim());
  if (text.length > 80) return null;
  if (ISO_ZONED.test(text)) return isoDate(text);
  let found: string | null = null;
  for (const segment of text.split(/\s+[-–—|]\s+|\s*\|\s*/)) {
    const part = segment.trim();
    // A time, a Hijri date ("13 شهر رمضان 1446 هـ") or a weekday beside the date.
    if (part === '' || TIME.test(part) || /هـ$/u.test(part) || part.replace(WEEKDAY, '') === '') continue;
    const date = dayOfSegment(part);
    if (date === null || found !== null) return null;
    found = date;
  }
  return found;
}

const clean = (value: string): string | null => {
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' || text.length > VALUE_MAX ? null : text;
};

/** What one line declares, or null when it is not a detail line. */
export function detailOf(line: string): { field: Field; value: string } | null {
  if (line.length > LINE_MAX) return null;
  if (BARE_URL.test(line)) {
    const url = vetExternalUrl(line);
    return url ? { field: 'url', value: url } : null;
  }
  const labelled = LABELLED.exec(line);
  const field = labelled && LABEL_FIELD.get((labelled[1] ?? '').trim().toLowerCase());
  if (labelled && field) {
    const raw = labelled[2] ?? '';
    const url = vetExternalUrl(raw.trim());
    // "Source: https://…" gives the address, not an outlet.
    if (url && (field === 'url' || field === 'outlet')) return { field: 'url', value: url };
    if (field === 'url') return null;
    const value = field === 'published' ? dumpDate(raw) : clean(raw);
    return value ? { field, value } : null;
  }
  const byline = BYLINE.exec(line) ?? BYLINE_AR.exec(line);
  if (byline) {
    const author = clean(byline[1] ?? '');
    return author ? { field: 'author', value: author } : null;
  }
  const date = dumpDate(line);
  return date ? { field: 'published', value: date } : null;
}

/**
 * The details declared by the run of detail lines among `lines.text(from)` … `lines.text(end - 1)`:
 * the first value of each kind counts; the run ends at the first line that is not a detail.
 */
export function readDumpDetails(lines: { text(i: number): string }, from: number, end: number): DumpDetails {
  const found: Partial<Record<Field, string>> = {};
  for (let i = from; i < Math.min(end, from + DETAIL_LINES); i++) {
    const detail = detailOf(lines.text(i));
    if (!detail) break;
    found[detail.field] ??= detail.value;
  }
  const details: DumpDetails = { author: found.author ?? null, published: found.published ?? null };
  if (found.outlet) details.siteName = found.outlet;
  if (found.url) details.url = found.url;
  return details;
}
