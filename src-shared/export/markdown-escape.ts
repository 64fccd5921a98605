// Escaping for text placed in generated Markdown, so article text and analyst notes can never
// turn into links, images, HTML, tables or headings in the report.

// Every ASCII punctuation character CommonMark or GFM gives a meaning inline (`$` for renderers
// with maths, `|` for table cells, `&` for entities); a backslash makes each one literal.
const INLINE_SYNTAX = /[\\`*_[\]<>|~&!#$]/g;
const HAS_INLINE_SYNTAX = /[\\`*_[\]<>|~&!#$]/;
// What turns the start of a line into a list item, heading or quote.
const LINE_START = /^(\s*)([-+=]|\d+(?=[.)]))/;
const MAY_NEED_LINE_START = /^\s*[-+=\d]/;

/** Escapes what would make the start of a line a list item, heading or quote. */
export function escapeLineStart(line: string): string {
  if (!MAY_NEED_LINE_START.test(line)) return line;
  return line.replace(LINE_START, (_all, space: string, mark: string) =>
    /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/** Text inside a line: inline syntax escaped; no line-start escaping (see `markdownLine`). */
export function escapeInline(text: string): string {
  // Most article text has nothing to escape; testing first spares building a copy of it.
  return HAS_INLINE_SYNTAX.test(text) ? text.replace(INLINE_SYNTAX, '\\$&') : text;
}

/** One line of text (newlines become spaces), safe at the start of a line, in a heading or a table cell. */
export function markdownLine(text: string): string {
  const oneLine = /[\r\n]/.test(text) ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text;
  return escapeLineStart(escapeInline(oneLine.trim()));
}

/**
 * Multi-line text kept as lines: each is escaped as a line of its own, and continuation lines
 * are indented so they stay inside the list item they belong to.
 */
export function markdownLines(text: string, indent: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() === '' ? '' : indent + markdownLine(line)))
    .join('\n')
    .replace(/^\s+/, '');
}

/** A Markdown link for an http(s) URL; parentheses and spaces encoded so the URL cannot end early. */
export function markdownLink(text: string, href: string): string {
  const target = href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${markdownLine(text) || escapeInline(href)}](${target})`;
}
