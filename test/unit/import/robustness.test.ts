// Property tests: random bytes and damaged versions of real documents either import or fail with
// an ImportError — never another exception, never a hang.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';
import { ImportError } from '../../../src-main/import/errors';
import { corpusBytes, expected } from './corpus-helpers';
import { sampleDocx, twoPagePdf } from './build-fixtures';

/** How long an analyst waits for a refusal; the parsers' modules are loaded beforehand. */
const PER_FILE_MS = 10_000;

async function importsOrRefuses(name: string, bytes: Uint8Array): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no answer within ${PER_FILE_MS} ms`)), PER_FILE_MS);
  });
  try {
    const parsed = await Promise.race([parseFile(name, bytes), timeout]);
    expect(parsed.articles.length).toBeGreaterThan(0);
    for (const a of parsed.articles) {
      expect(typeof a.title).toBe('string');
      expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message).not.toBe('');
  } finally {
    clearTimeout(timer);
  }
}

type Mutation = (bytes: Uint8Array) => Uint8Array;

const truncated = fc
  .double({ min: 0, max: 1, noNaN: true })
  .map<Mutation>((at) => (bytes) => bytes.subarray(0, Math.floor(bytes.length * at)));

const flipped = fc
  .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 16,
  })
  .map<Mutation>((flips) => (bytes) => {
    const copy = bytes.slice();
    for (const [at, value] of flips) copy[Math.floor(at * (copy.length - 1))] = value;
    return copy;
  });

const shuffledLines = fc
  .array(fc.double({ noNaN: true }), { minLength: 2, maxLength: 64 })
  .map<Mutation>((keys) => (bytes) => {
    const lines: Uint8Array[] = [];
    let start = 0;
    bytes.forEach((b, i) => {
      if (b === 0x0a) {
        lines.push(bytes.subarray(start, i + 1));
        start = i + 1;
      }
    });
    lines.push(bytes.subarray(start));
    const order = lines.map((line, i) => ({ line, key: keys[i % keys.length] as number }));
    order.sort((a, b) => a.key - b.key);
    return new Uint8Array(order.flatMap(({ line }) => [...line]));
  });

describe('robustness', () => {
  const pool: { name: string; bytes: Uint8Array }[] = Object.keys(expected.files).map((name) => ({
    name,
    bytes: corpusBytes(name),
  }));

  beforeAll(async () => {
    pool.push(
      { name: 'built.pdf', bytes: await twoPagePdf() },
      { name: 'built.docx', bytes: await sampleDocx() },
    );
    // Loading jsdom, pdf.js and mammoth takes seconds on a busy machine: not what the clock measures.
    for (const { name, bytes } of pool) await parseFile(name, bytes).catch(() => undefined);
  }, 120_000);

  it('random bytes under any name: an import or an ImportError', async () => {
    const name = fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.pdf', 'a.docx', 'a');
    await fc.assert(
      fc.asyncProperty(name, fc.uint8Array({ maxLength: 2048 }), (n, bytes) => importsOrRefuses(n, bytes)),
      { numRuns: 200 },
    );
  }, 60_000);

  it('random text under any name: an import or an ImportError', async () => {
    const name = fc.constantFrom('a.txt', 'a.md', 'a.html');
    const text = fc.string({ unit: 'grapheme', maxLength: 400 });
    await fc.assert(
      fc.asyncProperty(name, text, (n, t) => importsOrRefuses(n, new TextEncoder().encode(t))),
      { numRuns: 150 },
    );
  }, 60_000);

  it('damaged corpus documents (cut, bytes flipped, lines shuffled): an import or an ImportError', async () => {
    const file = fc.nat({ max: 1000 });
    const mutation = fc.oneof(truncated, flipped, shuffledLines);
    await fc.assert(
      fc.asyncProperty(file, mutation, async (i, mutate) => {
        const { name, bytes } = pool[i % pool.length] as { name: string; bytes: Uint8Array };
        await importsOrRefuses(name, mutate(bytes));
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
