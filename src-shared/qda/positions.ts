// REFI-QDA counts a PlainTextSelection's startPosition/endPosition in characters — Unicode code
// points, as QualCoder (Python string indices) and the standard's text count them — while the
// app's TextPositionSelector offsets are UTF-16 code units into the canonical text. They differ
// after every character outside the Basic Multilingual Plane (most emoji): these convert.

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The number of code points in text[0, utf16Offset): a UTF-16 offset as REFI-QDA counts it. */
export function codePointOffset(text: string, utf16Offset: number): number {
  const end = Math.min(Math.max(0, utf16Offset), text.length);
  let points = 0;
  for (let i = 0; i < end; i++) {
    // The low half of a pair is the same character as the high half before it.
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) points++;
  }
  return points;
}

/**
 * The UTF-16 offset of the code point at `pointOffset`; past the end of the text, the text's
 * length (a selection a tool ran past the end is clipped, not refused).
 */
export function utf16Offset(text: string, pointOffset: number): number {
  let points = 0;
  let i = 0;
  while (i < text.length && points < pointOffset) {
    const unit = text.charCodeAt(i);
    i += isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    points++;
  }
  return i;
}
