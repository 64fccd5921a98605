// Limits a Markdown file must keep before micromark parses it. Its parse grows steeply with
// list nesting (400 nested items took 20 s) and with long runs of inline delimiters (20,000
// brackets or emphasis marks in one paragraph: 20 s to minutes), while an article nests a few
// levels and has a few dozen links or emphasised runs to a paragraph. So deep container
// prefixes are clamped (the words stay, only the nesting goes) and a paragraph with more inline
// markup than any article has is refused.
import { ImportError } from './errors';

/** Block quotes read inside one another; deeper markers are dropped. */
export const MAX_QUOTES = 8;
/** Columns of indentation read before a line's text (about 12 levels of list). */
export const MAX_INDENT = 24;
/** Inline delimiters (* _ [ ] ` <) one paragraph may hold. */
export const MAX_DELIMITERS = 2_000;

const PREFIX = /^[ \t>]*/;
const DELIMITERS = /[*_[\]`<]/g;

/** The line with its container prefix clamped to MAX_QUOTES markers and MAX_INDENT columns. */
function clampPrefix(line: string): string {
  const prefix = PREFIX.exec(line)?.[0] ?? '';
  if (prefix.length <= MAX_INDENT) return line;
  const quotes = Math.min(MAX_QUOTES, prefix.split('>').length - 1);
  const lastQuote = prefix.lastIndexOf('>');
  const indent = prefix.slice(lastQuote + 1).replace(/\t/g, '    ').length;
  const kept = quotes > 0 ? '>'.repeat(quotes) + ' ' : '';
  return kept + ' '.repeat(Math.min(MAX_INDENT - kept.length, indent)) + line.slice(prefix.length);
}

/** The text within the limits, or an ImportError naming the paragraph that is not. */
export function boundedMarkdown(text: string): string {
  const lines = text.split('\n');
  let delimiters = 0;
  let paragraphStart = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      delimiters = 0;
      paragraphStart = i + 2;
      continue;
    }
    delimiters += line.match(DELIMITERS)?.length ?? 0;
    if (delimiters > MAX_DELIMITERS)
      throw new ImportError(
        `the paragraph at line ${paragraphStart} has more than ${MAX_DELIMITERS.toLocaleString('en')} markup characters (* _ [ ] \` <); no article has that many`,
      );
    lines[i] = clampPrefix(line);
  }
  return lines.join('\n');
}
