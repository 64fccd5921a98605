// The one normalisation every importer ends with, so the same file always yields the same
// canonical text and the same content hash — annotations are anchored to that text.
//
// Rules (documented in README "Canonical text"):
//  1. CRLF and lone CR become LF; U+2028/U+2029 become LF.
//  2. A BOM (U+FEFF) anywhere, NUL and other C0/C1 control characters (except LF and TAB) are removed.
//  3. Unicode NFC — after the removals, so a control between a letter and its accent cannot
//     leave a pair a second pass would compose: the rules are a fixed point.
//  4. Inside a block, every run of whitespace (including TAB, NBSP and LF) becomes one space,
//     and the block is trimmed. Zero-width joiners are kept (they matter in Arabic and Persian).
//  5. Empty blocks are dropped. Blocks are joined by BLOCK_SEPARATOR ("\n\n").
// canonicalBlock applies rules 1–4 to one block; a 40 MB import calls it on every block, so one
// scan finds which of the steps the block needs and counts its strong letters on the way. The
// rules written out one at a time live in the tests (test/unit/shared/canonical-oracle.ts),
// which hold canonicalBlock to them on arbitrary text.
import { directionOf, isLtrLetter, isRtlLetter, strongCounts, type StrongCounts } from './direction';
import type { Direction, DocBlock, ParsedArticle } from './model';

