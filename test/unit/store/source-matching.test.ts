// The claimant picker's matching rule (a name, an alias or a surname standing for exactly one
// source) and the Sources view's "likely the same" offers.
import { describe, expect, it } from 'vitest';
import { impliedSource, likelySameSources } from '../../../src-renderer/src/db/source-matching';
import type { SourceKind, SourceRecord } from '../../../src-shared/model';

const source = (
  id: string,
  name: string,
  kind: SourceKind = 'person',
  aliases: string[] = [],
): SourceRecord => ({
  id,
  name,
  kind,
  aliases,
  url: null,
  reliabilityNote: '',
});

const registry = [
  source('peskov', 'Dmitry Peskov'),
  source('sadr', 'مقتدى الصدر', 'person', ['Moqtada al-Sadr']),
  source('kremlin', 'Kremlin', 'organisation', ['Russian presidency']),
  source('anne', 'Anne Smith'),
  source('john', 'John Smith'),
];

describe('impliedSource', () => {
  it('takes a surname for the one source it ends', () => {
    expect(impliedSource(registry, 'Peskov')).toMatchObject({ source: { id: 'peskov' }, via: 'surname' });
    expect(impliedSource(registry, '  peskov ')?.source.id).toBe('peskov');
  });

  it('finds Arabic surnames with or without the joined article, and through Latin aliases', () => {
    expect(impliedSource(registry, 'الصدر')?.source.id).toBe('sadr');
    expect(impliedSource(registry, 'صدر')?.source.id).toBe('sadr');
    expect(impliedSource(registry, 'Sadr')?.source.id).toBe('sadr');
    expect(impliedSource(registry, 'al-Sadr')?.source.id).toBe('sadr');
  });

  it('prefers an exact name, then an alias', () => {
    expect(impliedSource(registry, 'kremlin')).toMatchObject({ source: { id: 'kremlin' }, via: 'name' });
    expect(impliedSource(registry, 'russian presidency')).toMatchObject({ via: 'alias' });
  });

  it('takes nothing when the surname is shared, or the text is only part of a word', () => {
    expect(impliedSource(registry, 'Smith')).toBeNull();
    expect(impliedSource(registry, 'kov')).toBeNull();
    expect(impliedSource(registry, 'Dmitry')).toBeNull();
    expect(impliedSource(registry, '')).toBeNull();
  });
});

describe('likelySameSources', () => {
  const pairs = (list: SourceRecord[]) =>
    likelySameSources(list).map((p) => [p.sources[0].name, p.sources[1].name, p.reason]);

  it('offers a name inside another, a shared surname, and folded spellings', () => {
    expect(
      pairs([
        source('a', 'Dmitry Peskov'),
        source('b', 'Peskov'),
        source('c', 'Moqtada al-Sadr'),
        source('d', 'Muqtada Sadr'),
        source('e', 'أحمد الشرع'),
        source('f', 'احمد الشرع'),
      ]),
    ).toEqual([
      ['Dmitry Peskov', 'Peskov', 'one name inside the other'],
      ['Moqtada al-Sadr', 'Muqtada Sadr', 'same surname'],
      ['أحمد الشرع', 'احمد الشرع', 'same name'],
    ]);
  });

  it('pairs a name with another source’s alias, across kinds', () => {
    expect(
      pairs([
        source('a', 'Kremlin', 'organisation', ['Peskov office']),
        source('b', 'Peskov office', 'person'),
      ]),
    ).toEqual([['Peskov office', 'Kremlin', 'name is an alias']]);
  });

  it('does not pair different kinds or first names', () => {
    expect(
      pairs([source('a', 'Reuters', 'outlet'), source('b', 'Reuters Foundation', 'organisation')]),
    ).toEqual([]);
    expect(pairs([source('a', 'Dmitry Peskov'), source('b', 'Dmitry Medvedev')])).toEqual([]);
  });
});
