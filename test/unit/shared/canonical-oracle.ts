// The canonical-text rules (src-shared/canonical.ts) written out one at a time, as the README
// states them: the oracle the tests hold canonicalBlock to. Not used by the app.
import { normaliseRaw } from '../../../src-shared/canonical';

const WHITESPACE_RUN = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Rules 1–4 on one block, step by step. */
export function canonicalBlockText(text: string): string {
  return normaliseRaw(text).replace(WHITESPACE_RUN, ' ').trim();
}
