// The command line's parse command, run as a user runs it: the built CLI (npm run build), which
// parses in the import worker.
import { describe, expect, it } from 'vitest';
import { runBuiltCli as cli } from '../built-cli';
import { corpusDir } from './corpus-helpers';

describe('claimdesk CLI', () => {
  it('prints one indented object for one file', async () => {
    const { code, out, err } = await cli('parse', `${corpusDir}velmora-utf16le-bom.txt`);
    expect([code, err]).toEqual([0, []]);
    const parsed = JSON.parse(out.join('\n')) as { format: string; encoding: string; articles: unknown[] };
    expect(parsed).toMatchObject({ format: 'news-dump', encoding: 'utf-16le' });
    expect(parsed.articles[0]).toMatchObject({
      title: 'Velmora City Council Approves Budget With Cuts to Library Hours',
      caption: null,
      credit: null,
      author: null,
      published: null,
      direction: 'ltr',
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\{\n {2}"file"/);
  });

  it('prints one line per file, reports failures on stderr and exits 1', async () => {
    const files = ['asharq-two-articles.txt', 'edge/empty.txt', 'velmora-library-hours.md'].map(
      (f) => corpusDir + f,
    );
    const { code, out, err } = await cli('parse', ...files);
    expect(code).toBe(1);
    expect(out).toHaveLength(2);
    expect(out.map((line) => (JSON.parse(line) as { articles: unknown[] }).articles.length)).toEqual([2, 1]);
    expect(err).toEqual([`claimdesk: ${corpusDir}edge/empty.txt: the file is empty`]);
  });

  it('passes --encoding on, and refuses unknown options and commands', async () => {
    const file = `${corpusDir}arabic-economy-windows1256.txt`;
    const { out } = await cli('parse', '--compact', '--encoding', 'windows-1256', file);
    expect((JSON.parse(out[0] as string) as { encoding: string }).encoding).toBe('windows-1256');
    expect((await cli('parse', '--frobnicate', file)).code).toBe(2);
    expect((await cli('report')).code).toBe(2);
    expect((await cli('parse')).code).toBe(2);
  });

  it('prints usage for --help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('claimdesk parse');
  });

  it('says when a file cannot be read', async () => {
    const { code, err } = await cli('parse', `${corpusDir}no-such-file.txt`);
    expect(code).toBe(1);
    expect(err).toEqual([`claimdesk: ${corpusDir}no-such-file.txt: no such file`]);
  });
});
