// The news-dump parser: the sample layout and the ways scraped dumps drift from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditOf } from '../../../src-main/import/article';
import { parseFile } from '../../../src-main/import/index';
import { looksLikeNewsDump, parseNewsDump } from '../../../src-main/import/news-dump';
import { linesOfText } from '../../../src-main/import/text-lines';
import { utf8 } from './corpus-helpers';

const CAPTION = 'Cargo ships wait at anchor outside the port (AFP)';

function article(
  title: string,
  body: string[],
  header: string[][] = [[CAPTION, CAPTION, 'TT', '20'], [title], [CAPTION, CAPTION]],
): string {
  return [[title], ...header, ...body.map((p) => [p])].map((chunk) => chunk.join('\n')).join('\n\n');
}

const body = ['First paragraph of the story.', 'Second paragraph of the story.'];

describe('news dump', () => {
  it('reads the full header: title, caption, credit, body', () => {
    const [a] = parseNewsDump(article('Port Reports Record', body));
    expect(a).toMatchObject({ title: 'Port Reports Record', caption: CAPTION, credit: 'AFP' });
    expect(a?.blocks.map((b) => b.text)).toEqual(body);
  });

  it('tolerates a missing caption', () => {
    const [a] = parseNewsDump(article('No Caption Here', body, [['TT', '20'], ['No Caption Here']]));
    expect(a).toMatchObject({ title: 'No Caption Here', caption: null, credit: null });
    expect(a?.blocks).toHaveLength(2);
  });

  it('tolerates missing residue lines', () => {
    const [a] = parseNewsDump(
      article('No Residue', body, [[CAPTION, CAPTION], ['No Residue'], [CAPTION, CAPTION]]),
    );
    expect(a).toMatchObject({ title: 'No Residue', caption: CAPTION });
    expect(a?.blocks.map((b) => b.text)).toEqual(body);
    const [b] = parseNewsDump(article('Only TT', body, [[CAPTION, CAPTION, 'TT'], ['Only TT']]));
    expect(b).toMatchObject({ title: 'Only TT', caption: CAPTION });
    expect(b?.blocks).toHaveLength(2);
  });

  it('tolerates CRLF, a BOM and trailing spaces', async () => {
    const text =
      `\uFEFF${[article('First Story', body), article('Second Story', body)].join('\n\n\n')}`.replace(
        /\n/g,
        '  \r\n',
      );
    const parsed = await parseFile('dump.txt', utf8(text));
    expect(parsed.format).toBe('news-dump');
    expect(parsed.articles.map((a) => a.title)).toEqual(['First Story', 'Second Story']);
    expect(parsed.articles.map((a) => a.caption)).toEqual([CAPTION, CAPTION]);
    expect(parsed.articles.map((a) => a.blocks.length)).toEqual([2, 2]);
  });

  it('splits articles that follow each other with a single blank line', () => {
    const drafts = parseNewsDump([article('One', body), article('Two', body)].join('\n\n'));
    expect(drafts.map((d) => d.title)).toEqual(['One', 'Two']);
  });

  it('does not take a paragraph given twice in a row for a new article', () => {
    const repeated = ['Same words.', 'Same words.', 'Other words.', 'Same words.'];
    const drafts = parseNewsDump(article('Repeats', repeated));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.blocks).toHaveLength(4);
  });

  it('keeps a lone residue-looking number in the body', () => {
    const [a] = parseNewsDump(article('Numbers', ['The count was', '20', 'at noon.']));
    expect(a?.blocks.map((b) => b.text)).toEqual(['The count was', '20', 'at noon.']);
  });

  it('is recognised by its residue or its repeated title, and plain prose is not', () => {
    expect(looksLikeNewsDump(article('T', body))).toBe(true);
    expect(looksLikeNewsDump(article('T', body, [[CAPTION, CAPTION], ['T']]))).toBe(true);
    expect(looksLikeNewsDump('A title\n\nA paragraph.\n\nAnother paragraph.')).toBe(false);
  });

  it('tells a credited line exactly as creditOf does', () => {
    const unit = fc.constantFrom(...'a(b) ()\t\u00a0\u2003\u0627.', '(AFP)', ' )');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (raw) => {
        const lines = linesOfText(raw);
        for (let i = 0; i < lines.count; i++)
          expect(lines.credited(i)).toBe(creditOf(lines.text(i)) !== null);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives each article the credit creditOf finds in its caption', () => {
    const unit = fc.constantFrom(...'a(b) ()\t\u00a0\u2003\u0627.', '(AFP)', ' )');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (tail) => {
        const caption = `Ships at anchor ${tail}`;
        const [a] = parseNewsDump(
          article('Port Reports Record', body, [[caption, caption, 'TT', '20'], ['Port Reports Record']]),
        );
        expect(a?.credit).toBe(creditOf(a?.caption ?? null));
      }),
      { numRuns: 1000 },
    );
  });
});
