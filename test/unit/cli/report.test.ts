// `claimdesk report`, run in-process: every format from a backup matches the app's exporters;
// from a W3C file it makes what it can and says what it cannot; bad input fails clearly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';
import { serialiseBackup } from '../../../src-shared/export/backup';
import { toClaimReviews } from '../../../src-shared/export/claimreview';
import { annotationsToCsv } from '../../../src-shared/export/csv';
import { markdownReport } from '../../../src-shared/export/markdown-report';
import { toAnnotationCollection, type W3cCollection } from '../../../src-shared/export/w3c-export';
import { parseW3cAnnotations } from '../../../src-shared/export/w3c-import';
import { cloneSnapshot, snapshot } from '../export/fixture-snapshot';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err };
}

const backup = file(
  'library.json',
  serialiseBackup(snapshot, { app: 'test', createdAt: '2025-03-03T00:00:00Z' }),
);
const w3c = file(
  'annotations.jsonld',
  JSON.stringify(
    toAnnotationCollection(snapshot, {
      id: 'urn:uuid:7d0f5c1e-2b9a-4e3f-8c6d-1a2b3c4d5e6f',
      generator: { id: 'urn:x', name: 'x' },
    }),
  ),
);
const allDocuments = snapshot.documents.map((d) => d.id);

describe('claimdesk report from a backup', () => {
  it('writes the Markdown report, the CSV and ClaimReview exactly as the app makes them', async () => {
    const md = await cli('report', backup, '--format', 'md');
    expect([md.code, md.err]).toEqual([0, []]);
    expect(`${md.out}\n`).toBe(markdownReport(snapshot, allDocuments));

    const out = join(dir, 'annotations.csv');
    const csv = await cli('report', backup, '--format=csv', '-o', out);
    expect([csv.code, csv.out, csv.err]).toEqual([0, '', []]);
    expect(readFileSync(out, 'utf8')).toBe(annotationsToCsv(snapshot));

    const reviews = await cli('report', backup, '--format', 'claimreview');
    expect(reviews.code).toBe(0);
    expect(JSON.parse(reviews.out)).toEqual(toClaimReviews(snapshot).reviews);
  });

  it('writes the HTML report with every annotation', async () => {
    const out = join(dir, 'report.html');
    expect((await cli('report', backup, '--format', 'html', '--output', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    for (const a of snapshot.annotations)
      expect(html).toContain(a.target.quote.exact.replace(/"/g, '&quot;'));
    expect(html).not.toMatch(/<script/i);
  });

  it('writes a W3C collection that reads back as the same annotations', async () => {
    const result = await cli('report', backup, '--format', 'w3c');
    const collection = JSON.parse(result.out) as W3cCollection;
    expect(collection.total).toBe(snapshot.annotations.length);
    expect(collection.first?.items[0]?.generator.id).toBe('urn:claimdesk:app');
    const read = parseW3cAnnotations(collection);
    expect(read.ok && read.value.map((a) => a.target.quote?.exact)).toEqual(
      snapshot.annotations.map((a) => a.target.quote.exact),
    );
  });

  it('names the claims ClaimReview had to leave out', async () => {
    const lib = cloneSnapshot();
    lib.annotations[0]!.verdict = null;
    const path = file('incomplete.json', serialiseBackup(lib, { app: 't', createdAt: 't' }));
    const result = await cli('report', path, '--format', 'claimreview');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toHaveLength(3);
    expect(result.err).toEqual([
      'claimdesk: note: claim “unemployment fell to 3% last year” left out: it lacks verdict',
    ]);
  });
});

describe('claimdesk report from a W3C file', () => {
  it('makes the CSV, saying which columns it cannot know', async () => {
    const result = await cli('report', w3c, '--format', 'csv');
    expect(result.code).toBe(0);
    const rows = result.out.split('\r\n');
    expect(rows).toHaveLength(snapshot.annotations.length + 1);
    expect(rows[1]).toContain('Minister says unemployment *fell* to 3% [official]');
    expect(rows.some((r) => r.includes('معدل البطالة انخفض إلى ٣٪'))).toBe(true);
    expect(result.err).toEqual([
      'claimdesk: note: a W3C file records no status, priority or cited sources: those columns keep their defaults',
    ]);
  });

  it('makes the HTML and Markdown reports without the articles, and says so', async () => {
    for (const format of ['html', 'md']) {
      const result = await cli('report', w3c, '--format', format);
      expect(result.code).toBe(0);
      expect(result.err[0]).toMatch(/holds annotations but not the articles’ text/);
      expect(result.out).toContain('Labour survey');
    }
  });

  it('refuses ClaimReview, explaining why', async () => {
    const result = await cli('report', w3c, '--format', 'claimreview');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.join('\n')).toMatch(
      /ClaimReview cannot be made from a W3C file.*Make it from a backup/s,
    );
  });

  it('converts a Hypothesis export to W3C, keeping each page’s address', async () => {
    const path = file(
      'hypothesis.json',
      JSON.stringify([
        {
          id: 'hyp-1',
          uri: 'https://news.example/story',
          user: 'acct:sara@hypothes.is',
          text: 'check',
          tags: ['False'],
          target: [
            {
              source: 'https://news.example/story',
              selector: [{ type: 'TextQuoteSelector', exact: 'rose 12%' }],
            },
          ],
        },
      ]),
    );
    const result = await cli('report', path, '--format', 'w3c');
    const collection = JSON.parse(result.out) as W3cCollection;
    expect(collection.first?.items[0]?.target.source.id).toBe('https://news.example/story');
    expect(collection.first?.items[0]?.target.selector[0].exact).toBe('rose 12%');
  });
});

describe('claimdesk report with bad arguments or input', () => {
  it('explains usage errors with exit status 2', async () => {
    for (const argv of [
      ['report'],
      ['report', backup],
      ['report', backup, '--format', 'pdf'],
      ['report', backup, backup, '--format', 'md'],
      ['report', backup, '--format', 'md', '--colour'],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err.join('\n')).toContain('usage: claimdesk report INPUT --format');
    }
  });

  it('fails with the reason for a missing, foreign or damaged input', async () => {
    const damaged = JSON.parse(readFileSync(backup, 'utf8')) as {
      library: { annotations: { status: string }[] };
    };
    damaged.library.annotations[0]!.status = 'done';
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.json'), /missing\.json: no such file/],
      [
        file('notes.txt', 'just some notes'),
        /neither a ClaimDesk backup nor a W3C annotation file: not valid JSON/,
      ],
      [file('other.json', '{"title": "x"}'), /not a ClaimDesk backup, nor a readable W3C file/],
      [file('damaged.json', JSON.stringify(damaged)), /backup is damaged.*status/],
    ];
    for (const [path, message] of cases) {
      const result = await cli('report', path, '--format', 'md');
      expect(result.code).toBe(1);
      expect(result.err.join('\n')).toMatch(message);
    }
  });

  it('is listed in the help', async () => {
    expect((await cli('--help')).out).toContain(
      'claimdesk report INPUT --format html|md|csv|w3c|claimreview|qdpx|qdc [-o OUT]',
    );
  });
});
