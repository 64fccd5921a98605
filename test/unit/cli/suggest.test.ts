// `claimdesk suggest`, run as a user runs it (the built CLI): FILE is imported as `parse` imports it, every sentence of
// every article comes back in document order with offsets into the article's canonical text;
// --lines scores each line; bad input fails with the file's name and the reason.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';
import { articleDocBlocks, canonicalText } from '../../../src-shared/canonical';
import { runBuiltCli } from '../built-cli';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-suggest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the built command line: its exit status, standard output and error lines. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const { code, out, err } = await runBuiltCli(...argv);
  return { code, out: out.join('\n'), err };
}

interface Sentence {
  text: string;
  start: number;
  end: number;
  score: number;
  claimant: string | null;
  cue: string | null;
}

const fixture = (relative: string): string =>
  fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));
const dump = fixture('sample/asharq-two-articles.txt');

describe('claimdesk suggest FILE --json', () => {
  it('gives every sentence of every article, offsets into the text the app stores', async () => {
    const { code, out, err } = await cli('suggest', dump, '--json');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { articles: { title: string; sentences: Sentence[] }[] };
    const parsed = await parseFile(dump, new Uint8Array(readFileSync(dump)));
    expect(result.articles.map((a) => a.title)).toEqual(parsed.articles.map((a) => a.title));
    result.articles.forEach((article, i) => {
      const text = canonicalText(articleDocBlocks(parsed.articles[i] as (typeof parsed.articles)[number]));
      let at = 0;
      for (const s of article.sentences) {
        expect(Object.keys(s).sort()).toEqual(['claimant', 'cue', 'end', 'score', 'start', 'text']);
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.start).toBeGreaterThanOrEqual(at);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1);
        at = s.end;
      }
      // Nothing but whitespace between sentences: every word is in some sentence.
      const covered = article.sentences
        .map((s) => s.text)
        .join('')
        .replace(/\s/g, '');
      expect(covered).toBe(text.replace(/\s/g, ''));
    });
    const first = result.articles[0]?.sentences ?? [];
    const peskov = first.find((s) => s.text.startsWith('Kremlin spokesman Dmitry Peskov said'));
    expect(peskov).toMatchObject({ claimant: 'Dmitry Peskov', cue: 'said' });
    const narration = first.find((s) => s.text.startsWith('The message comes as Damascus'));
    expect(narration).toMatchObject({ claimant: null, cue: null });
  });

  it('reads a file in a legacy encoding as parse does', async () => {
    const path = fixture('corpus/arabic-economy-windows1256.txt');
    const { code, out } = await cli('suggest', path, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { articles: { sentences: Sentence[] }[] };
    const claimants = result.articles[0]?.sentences.map((s) => s.claimant);
    expect(claimants).toContain('وزير الاقتصاد');
    expect(claimants).toContain('خبير اقتصادي مستقل');
  });

  it('fails clearly on a missing, empty or unreadable file', async () => {
    const missing = await cli('suggest', join(dir, 'nope.txt'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/nope\.txt: no such file/);
    const empty = await cli('suggest', file('empty.txt', ''), '--json');
    expect(empty.code).toBe(1);
    expect(empty.err.join('\n')).toMatch(/empty\.txt: the file is empty/);
    const usage = await cli('suggest');
    expect(usage.code).toBe(2);
    expect(usage.err.join('\n')).toMatch(/usage: claimdesk suggest/);
  });
});

describe('claimdesk suggest --lines FILE --json', () => {
  it('scores each line as one sentence, numbered from 1, pronouns reaching earlier lines', async () => {
    const path = file(
      'lines.txt',
      'Thank you all for coming tonight.\r\nUnemployment fell to 3.5 per cent last year, Senator Jane Doe said.\n\n“It is the lowest in fifty years,” she added.\n',
    );
    const { code, out } = await cli('suggest', '--lines', path, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      sentences: { line: number; score: number; claimant: string | null }[];
    };
    expect(result.sentences.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(result.sentences.map((s) => s.claimant)).toEqual([null, 'Jane Doe', null, 'Jane Doe']);
    expect(result.sentences[2]?.score).toBe(0);
    for (const s of result.sentences) expect(Object.keys(s).sort()).toEqual(['claimant', 'line', 'score']);
    // A factual claim outranks a greeting.
    expect(result.sentences[1]?.score).toBeGreaterThan(result.sentences[0]?.score ?? 1);
  });

  it('refuses an unknown encoding by name', async () => {
    const path = file('x.txt', 'a line');
    const { code, err } = await cli('suggest', '--lines', '--encoding', 'klingon', path);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/x\.txt: .*klingon/);
  });
});
