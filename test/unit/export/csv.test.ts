import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationsToCsv, csvCell, csvColumns } from '../../../src-shared/export/csv';
import { annotations, arabic, english, snapshot } from './fixture-snapshot';
import { parseCsv } from './rfc4180';

/** The rows by column name; `groups` evidence column groups expected in the header. */
function readCsv(csv: string, groups = 2): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  const columns = csvColumns(groups);
  expect(header).toEqual(columns);
  for (const r of rows) expect(r).toHaveLength(columns.length);
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [columns[i] as string, v])));
}

describe('annotationsToCsv', () => {
  const rows = readCsv(annotationsToCsv(snapshot));

  it('writes one row per annotation, by document then position', () => {
    expect(rows).toHaveLength(annotations.length);
    expect(rows.map((r) => r.Document)).toEqual([
      english.title,
      english.title,
      english.title,
      arabic.title,
      arabic.title,
    ]);
    const shuffled = { ...snapshot, annotations: [...annotations].reverse() };
    expect(readCsv(annotationsToCsv(shuffled))).toEqual(rows);
    const starts = rows.map((r) => Number(r.Start));
    expect(starts.slice(0, 3)).toEqual([...starts.slice(0, 3)].sort((a, b) => a - b));
  });

  it('fills every column from the annotation, its label, claimant and evidence', () => {
    expect(rows[0]).toEqual({
      Document: english.title,
      'Source file': 'minister-speech.md',
      Quote: 'unemployment fell to 3% last year',
      Start: String(annotations[0]?.target.position.start),
      End: String(annotations[0]?.target.position.end),
      Label: 'Statistic',
      Verdict: 'False',
      Rationale: 'The statistics office puts it at 4.1%.\n\n- It has not been 3% since 2001.',
      Status: 'Published',
      Priority: 'High',
      Claimant: 'Minister of Labour',
      'Cited sources': 'National Statistics Office',
      Notes: '\'=1+1 check with the desk, "urgent"',
      Analyst: 'Analyst One',
      Created: '2025-03-01T10:00:00.000Z',
      Modified: '2025-03-02T11:30:00.000Z',
      'Published fact-check': '',
      'Article URL': '',
      'Article published': '2025-02-27',
      'Evidence 1 stance': 'Refutes',
      'Evidence 1 title': 'Labour survey [2024]',
      'Evidence 1 URL': 'https://stats.example/labour?year=2024&q=(all)',
      'Evidence 1 source': 'National Statistics Office',
      'Evidence 1 note': 'Table 3',
      'Evidence 1 accessed': '2025-03-01',
      'Evidence 2 stance': 'Context',
      'Evidence 2 title': '',
      'Evidence 2 URL': 'javascript:alert(1)',
      'Evidence 2 source': '',
      'Evidence 2 note': '',
      'Evidence 2 accessed': '',
    });
  });

  it('gives each evidence item its own columns, empty where a claim has fewer items', () => {
    expect(rows[1]).toMatchObject({ 'Evidence 1 stance': '', 'Evidence 1 URL': '', 'Evidence 2 stance': '' });
    expect(rows[3]).toMatchObject({
      'Evidence 1 stance': 'Supports',
      'Evidence 1 title': 'تقرير العمل',
      'Evidence 1 URL': 'https://news.example.org/ar/تقرير',
      'Evidence 1 source': 'وكالة الأنباء الرسمية',
      'Evidence 2 title': '',
    });
    // A hostile evidence title is neutralised like any cell.
    const lib = structuredClone(snapshot);
    lib.annotations[2]!.evidence[0]!.title = '=cmd|"/c calc"!A1';
    lib.annotations[2]!.evidence[0]!.url = 'stats.example/jobs';
    lib.annotations[2]!.reviewUrl = 'https://factdesk.example.org/checks/jobs';
    const [jobs] = readCsv(annotationsToCsv(lib, ['ann-3']), 1);
    expect(jobs).toMatchObject({
      'Evidence 1 title': '\'=cmd|"/c calc"!A1',
      'Evidence 1 URL': 'https://stats.example/jobs',
      'Published fact-check': 'https://factdesk.example.org/checks/jobs',
    });
    // No evidence at all: still one (empty) group, so the layout does not change shape.
    expect(readCsv(annotationsToCsv(snapshot, ['ann-2']), 1)[0]!['Evidence 1 stance']).toBe('');
  });

  it('keeps Arabic intact', () => {
    const ar = rows[3];
    expect(ar?.Document).toBe('الوزير: البطالة انخفضت إلى ٣٪');
    expect(ar?.Quote).toBe('معدل البطالة انخفض إلى ٣٪');
    expect(ar?.Claimant).toBe('وكالة الأنباء الرسمية');
    expect(ar?.Verdict).toBe('Mostly true');
    expect(ar?.Analyst).toBe('محلل');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(rows[1]?.Quote).toBe('\'=HYPERLINK("http://evil.example")');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}x`)).toMatch(/^"?'/);
    expect(csvCell('a-b')).toBe('a-b');
  });

  it('uses CRLF between records and quotes only where RFC 4180 needs it', () => {
    const csv = annotationsToCsv(snapshot, ['ann-5']);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('exports only the listed annotations', () => {
    const some = readCsv(annotationsToCsv(snapshot, ['ann-3', 'ann-5', 'missing']), 1);
    expect(some.map((r) => r.Label)).toEqual(['Claim', 'Claim']);
    expect(readCsv(annotationsToCsv(snapshot, []), 1)).toEqual([]);
  });

  it('reads back any text it was given, bar the apostrophe before formula starts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [parsed] = parseCsv(`${cells.map(csvCell).join(',')}\r\n`);
        expect(parsed).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
    );
  });
});
