// The canonical-text rules (canonical.ts) at import speed, for 40 MB files, in the importers and
// wherever a parsed article becomes a document. The rule-by-rule functions run NFC, two
// control-character regexes and a whitespace replace on every block — and the replace rewrites
// every single space. Here one scan per block finds out which of those steps the block needs,
// counting its strong characters on the way. The unit tests check these functions against the
// rule-by-rule ones on arbitrary text.
import { normaliseRaw } from './canonical';
import { directionOf, isLtrLetter, isRtlLetter, strongCounts, type StrongCounts } from './direction';
import type { Direction, DocBlock, ParsedArticle } from './model';

/** JS whitespace beyond ASCII (canonical.ts' whitespace class is the same set). */
export const isWideSpace = (c: number): boolean =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** Anything rules 2–3 change: CR, U+2028/2029, and the control characters canonical.ts removes. */
// eslint-disable-next-line no-control-regex
const NEEDS_RAW = /[\r\u2028\u2029\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/;

/**
 * Rules 2–3 on a whole file before it is cut into lines and blocks. NFC (rule 1) is left to each
 * block — NFC text cut at line breaks stays NFC — so no second copy of a huge text is made.
 */
export function normaliseLines(text: string): string {
  return NEEDS_RAW.test(text) ? normaliseRaw(text) : text;
}

const RAW = 1; // a character rules 2–3 change
const COLLAPSE = 2; // whitespace rule 4 changes: not a lone inner space
const NFC = 4; // a character at or above U+0300, where NFC may change something

interface Scan extends StrongCounts {
  flags: number;
}

/** One pass: which rules the block needs, and its strong characters (as detectDirection counts). */
function scan(text: string): Scan {
  let rtl = 0;
  let ltr = 0;
  let flags = 0;
  let afterSpace = true; // a space at the very start must be trimmed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) flags |= COLLAPSE;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (c < 0x41) {
      if (c < 0x20) flags |= c === 0x09 || c === 0x0a ? COLLAPSE : RAW;
    } else if (c <= 0x5a || (c >= 0x61 && c <= 0x7a)) {
      ltr++;
    } else if (c >= 0x7f) {
      if (c <= 0x9f) flags |= RAW;
      else if (c >= 0x300) flags |= NFC;
      if (isWideSpace(c)) flags |= c === 0x2028 || c === 0x2029 || c === 0xfeff ? RAW : COLLAPSE;
      if (isLtrLetter(c)) ltr++;
      else if (isRtlLetter(c)) rtl++;
    }
  }
  if (afterSpace && text.length > 0) flags |= COLLAPSE;
  return { rtl, ltr, flags };
}

export interface CanonicalBlock {
  text: string;
  counts: StrongCounts;
}

/** Rules 1–4: exactly canonicalBlockText's result, skipping the steps a block does not need. */
export function canonicalBlock(raw: string): CanonicalBlock {
  const { flags, rtl, ltr } = scan(raw);
  let text = raw;
  if (flags & RAW) text = normaliseRaw(text).normalize('NFC');
  else if (flags & NFC) text = text.normalize('NFC');
  // NFC can merge, split or replace letters: counts are redone on the rare text it changed.
  const recount = text !== raw;
  // Removing a control character can leave two spaces together or a space at an end.
  if (flags & (COLLAPSE | RAW)) text = text.replace(/\s+/g, ' ').trim();
  return { text, counts: recount ? strongCounts(text) : { rtl, ltr } };
}

export function fastCanonicalBlockText(text: string): string {
  return canonicalBlock(text).text;
}

/**
 * The blocks a document shows and annotates: title, caption, then body, each canonical (rules
 * 1–4), empty ones dropped (rule 5). A block without a direction takes its text's.
 */
export function articleDocBlocks(article: Pick<ParsedArticle, 'title' | 'caption' | 'blocks'>): DocBlock[] {
  const blocks: DocBlock[] = [];
  const push = (
    block: Omit<DocBlock, 'direction' | 'text'> & { text: string; direction?: Direction },
  ): void => {
    const { text, counts } = canonicalBlock(block.text);
    if (text === '') return;
    blocks.push({ ...block, text, direction: block.direction ?? directionOf(counts) });
  };
  push({ kind: 'title', text: article.title });
  if (article.caption) push({ kind: 'caption', text: article.caption });
  for (const b of article.blocks) push({ ...b });
  return blocks;
}
