// The rules by which an imported annotation (W3C, Hypothesis, REFI-QDA, the CLI's input) becomes
// a library record.
import { describe, expect, it } from 'vitest';
import { fromImport, keptTarget, validStamp, type ImportedFields } from '../../../src-shared/from-import';
import type { AnnotationTarget } from '../../../src-shared/model';

const placed: AnnotationTarget = {
  quote: { type: 'TextQuoteSelector', exact: 'exports rose', prefix: 'said ', suffix: ' 12' },
  position: { type: 'TextPositionSelector', start: 20, end: 32 },
};
const importedAt = '2026-12-07T12:00:00.000Z';
const bare: ImportedFields = { target: { quote: placed.quote }, notes: '', author: null, created: null };
const place = { id: 'a1', documentId: 'doc-1', labelId: 'claim', placed };

describe('validStamp', () => {
  it('gives a time the file gave as ISO 8601 UTC, and null for none or one that is not a time', () => {
    expect(validStamp('2025-03-05T10:00:00.000000+00:00')).toBe('2025-03-05T10:00:00.000Z');
    expect(validStamp('2025-03-05T12:00:00+02:00')).toBe('2025-03-05T10:00:00.000Z');
    expect(validStamp('2026-12-07T09:30:00.000Z')).toBe('2026-12-07T09:30:00.000Z');
    expect(validStamp('yesterday')).toBeNull();
    expect(validStamp('')).toBeNull();
    expect(validStamp('   ')).toBeNull();
    expect(validStamp(null)).toBeNull();
    expect(validStamp(undefined)).toBeNull();
  });
});

describe('fromImport', () => {
  it('starts status and priority as for a new highlight and fills what the format lacks', () => {
    const record = fromImport(bare, place, { importedAt });
    expect(record).toMatchObject({
      id: 'a1',
      documentId: 'doc-1',
      labelId: 'claim',
      target: placed,
      status: 'to-check',
      priority: 'normal',
      verdict: null,
      rationale: '',
      claimantId: null,
      evidence: [],
      author: '',
      orphaned: false,
    });
  });

  it('dates a record by the file, normalised, else by the import; modified falls back to created', () => {
    expect(fromImport(bare, place, { importedAt })).toMatchObject({
      created: importedAt,
      modified: importedAt,
    });
    const dated = { ...bare, created: '2025-03-05T10:00:00+00:00', modified: 'not a date' };
    expect(fromImport(dated, place, { importedAt })).toMatchObject({
      created: '2025-03-05T10:00:00.000Z',
      modified: '2025-03-05T10:00:00.000Z',
    });
    const edited = { ...dated, modified: '2025-03-06T08:00:00.000Z' };
    expect(fromImport(edited, place, { importedAt }).modified).toBe('2025-03-06T08:00:00.000Z');
  });

  it('keeps an unplaced passage as the file gave it, as an orphan', () => {
    const record = fromImport(bare, { ...place, placed: null }, { importedAt });
    expect(record.orphaned).toBe(true);
    expect(record.target).toEqual({
      quote: placed.quote,
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
    });
    expect(keptTarget({})).toEqual({
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
    });
  });

  it('carries verdict, rationale, notes, author, claimant and evidence, each item with an id', () => {
    const full: ImportedFields = {
      ...bare,
      verdict: 'false',
      rationale: 'The ministry’s own table says 2%.',
      notes: 'تحقق من الرقم',
      author: 'Sara',
      evidence: [{ url: 'https://stats.example/t1', title: 'Table 1', stance: 'refutes' }],
    };
    const record = fromImport(
      full,
      { ...place, claimantId: 'src-minister' },
      { importedAt, evidenceId: (n) => `evidence-${n + 1}` },
    );
    expect(record).toMatchObject({
      verdict: 'false',
      rationale: 'The ministry’s own table says 2%.',
      notes: 'تحقق من الرقم',
      author: 'Sara',
      claimantId: 'src-minister',
      evidence: [
        {
          id: 'evidence-1',
          url: 'https://stats.example/t1',
          title: 'Table 1',
          stance: 'refutes',
          note: '',
          accessed: null,
          sourceId: null,
        },
      ],
    });
    expect(fromImport(full, place, { importedAt }).evidence[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
