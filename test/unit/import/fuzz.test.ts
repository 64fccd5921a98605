// Fuzzing every importer with a fixed seed and a bounded number of inputs built from each
// format's own syntax: each input is parsed or refused with an ImportError saying why — never an
// exception the importer did not foresee — and none takes more than the 10 s an analyst would
// wait for a refusal.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, parseFile } from '../../../src-main/import/index';

const SEED = 20_261_207;
const RUNS = 40;
const HANG_MS = 10_000;

const tokens = (list: readonly string[], maxLength = 300): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...list), { maxLength }).map((parts) => parts.join(''));

const HTML = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<b>',
  '</i>',
  '<table><tr><td>',
  '<script>',
  '</script>',
  '<svg><a href="x">',
  '<!--',
  '-->',
  '<![CDATA[',
  '&amp;',
  '&#x0;',
  '<meta charset="utf-16">',
  'word ',
  'كلمة ',
  '<h1>',
  '<a href="javascript:alert(1)">',
  '<img src=x onerror=alert(1)>',
  '<template>',
  '\u0000',
  '\n',
];
const MARKDOWN = [
  '# ',
  '> ',
  '- ',
  '1. ',
  '    ',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '`',
  '```\n',
  '<div>',
  '|',
  '\n',
  '\n\n',
  'word ',
  'كلمة ',
  '![',
  '[^1]',
  '---\n',
  '\\',
];
const TEXT = [
  'TT\n',
  '20\n',
  'Title\n',
  '\n\n',
  '\n\n\n',
  'Caption (AFP)\n',
  'word ',
  'كلمة ',
  '\r\n',
  '\r',
  '\u2028',
  '\ufeff',
  '\u00a0',
  '\t',
  '\u0301',
];

const isDocx = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** A zip whose parts are what the generator made: broken XML, wrong content types, no document. */
const docx = fc
  .record({
    document: tokens(['<w:p>', '<w:t>', 'word', '</w:t>', '</w:p>', '<w:body>', '<', '&'], 100),
    typed: fc.boolean(),
  })
  .map(({ document, typed }) => {
    const files: Record<string, Uint8Array> = {
      'word/document.xml': new TextEncoder().encode(
        `<?xml version="1.0"?><w:document>${document}</w:document>`,
      ),
    };
    if (typed) files['[Content_Types].xml'] = new TextEncoder().encode('<Types/>');
    return zipSync(files);
  });

const inputs: fc.Arbitrary<[string, Uint8Array]> = fc.oneof(
  tokens(HTML).map((t): [string, Uint8Array] => ['page.html', new TextEncoder().encode(t)]),
  tokens(MARKDOWN).map((t): [string, Uint8Array] => ['notes.md', new TextEncoder().encode(t)]),
  tokens(TEXT).map((t): [string, Uint8Array] => ['dump.txt', new TextEncoder().encode(t)]),
  fc.uint8Array({ maxLength: 2000 }).map((b): [string, Uint8Array] => ['bytes.txt', b]),
  docx.map((b): [string, Uint8Array] => ['report.docx', b]),
  fc
    .uint8Array({ maxLength: 600 })
    .map((b): [string, Uint8Array] => [
      'cut.pdf',
      new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...b]),
    ]),
);

describe('importer fuzzing', () => {
  it(
    `parses or refuses ${RUNS * 6} generated files, each with an ImportError it foresaw`,
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(inputs, async ([name, bytes]) => {
          const started = performance.now();
          try {
            await parseFile(name, bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
            // The catch-all for an exception no importer foresaw.
            expect((error as Error).message, `${name}: ${String((error as Error).cause)}`).not.toMatch(
              /unexpected content|internal error/,
            );
            if (isDocx(bytes)) expect((error as Error).message).toMatch(/Word document|no text/);
          }
          expect(performance.now() - started).toBeLessThan(HANG_MS);
        }),
        { seed: SEED, numRuns: RUNS * 6 },
      );
    },
  );
});
