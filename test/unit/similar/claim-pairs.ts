// Loads the hand-built calibration pairs (test/fixtures/claim-pairs/) and measures the matcher on
// them: every sentence of the fixture goes into one index, as claims of a library would, and each
// pair's similarity is read from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimIndex } from '../../../src-shared/similar/claim-match';

export interface ClaimPair {
  lang: 'en' | 'ar';
  same: boolean;
  a: string;
  b: string;
}

const dir = join(__dirname, '../../fixtures/claim-pairs');

export function loadPairs(): ClaimPair[] {
  return (['en', 'ar'] as const).flatMap((lang) =>
    readFileSync(join(dir, `pairs-${lang}.tsv`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const [kind, a, b] = line.split('\t');
        if (!a || !b || (kind !== 'same' && kind !== 'different'))
          throw new Error(`bad fixture line: ${line}`);
        return { lang, same: kind === 'same', a, b };
      }),
  );
}

export function indexOf(pairs: readonly ClaimPair[]): ClaimIndex {
  const index = new ClaimIndex();
  const texts = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  texts.forEach((t, i) => index.add(`c${i}`, t, `g${i}`));
  return index;
}

export interface Figures {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function figuresAt(scored: readonly { same: boolean; score: number }[], threshold: number): Figures {
  const tp = scored.filter((s) => s.same && s.score >= threshold).length;
  const fp = scored.filter((s) => !s.same && s.score >= threshold).length;
  const fn = scored.filter((s) => s.same && s.score < threshold).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, precision, recall, f1 };
}

export function scorePairs(pairs: readonly ClaimPair[]): { pair: ClaimPair; same: boolean; score: number }[] {
  const index = indexOf(pairs);
  return pairs.map((pair) => ({ pair, same: pair.same, score: index.similarity(pair.a, pair.b) }));
}
