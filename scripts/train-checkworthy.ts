// `npm run train:checkworthy`: trains the check-worthiness ranker on ../shared/checkworthy
// (or --data DIR), prints its leave-documents-out cross-validated MAP (overall, per language,
// per collection and per source) and writes the weights the app loads
// (src-shared/intel/checkworthy-weights.json, or --out FILE; --no-write to only measure).
// Options: --folds K --bits B --epochs N --lr X --l2 X --balance X --weight COLLECTION=X
// --context PREV,NEXT --seed N. See src-shared/intel/MODEL.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_VERSION, featureCount } from '../src-shared/intel/checkworthy-features';
import {
  loadCheckworthyModel,
  MODEL_KIND,
  scoreSentences,
  type CheckworthyModelJson,
} from '../src-shared/intel/checkworthy';
import {
  assignFolds,
  averagePrecision,
  meanByGroup,
  readDocuments,
  type TrainingDocument,
} from './checkworthy/data';
import { extractAll, learn, quantise, rawScores, withContext, type LearnOptions } from './checkworthy/learn';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
// The data sit beside the checkout (../shared), or beside the folder of worktrees holding it.
const dataDir = resolve(
  repo,
  option(
    'data',
    ['../shared/checkworthy', '../../shared/checkworthy'].find((d) => existsSync(resolve(repo, d))) ??
      '../shared/checkworthy',
  ),
);
const outFile = resolve(repo, option('out', 'src-shared/intel/checkworthy-weights.json'));
const folds = Number(option('folds', '5'));
const bits = Number(option('bits', '18'));
const [previous, next] = option('context', '0.2,0.1').split(',').map(Number) as [number, number];
// ClaimBuster's notion of check-worthy is much broader, CheckThat! 2020's much narrower (MODEL.md).
const collectionWeight: Record<string, number> = { 'en/claimbuster': 0.5, 'en/clef2020': 0.3 };
args.forEach((a, i) => {
  if (a !== '--weight') return;
  const [k, v] = (args[i + 1] ?? '').split('=');
  if (k && v) collectionWeight[k] = Number(v);
});
const options: LearnOptions = {
  epochs: Number(option('epochs', '6')),
  learningRate: Number(option('lr', '0.05')),
  l2: Number(option('l2', '1e-6')),
  balance: Number(option('balance', '0.5')),
  collectionWeight,
  seed: Number(option('seed', '7')),
};

const t0 = performance.now();
const docs = readDocuments(dataDir);
const first: number[] = [];
const texts: string[] = [];
for (const d of docs) {
  first.push(texts.length);
  texts.push(...d.texts);
}
const store = extractAll(texts, bits);
console.log(
  `${docs.length} documents, ${texts.length} sentences, ${store.index.length} feature entries ` +
    `(${((performance.now() - t0) / 1000).toFixed(1)} s to read and extract)`,
);
console.log(`options: ${JSON.stringify({ bits, folds, context: [previous, next], ...options })}`);

// Leave-documents-out cross-validation: each fold's documents are scored by a model trained on the others.
const foldOf = assignFolds(docs, folds, options.seed);
const outOfFold: Float64Array[] = docs.map((d) => new Float64Array(d.texts.length));
for (let k = 0; k < folds; k++) {
  const trainIdx = docs.map((_, i) => i).filter((i) => foldOf[i] !== k);
  const model = learn(
    store,
    trainIdx.map((i) => docs[i] as TrainingDocument),
    trainIdx.map((i) => first[i] as number),
    options,
  );
  // Score through the stored weights' precision, as the app will.
  const { ints, scale } = quantise(model.weights, 2);
  const stored = { weights: Float32Array.from(ints, (x) => x * scale), bias: model.bias };
  docs.forEach((doc, i) => {
    if (foldOf[i] !== k) return;
    const from = first[i] as number;
    outOfFold[i] = rawScores(store, stored, from, from + doc.texts.length);
  });
  process.stdout.write(`fold ${k + 1}/${folds} done (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
}

const evaluate = (p: number, n: number): { doc: TrainingDocument; ap: number | null }[] =>
  docs.map((doc, i) => ({
    doc,
    ap: averagePrecision(withContext(outOfFold[i] as Float64Array, p, n), doc.labels),
  }));
if (args.includes('--context-grid')) {
  console.log('\ncontext grid (previous, next): all / en clef* / ar');
  for (const p of [0, 0.1, 0.2, 0.3])
    for (const n of [0, 0.1, 0.2, 0.3]) {
      const r = evaluate(p, n);
      const m = (f: (d: TrainingDocument) => boolean): string =>
        (
          meanByGroup(
            r.filter((x) => f(x.doc)),
            () => '',
          ).get('')?.map ?? 0
        ).toFixed(4);
      console.log(
        `  ${p} ${n}: ${m(() => true)} / ${m((d) => d.collection.startsWith('en/clef'))} / ${m((d) => d.language === 'ar')}`,
      );
    }
}
const results = evaluate(previous, next);
const table = (title: string, key: (d: TrainingDocument) => string): void => {
  console.log(`\n${title}`);
  for (const [k, { map, docs: n }] of meanByGroup(results, key))
    console.log(`  ${k.padEnd(28)} ${map.toFixed(4)}  (${n} docs)`);
};
table('cross-validated MAP, all documents', () => 'all');
table('per language', (d) => d.language);
table('English CheckThat! debates and speeches (the target genre)', (d) =>
  d.collection.startsWith('en/clef') ? 'en/clef*' : 'other',
);
table('per collection', (d) => d.collection);
table('per source', (d) => d.source);

if (args.includes('--no-write')) process.exit(0);
const model = learn(store, docs, first, options);
const { ints, scale } = quantise(model.weights, 2);
if (ints.length !== featureCount(bits)) throw new Error('weights have the wrong length');
const bytes = new Uint8Array(ints.length * 2);
const view = new DataView(bytes.buffer);
ints.forEach((x, i) => view.setInt16(i * 2, x, true));
const json: CheckworthyModelJson = {
  kind: MODEL_KIND,
  featureVersion: FEATURE_VERSION,
  bits,
  bias: model.bias,
  context: { previous, next },
  encoding: 'int16',
  scale,
  weights: Buffer.from(bytes).toString('base64'),
  about: {
    trainedOn: `${docs.length} documents, ${texts.length} sentences of ../shared/checkworthy (see MODEL.md)`,
    options: { bits, ...options },
    crossValidatedMap: Object.fromEntries(
      [...meanByGroup(results, (d) => d.collection)].map(([k, v]) => [k, Number(v.map.toFixed(4))]),
    ),
  },
};
writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');

// The written model through the app's own loader and scorer, on the project's hand-written debates.
const shipped = loadCheckworthyModel(json);
console.log('\nthe written model on the hand-written debates (test/fixtures/checkworthy), AP:');
for (const file of ['own-debate-en.tsv', 'own-debate-ar.tsv']) {
  const rows = readFileSync(join(repo, 'test/fixtures/checkworthy', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
  const scores = scoreSentences(
    shipped,
    rows.map((r) => r[2] as string),
  );
  console.log(
    `  ${file.padEnd(28)} ${averagePrecision(
      scores,
      rows.map((r) => Number(r[3])),
    )?.toFixed(4)}`,
  );
}
console.log(
  `\nwrote ${outFile} (${(JSON.stringify(json).length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