export const BLOCK_SEPARATOR = '\n\n';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;
/** Anything rules 1–2 change: CR, U+2028/2029, and the control characters CONTROL removes. */
// eslint-disable-next-line no-control-regex
const NEEDS_RAW = /[\r\u2028\u2029\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/;

/** True when rules 1–2 would change `text` (it has a CR, a U+2028/2029 or a control to remove). */
export const needsRaw = (text: string): boolean => NEEDS_RAW.test(text);

/** Rules 1–3 on raw decoded text, before it is split into lines and blocks. */
export function normaliseRaw(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .normalize('NFC');
}

/**
 * Rules 1–3 on a whole file, skipped when it has nothing they change. NFC is then left to each
 * block (canonicalBlock) — NFC text cut at line breaks stays NFC — so no second copy of a huge
 * text is made.
 */
export function normaliseLines(text: string): string {
  return needsRaw(text) ? normaliseRaw(text) : text;
}

/** JS whitespace beyond ASCII (what `\s` matches past U+007F). */
const isWideSpace = (c: number): boolean =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * True for characters NFC leaves alone wherever they stand (quick-check "yes", combining class
 * 0): a block of ASCII and these needs no normalize() call. Only what news text is made of is
 * listed — Arabic letters and digits, typographic punctuation; anything else is normalised. A
 * unit test checks the list against String.prototype.normalize.
 */
export const isNfcInert = (c: number): boolean =>
  (c >= 0x621 && c <= 0x63a) ||
  (c >= 0x640 && c <= 0x64a) ||
  (c >= 0x660 && c <= 0x66d) ||
  (c >= 0x671 && c <= 0x6d3) ||
  c === 0x60c ||
  c === 0x61b ||
  c === 0x61f ||
  c === 0x6d4 ||
  (c >= 0x2010 && c <= 0x2027) ||
  (c >= 0x2030 && c <= 0x203a) ||
  c === 0x20ac;

/**
 * Characters no rule changes and that are no right-to-left letter: printable ASCII, the Latin
 * letters and signs below U+0300, typographic punctuation — all NFC-inert, none whitespace but
 * the space. Anchored and without alternatives, the test is one native loop over the text, a
 * fraction of what scan() costs. A unit test holds every character it lets through to
 * canonicalBlock.
 */
const PLAIN_CHARS = /^[\x20-\x7e\u00a1-\u02ff\u2010-\u2027\u2030-\u203a\u20ac]*$/;
const SPACE = 0x20;
const DOUBLE_SPACE = / {2}/;

/**
 * True when `text` is plain — only PLAIN_CHARS, no two spaces together, nothing to trim — so
 * canonical as it stands and, if it has letters, read left to right. Most of an English news
 * dump is plain.
 */
export const isPlainCanonical = (text: string): boolean =>
  text.charCodeAt(0) !== SPACE &&
  text.charCodeAt(text.length - 1) !== SPACE &&
  PLAIN_CHARS.test(text) &&
  !DOUBLE_SPACE.test(text);

const RAW = 1; // a character rules 1–2 change
const COLLAPSE = 2; // whitespace rule 4 changes: not a lone inner space
const NFC = 4; // a character NFC may change

/** One pass: which rules the block needs, and its strong letters (as direction.ts counts them). */
function scan(text: string): StrongCounts & { flags: number } {
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
      else if (c >= 0x300 && !isNfcInert(c)) flags |= NFC;
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
  /** Its strong letters, for its direction. */
  counts: StrongCounts;
}

/** Rules 1–4 on one block's text, skipping the steps the block does not need. */
export function canonicalBlock(raw: string): CanonicalBlock {
  const { flags, rtl, ltr } = scan(raw);
  let text = raw;
  if (flags & RAW) text = normaliseRaw(text);
  else if (flags & NFC) text = text.normalize('NFC');
  // NFC can merge, split or replace letters: counts are redone on the rare text it changed.
  const recount = text !== raw;
  // Removing a control character can leave two spaces together or a space at an end.
  if (flags & (COLLAPSE | RAW)) text = text.replace(/\s+/g, ' ').trim();
  return { text, counts: recount ? strongCounts(text) : { rtl, ltr } };
}

type ArticleText = Pick<ParsedArticle, 'title' | 'caption' | 'blocks'>;

/** A block's canonical text and the direction its letters give it. */
type Canonicalise = (text: string) => { text: string; direction: Direction };

/** The blocks of an article: title, caption, then body, each through `canonical`, empty ones dropped. */
function docBlocks(article: ArticleText, canonical: Canonicalise): DocBlock[] {
  const blocks: DocBlock[] = [];
  const push = (
    block: Omit<DocBlock, 'direction' | 'text'> & { text: string; direction?: Direction },
  ): void => {
    const { text, direction } = canonical(block.text);
    if (text === '') return;
    blocks.push({ ...block, text, direction: block.direction ?? direction });
  };
  push({ kind: 'title', text: article.title });
  if (article.caption) push({ kind: 'caption', text: article.caption });
  for (const b of article.blocks) push({ ...b });
  return blocks;
}

const byTheRules: Canonicalise = (raw) => {
  const { text, counts } = canonicalBlock(raw);
  return { text, direction: directionOf(counts) };
};

/**
 * The blocks a document shows and annotates: title, caption, then body, each canonical (rules
 * 1–4), empty ones dropped (rule 5). A block without a direction takes its text's.
 */
export function articleDocBlocks(article: ArticleText): DocBlock[] {
  return docBlocks(article, byTheRules);
}

/** Thrown for an article whose text the importer should have made canonical and did not. */
export class NotCanonicalError extends Error {}

const alreadyCanonical: Canonicalise = (text) => {
  if (isPlainCanonical(text)) return { text, direction: 'ltr' };
  const { text: canonical, counts } = canonicalBlock(text);
  if (canonical !== text)
    throw new NotCanonicalError(
      `the importer gave text that is not canonical: ${JSON.stringify(text.slice(0, 80))}`,
    );
  return { text, direction: directionOf(counts) };
};

/**
 * articleDocBlocks for an article the importer made canonical (every ParsedArticle): its texts
 * are kept as they are, each checked — plain text by one regex test, the rest by a scan — and
 * one that is not canonical is refused (NotCanonicalError): its content hash would not be the
 * hash of what is stored.
 */
export function parsedDocBlocks(article: ArticleText): DocBlock[] {
  return docBlocks(article, alreadyCanonical);
}

/** Direction of a text by majority of strong characters; ties and no letters read as LTR. */
export function detectDirection(text: string): Direction {
  return directionOf(strongCounts(text));
}

export function canonicalText(blocks: readonly DocBlock[]): string {
  return blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/** Start offset of each block in the canonical text. */
export function blockOffsets(blocks: readonly DocBlock[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const b of blocks) {
    offsets.push(at);
    at += b.text.length + BLOCK_SEPARATOR.length;
  }
  return offsets;
}

/**
 * A document's identity: SHA-256 (hex) of its canonical text as UTF-8, via Web Crypto (present
 * in browsers, Electron and Node ≥ 20). The importer hashes the same bytes with Node's crypto as
 * it assembles each article (src-main/import/article.ts); a unit test holds the two together.
 */
export async function contentHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
