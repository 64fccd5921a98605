// The hand-labelled attribution set (test/fixtures/attribution/README.md), read through
// `claimdesk suggest FILE --json` as an analyst's file would be: claimant F1 and the share of the
// journalist's own narration given no claimant must stay at or above the aims (0.85 and 90%).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../built-cli';
import { emptyTally, figures, labelledCases, readLabelled, tallyCase, type Tally } from './attribution-eval';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-attribution-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SuggestOutput {
  articles: { title: string; sentences: { text: string; claimant: string | null }[] }[];
}

async function suggest(file: string): Promise<SuggestOutput> {
  const { code, out, err } = await runBuiltCli('suggest', file, '--json');
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as SuggestOutput;
}

/** Each labelled file is run through the CLI once, however many tallies count it. */
const outputs = new Map<string, Promise<SuggestOutput>>();

function suggestLabelled(name: string): Promise<SuggestOutput> {
  let output = outputs.get(name);
  if (!output) {
    const labelled = readLabelled(name);
    let file = labelled.file;
    if (labelled.made !== null) {
      file = join(dir, `${name}.txt`);
      writeFileSync(file, labelled.made);
    }
    output = suggest(file);
    outputs.set(name, output);
  }
  return output;
}

async function tallyOf(names: readonly string[]): Promise<Tally> {
  const tally = emptyTally();
  for (const name of names) {
    const output = await suggestLabelled(name);
    tallyCase(
      tally,
      readLabelled(name),
      output.articles.flatMap((a) => a.sentences),
    );
  }
  return tally;
}

describe('attribution on the hand-labelled set', () => {
  const names = labelledCases();
  const heldOut = names.filter((n) => n.startsWith('heldout-'));

  it('has English and Arabic articles, held-out ones among them', () => {
    expect(
      names.filter((n) => n.startsWith('en-') || n.includes('heldout-en')).length,
    ).toBeGreaterThanOrEqual(3);
    expect(names.filter((n) => n.startsWith('ar') || n.includes('heldout-ar')).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(heldOut.length).toBeGreaterThanOrEqual(2);
  });

  it('finds claimants with F1 ≥ 0.85 and leaves ≥ 90% of narration without one', async () => {
    const tally = await tallyOf(names);
    const all = figures(tally);
    const held = figures(await tallyOf(heldOut));
    console.log(
      `attribution: F1 ${all.f1.toFixed(3)} (P ${all.precision.toFixed(3)}, R ${all.recall.toFixed(3)}), ` +
        `narration without claimant ${(all.narrationShare * 100).toFixed(1)}% of ${tally.narration}; ` +
        `held-out only: F1 ${held.f1.toFixed(3)}, narration ${(held.narrationShare * 100).toFixed(1)}%` +
        (tally.misses.length > 0 ? `\n  misses:\n  ${tally.misses.join('\n  ')}` : ''),
    );
    expect(all.f1).toBeGreaterThanOrEqual(0.85);
    expect(all.narrationShare).toBeGreaterThanOrEqual(0.9);
    expect(held.f1).toBeGreaterThanOrEqual(0.85);
    expect(held.narrationShare).toBeGreaterThanOrEqual(0.9);
    // One built CLI run per labelled file, one after another: minutes on a loaded machine.
  }, 600_000);
});
