// Reads the check-worthiness training data (../shared/checkworthy: one CLEF-layout TSV per
// document, listed in manifest.tsv) and splits documents into folds for leave-documents-out
// cross-validation, and computes mean average precision by document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TrainingDocument {
  file: string;
  language: string;
  /** The manifest's source (e.g. clef2021-train). */
  source: string;
  /** The collection it belongs to, the unit of sample weighting: the file's folder (en/clef2019, ar/…). */
  collection: string;
  texts: string[];
  labels: Uint8Array;
}

export function readDocuments(dir: string): TrainingDocument[] {
  const manifest = readFileSync(join(dir, 'manifest.tsv'), 'utf8').split('\n').filter(Boolean);
  const header = (manifest.shift() ?? '').split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${join(dir, 'manifest.tsv')}: no column "${name}"`);
    return i;
  };
  const [fileCol, langCol, sourceCol] = [col('file'), col('language'), col('source')];
  return manifest.map((row) => {
    const cells = row.split('\t');
    const file = cells[fileCol] as string;
    const texts: string[] = [];
    const labels: number[] = [];
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line === '') continue;
      const parts = line.split('\t');
      const label = parts[3]?.trim();
      if (parts.length < 4 || (label !== '0' && label !== '1'))
        throw new Error(`${join(dir, file)}: line "${line.slice(0, 60)}" is not line, speaker, text, label`);
      texts.push(parts[2] as string);
      labels.push(label === '1' ? 1 : 0);
    }
    return {
      file,
      language: cells[langCol] as string,
      source: cells[sourceCol] as string,
      collection: file.split('/').slice(0, 2).join('/'),
      texts,
      labels: Uint8Array.from(labels),
    };
  });
}

/** A seeded generator (mulberry32), so folds and shuffles repeat from run to run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Fold of each document: documents of each collection dealt round the folds in a seeded order. */
export function assignFolds(docs: readonly TrainingDocument[], folds: number, seed: number): number[] {
  const rand = random(seed);
  const fold = new Array<number>(docs.length).fill(0);
  const byCollection = new Map<string, number[]>();
  docs.forEach((d, i) => byCollection.set(d.collection, [...(byCollection.get(d.collection) ?? []), i]));
  let offset = 0;
  for (const key of [...byCollection.keys()].sort()) {
    const members = shuffle([...(byCollection.get(key) as number[])], rand);
    members.forEach((doc, k) => (fold[doc] = (k + offset) % folds));
    offset += members.length;
  }
  return fold;
}

/** Average precision of a ranking by `scores` (ties broken by document order); null with no positives. */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (labels[i] === 1) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return hits === 0 ? null : sum / hits;
}

/** Mean of the average precisions of documents grouped by `key`, with the number of documents. */
export function meanByGroup(
  results: readonly { doc: TrainingDocument; ap: number | null }[],
  key: (d: TrainingDocument) => string,
): Map<string, { map: number; docs: number }> {
  const groups = new Map<string, number[]>();
  for (const r of results) {
    if (r.ap === null) continue;
    const k = key(r.doc);
    groups.set(k, [...(groups.get(k) ?? []), r.ap]);
  }
  const out = new Map<string, { map: number; docs: number }>();
  for (const [k, aps] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
    out.set(k, { map: aps.reduce((s, x) => s + x, 0) / aps.length, docs: aps.length });
  return out;
}
