// The importers build each article's canonical text and hash as they read it; what they produce
// must be exactly what the shared rules (src-shared/canonical.ts) define.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectShared } from './expect-shared';
import { parseFile } from '../../../src-main/import/index';
import { corpusBytes, expected } from './corpus-helpers';

const makeNewsDump = fileURLToPath(new URL('../../bench/make-news-dump.mjs', import.meta.url));

describe('content hash of imported articles', () => {
  it.each(Object.keys(expected.files))('%s: hashes and directions the shared rules give', async (name) => {
    await expectShared((await parseFile(name, corpusBytes(name))).articles);
  });

  it('a generated dump with Arabic articles and CRLF line ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-hash-'));
    try {
      for (const crlf of [[], ['--crlf']]) {
        const file = join(dir, 'dump.txt');
        execFileSync(process.execPath, [
          makeNewsDump,
          file,
          '--articles',
          '60',
          '--arabic-every',
          '3',
          ...crlf,
        ]);
        const parsed = await parseFile('dump.txt', new Uint8Array(readFileSync(file)));
        expect(parsed.articles).toHaveLength(60);
        expect(parsed.articles.filter((a) => a.direction === 'rtl')).toHaveLength(20);
        await expectShared(parsed.articles);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['lines read together', 'A line of the long report,\nand its second line.\n\n'],
    ['one line each', 'One paragraph of the long report, on one line.\n\n'],
  ])('an article of 60,000 paragraphs: %s', async (_, paragraph) => {
    const text = `Long Report\n\n${paragraph.repeat(60_000)}Last words (no break after).`;
    const parsed = await parseFile('long.txt', new TextEncoder().encode(text));
    expect(parsed.articles[0]?.blocks).toHaveLength(60_001);
    await expectShared(parsed.articles);
  });
});
