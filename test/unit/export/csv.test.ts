import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationsToCsv, csvCell, CSV_COLUMNS } from '../../../src-shared/export/csv';
import { annotations, arabic, english, snapshot } from './fixture-snapshot';
import { parseCsv } from './rfc4180';

function readCsv(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header).toEqual([...CSV_COLUMNS]);
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [CSV_COLUMNS[i] as string, v])));
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
      'Evidence URLs': 'https://stats.example/labour?year=2024&q=(all)\njavascript:alert(1)',
      Notes: '\'=1+1 check with the desk, "urgent"',
      Analyst: 'Analyst One',
      Created: '2025-03-01T10:00:00.000Z',
      Modified: '2025-03-02T11:30:00.000Z',
      'Article URL': '',
      'Article published': '2025-02-27',
    });
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
    const some = readCsv(annotationsToCsv(snapshot, ['ann-3', 'ann-5', 'missing']));
    expect(some.map((r) => r.Label)).toEqual(['Claim', 'Claim']);
    expect(readCsv(annotationsToCsv(snapshot, []))).toEqual([]);
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
