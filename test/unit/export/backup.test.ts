import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, parseBackup, serialiseBackup } from '../../../src-shared/export/backup';
import type { LibrarySnapshot } from '../../../src-shared/model';
import { arbitrarySnapshot } from './arbitraries';
import { snapshot } from './fixture-snapshot';
import { errorOf, valueOf } from './results';

const meta = { app: 'ClaimDesk 0.1.0', createdAt: '2025-03-03T12:00:00.000Z' };

const restored = (text: string): LibrarySnapshot => valueOf(parseBackup(text));
const refusal = (text: string): string => errorOf(parseBackup(text));

interface RawBackup {
  version: number;
  library: {
    documents: unknown[];
    annotations: unknown[];
    labels: unknown[];
    sources: unknown[];
    settings: unknown;
  };
}

/** The fixture's backup as an object, edited by `edit` and serialised again. */
function edited(edit: (backup: RawBackup) => void): string {
  const backup = JSON.parse(serialiseBackup(snapshot, meta)) as RawBackup;
  edit(backup);
  return JSON.stringify(backup);
}

describe('serialiseBackup / parseBackup', () => {
  it('writes a versioned wrapper around the library', () => {
    expect(JSON.parse(serialiseBackup(snapshot, meta))).toEqual({
      format: 'claimdesk-backup',
      version: BACKUP_VERSION,
      createdAt: meta.createdAt,
      app: meta.app,
      library: snapshot,
    });
  });

  it('restores exactly what it saved', () => {
    expect(restored(serialiseBackup(snapshot, meta))).toEqual(snapshot);
    fc.assert(
      fc.property(arbitrarySnapshot, (library) => {
        expect(restored(serialiseBackup(library, meta))).toEqual(library);
      }),
      { numRuns: 200 },
    );
  });

  it('drops fields it does not know, at every level', () => {
    const text = edited((b) => {
      Object.assign(b.library, { extra: 1 });
      Object.assign(b.library.documents[0] as object, { html: '<script>' });
      Object.assign((b.library.annotations[0] as { evidence: object[] }).evidence[0] as object, {
        tracking: 'x',
      });
      Object.assign(b.library.settings as object, { theme: 'dark' });
    });
    expect(restored(text)).toEqual(snapshot);
  });

  it('keeps optional block fields absent when they were absent', () => {
    const block = restored(serialiseBackup(snapshot, meta)).documents[0]?.blocks[0];
    expect(block && 'level' in block).toBe(false);
  });

  it('names what is wrong with a damaged backup', () => {
    expect(refusal('{"format":"claimdesk-backup"')).toMatch(
      /^This file is not a ClaimDesk backup: it is not valid JSON/,
    );
    expect(refusal('[]')).toBe('This file is not a ClaimDesk backup');
    expect(refusal('{"format":"other","version":1}')).toBe('This file is not a ClaimDesk backup');
    expect(refusal('{"format":"claimdesk-backup","version":"1"}')).toMatch(/no valid format version/);
    const cases: [(b: RawBackup) => void, string][] = [
      [
        (b) => delete (b.library as Partial<typeof b.library>).sources,
        'library: the field "sources" is missing',
      ],
      [
        (b) => ((b.library.documents[1] as { title: unknown }).title = 7),
        'library.documents[1].title: expected text, found 7',
      ],
      [
        (b) => ((b.library.annotations[0] as { verdict: unknown }).verdict = 'maybe'),
        'library.annotations[0].verdict: expected one of true, mostly-true, mixed, misleading, mostly-false, false, unverifiable, found "maybe"',
      ],
      [
        (b) =>
          ((b.library.annotations[2] as { target: { position: { start: number } } }).target.position.start =
            -1),
        'library.annotations[2].target.position.start: expected a whole number from 0, found -1',
      ],
      [
        (b) =>
          ((b.library.annotations[2] as { target: { position: { start: number } } }).target.position.start =
            1e9),
        'library.annotations[2].target.position: the end',
      ],
      [
        (b) => ((b.library.documents[0] as { blocks: unknown }).blocks = {}),
        'library.documents[0].blocks: expected a list, found an object',
      ],
      [
        (b) => b.library.labels.push(b.library.labels[0]),
        'library.labels: the id "claim" appears more than once',
      ],
      [
        (b) => ((b.library.sources[0] as { kind: unknown }).kind = null),
        'library.sources[0].kind: expected one of person, organisation, outlet, document, found null',
      ],
      [
        (b) => ((b.library.annotations[1] as { orphaned: unknown }).orphaned = 'no'),
        'library.annotations[1].orphaned: expected true or false, found "no"',
      ],
    ];
    for (const [edit, message] of cases) {
      const error = refusal(edited(edit));
      expect(error).toMatch(/^This backup is damaged and was not restored: /);
      expect(error).toContain(message);
    }
  });

  it('refuses a backup from a newer version with a clear message', () => {
    expect(refusal(edited((b) => (b.version = BACKUP_VERSION + 1)))).toBe(
      `This backup was made by a newer version of ClaimDesk (backup format ${BACKUP_VERSION + 1}); this version can restore format ${BACKUP_VERSION} only. Update ClaimDesk to restore it.`,
    );
  });

  it('reads a backup saved with a byte order mark', () => {
    expect(restored(`\uFEFF${serialiseBackup(snapshot, meta)}`)).toEqual(snapshot);
  });
});
