import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src-shared/search/query';

describe('parseQuery', () => {
  it('reads free words, the last as a prefix', () => {
    expect(parseQuery('Kremlin  Pesk')).toEqual({
      words: ['kremlin'],
      prefix: 'pesk',
      phrases: [],
      filters: [],
    });
  });

  it('reads quoted phrases, including typographic quotes', () => {
    expect(parseQuery('"territorial integrity" “Russian-Syrian relations” «one»')).toEqual({
      words: ['one'],
      prefix: null,
      phrases: [
        ['territorial', 'integrity'],
        ['russian', 'syrian', 'relations'],
      ],
      filters: [],
    });
  });

  it('reads field filters with bare and quoted values, any case', () => {
    expect(
      parseQuery('Label:Claim verdict:mostly-false status:"in progress" source:"Dmitry Peskov" priority:HIGH')
        .filters,
    ).toEqual([
      { field: 'label', words: ['claim'] },
      { field: 'verdict', words: ['mostly', 'false'] },
      { field: 'status', words: ['in', 'progress'] },
      { field: 'source', words: ['dmitry', 'peskov'] },
      { field: 'priority', words: ['high'] },
    ]);
  });

  it('keeps the last free word a prefix even before a filter', () => {
    expect(parseQuery('message label:claim')).toMatchObject({ words: [], prefix: 'message' });
  });

  it('reads unknown fields as free text', () => {
    expect(parseQuery('author:Sara talks')).toEqual({
      words: ['author', 'sara'],
      prefix: 'talks',
      phrases: [],
      filters: [],
    });
  });

  it('ignores a filter still being typed and an unclosed quote runs to the end', () => {
    expect(parseQuery('verdict: "swiftly stab')).toEqual({
      words: [],
      prefix: null,
      phrases: [['swiftly', 'stab']],
      filters: [],
    });
  });

  it('folds Arabic words', () => {
    expect(parseQuery('source:"وزيرُ الاقتصاد" المائة')).toEqual({
      words: [],
      prefix: 'المايه',
      phrases: [],
      filters: [{ field: 'source', words: ['وزير', 'الاقتصاد'] }],
    });
  });

  it('reads an empty query as nothing', () => {
    expect(parseQuery('   ')).toEqual({ words: [], prefix: null, phrases: [], filters: [] });
  });
});
