// Reads the hand-labelled attribution set (test/fixtures/attribution/, see its README) and scores
// predicted claimants against it: claimant F1 over sentences, and the share of the journalist's
// own narration sentences (labelled ⟦⟧) given no claimant.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldForSearch } from '../../../src-shared/search/fold';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/attribution/', import.meta.url));

export interface LabelledSentence {
  text: string;
  claimant: string | null;
}

export interface LabelledCase {
  name: string;
  /** The file to import: NAME.txt when the labels describe a file as published, else the labels' text. */
  file: string;
  /** The file's text when it is made from the labels (markers removed). */
  made: string | null;
  sentences: LabelledSentence[];
}

const MARKER = /\s*⟦([^⟧]*)⟧/g;

export function readLabelled(name: string): LabelledCase {
  const labelled = readFileSync(join(FIXTURES, `${name}.labelled.txt`), 'utf8');
  const sentences: LabelledSentence[] = [];
  for (const paragraph of labelled.split(/\n\s*\n/)) {
    if (paragraph.trim() === '=====') continue;
    let from = 0;
    for (const m of paragraph.matchAll(MARKER)) {
      const text = paragraph.slice(from, m.index).trim();
      const claimant = (m[1] as string).trim();
      sentences.push({ text, claimant: claimant === '' ? null : claimant });
      from = (m.index as number) + m[0].length;
    }
  }
  const original = join(FIXTURES, `${name}.txt`);
  const made = existsSync(original)
    ? null
    : labelled
        .split('\n')
        .filter((line) => line.trim() !== '=====')
        .join('\n')
        .replace(MARKER, '');
  return { name, file: original, made, sentences };
}

export function labelledCases(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.labelled.txt'))
    .map((f) => f.slice(0, -'.labelled.txt'.length))
    .sort();
}

/** A claimant compared without case, diacritics, Arabic spelling variants or a leading article. */
export const sameClaimant = (a: string, b: string): boolean => {
  const norm = (s: string): string =>
    foldForSearch(s)
      .replace(/[’']/g, "'")
      .replace(/^(the|a|an)\s+/, '')
      .replace(/^ال/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
};

export interface PredictedSentence {
  text: string;
  claimant: string | null;
}

export interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  narration: number;
  narrationClear: number;
  misses: string[];
}

export const emptyTally = (): Tally => ({
  truePositive: 0,
  falsePositive: 0,
  falseNegative: 0,
  narration: 0,
  narrationClear: 0,
  misses: [],
});

/**
 * Adds one case to the tally: each labelled sentence is found in the predicted sentences' text
 * (in order) and takes the claimant of the predicted sentence it starts in.
 */
export function tallyCase(
  tally: Tally,
  labelled: LabelledCase,
  predicted: readonly PredictedSentence[],
): void {
  let joined = '';
  const starts: number[] = [];
  for (const p of predicted) {
    starts.push(joined.length);
    joined += `${p.text} `;
  }
  let cursor = 0;
  for (const s of labelled.sentences) {
    const at = joined.indexOf(s.text, cursor);
    if (at < 0) throw new Error(`${labelled.name}: labelled sentence not in the output: ${s.text}`);
    cursor = at + s.text.length;
    let k = starts.length - 1;
    while (k > 0 && (starts[k] as number) > at) k--;
    const got = predicted[k]?.claimant ?? null;
    const right = s.claimant === null ? got === null : got !== null && sameClaimant(got, s.claimant);
    if (s.claimant === null) {
      tally.narration++;
      if (got === null) tally.narrationClear++;
    }
    if (s.claimant !== null && right) tally.truePositive++;
    if (got !== null && !right) tally.falsePositive++;
    if (s.claimant !== null && !right) tally.falseNegative++;
    if (!right)
      tally.misses.push(
        `${labelled.name}: want ${s.claimant ?? '∅'}, got ${got ?? '∅'}: ${s.text.slice(0, 70)}`,
      );
  }
}

export function figures(t: Tally): { precision: number; recall: number; f1: number; narrationShare: number } {
  const precision = t.truePositive / Math.max(1, t.truePositive + t.falsePositive);
  const recall = t.truePositive / Math.max(1, t.truePositive + t.falseNegative);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, narrationShare: t.narrationClear / Math.max(1, t.narration) };
}
