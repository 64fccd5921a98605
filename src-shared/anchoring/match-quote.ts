// Finds the best place for a quote within a span of a text, exactly or approximately, ranking
// candidates by how well the quote, its recorded prefix and suffix, and its expected position
// agree (the scoring of the Hypothesis client's matchQuote). The anchoring order is in anchor.ts.
// Long texts are searched through a GramIndex, built when whole-text searches start to add up.
import approxSearch from 'approx-string-match';
import { GRAM, GramIndex } from './gram-index';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote is expected to start. */
  hint: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface QuoteMatch extends Span {
  /** 0–1: how well quote, context and position agree; 1 is the quote in place with its context. */
  score: number;
  /** 0–1: how well the surrounding text agrees with the recorded prefix and suffix. */
  context: number;
}

// The quote's own similarity dominates; the context decides between candidates that match the
// quote equally well; the position only breaks ties (it is out of date after any edit).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Errors (edits) a fuzzy match may have: a quarter of the quote, at most 256. Hypothesis allows
 * half, which lets short quotes land on unrelated text; the cap bounds the search, which costs
 * O(maxErrors / 32 · text length). Quotes under four characters are never matched fuzzily.
 */
export function maxFuzzyErrors(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 4));
}

/** 0–1 edit-distance similarity of `expected` to its best place in `actual`. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0 || actual === expected) return 1;
  if (actual.length === 0) return 0;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

function scoreCandidate(
  text: string,
  quote: string,
  at: Span,
  errors: number,
  ctx: QuoteContext,
): QuoteMatch {
  const prefix = similarity(text.slice(Math.max(0, at.start - ctx.prefix.length), at.start), ctx.prefix);
  const suffix = similarity(text.slice(at.end, at.end + ctx.suffix.length), ctx.suffix);
  const nearness = 1 - Math.abs(at.start - ctx.hint) / Math.max(1, text.length);
  const raw =
    QUOTE_WEIGHT * (1 - errors / quote.length) +
    PREFIX_WEIGHT * prefix +
    SUFFIX_WEIGHT * suffix +
    POSITION_WEIGHT * nearness;
  return {
    start: at.start,
    end: at.end,
    score: raw / TOTAL_WEIGHT,
    context: (PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix) / (PREFIX_WEIGHT + SUFFIX_WEIGHT),
  };
}

function best(candidates: readonly QuoteMatch[]): QuoteMatch | null {
  let top: QuoteMatch | null = null;
  for (const c of candidates) if (top === null || c.score > top.score) top = c;
  return top;
}

/** Texts up to this length are searched whole for fuzzy matches (about 5 ms a quote). */
const FULL_SEARCH_LIMIT = 100_000;

/** Whole-text exact searches of a long text before it is worth indexing. */
const SCANS_BEFORE_INDEX = 8;

/** Finds quotes in one text; keep one per text so its index is built once. */
export class QuoteFinder {
  private index: GramIndex | null = null;
  private scans = 0;

  constructor(readonly text: string) {}

  /** The best exact occurrence of `quote` lying wholly within `within` (default: the whole text). */
  exact(quote: string, ctx: QuoteContext, within?: Span): QuoteMatch | null {
    const { text } = this;
    const starts = within ? this.scan(quote, within) : this.everywhere(quote);
    return best(
      starts.map((start) => scoreCandidate(text, quote, { start, end: start + quote.length }, 0, ctx)),
    );
  }

  /** The best approximate match of `quote` within `within`, allowing maxFuzzyErrors edits. */
  fuzzy(quote: string, ctx: QuoteContext, within: Span): QuoteMatch | null {
    const maxErrors = maxFuzzyErrors(quote.length);
    if (maxErrors === 0) return null;
    const matches = approxSearch(this.text.slice(within.start, within.end), quote, maxErrors);
    return best(
      matches.map((m) =>
        scoreCandidate(
          this.text,
          quote,
          { start: within.start + m.start, end: within.start + m.end },
          m.errors,
          ctx,
        ),
      ),
    );
  }

  /**
   * The best approximate match of `quote` anywhere. A long text is searched only around exact
   * occurrences of the quote's GRAM-character pieces, leaving out pieces too common to narrow the
   * search. A match keeping any piece used intact is found (so is any with fewer errors than
   * pieces used); one whose errors touch every piece used can be missed. When every piece is
   * common, the whole text is searched.
   */
  fuzzyAnywhere(quote: string, ctx: QuoteContext): QuoteMatch | null {
    const whole = { start: 0, end: this.text.length };
    const regions = this.text.length > FULL_SEARCH_LIMIT ? this.regionsAroundPieces(quote) : null;
    if (regions === null) return this.fuzzy(quote, ctx, whole);
    return best(regions.map((r) => this.fuzzy(quote, ctx, r)).filter((m) => m !== null));
  }

  private scan(quote: string, within: Span): number[] {
    // Searching a slice keeps indexOf from running past the span when the quote is not in it.
    const hay = this.text.slice(within.start, within.end);
    const starts: number[] = [];
    for (let at = hay.indexOf(quote); at !== -1; at = hay.indexOf(quote, at + 1))
      starts.push(within.start + at);
    return starts;
  }

  private everywhere(quote: string): number[] {
    const whole = { start: 0, end: this.text.length };
    if (quote.length < GRAM || this.text.length <= FULL_SEARCH_LIMIT) return this.scan(quote, whole);
    if (this.index === null && ++this.scans <= SCANS_BEFORE_INDEX) return this.scan(quote, whole);
    const starts = this.gramIndex().occurrences(quote.slice(0, GRAM)) ?? [];
    return starts.filter((at) => this.text.startsWith(quote, at));
  }

  private gramIndex(): GramIndex {
    this.index ??= new GramIndex(this.text);
    return this.index;
  }

  /** Spans where a fuzzy match keeping a piece of the quote intact would stand; null if no piece is rare. */
  private regionsAroundPieces(quote: string): Span[] | null {
    if (quote.length < GRAM) return null;
    const maxErrors = maxFuzzyErrors(quote.length);
    const reach = quote.length + 2 * maxErrors;
    // Verifying costs about as much a character as scanning: keep the regions to an eighth of the text.
    const perPiece = Math.max(16, Math.floor(this.text.length / 8 / reach / Math.floor(quote.length / GRAM)));
    const found: Span[] = [];
    let used = 0;
    for (let offset = 0; offset + GRAM <= quote.length; offset += GRAM) {
      const starts = this.gramIndex().occurrences(quote.slice(offset, offset + GRAM), perPiece);
      if (starts === null) continue;
      used++;
      for (const at of starts) {
        const start = Math.max(0, at - offset - maxErrors);
        found.push({ start, end: Math.min(this.text.length, start + reach) });
      }
    }
    return used === 0 ? null : mergeSpans(found);
  }
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
