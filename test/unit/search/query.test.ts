import { describe, expect, it } from 'vitest';
import { parseQuery, parseSearch } from '../../../src-shared/search/query';

const NONE = { words: [], phrases: [], filters: [] };

describe('parseQuery', () => {
  it('reads free words, the last as a prefix', () => {
    expect(parseQuery('Kremlin  Pesk')).toEqual({
      words: ['kremlin'],
      prefix: 'pesk',
      phrases: [],
      filters: [],
      not: NONE,
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
      not: NONE,
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
      not: NONE,
    });
  });

  it('ignores a filter still being typed and an unclosed quote runs to the end', () => {
    expect(parseQuery('verdict: "swiftly stab')).toEqual({
      words: [],
      prefix: null,
      phrases: [['swiftly', 'stab']],
      filters: [],
      not: NONE,
    });
  });

  it('folds Arabic words', () => {
    expect(parseQuery('source:"وزيرُ الاقتصاد" المائة')).toEqual({
      words: [],
      prefix: 'المايه',
      phrases: [],
      filters: [{ field: 'source', words: ['وزير', 'الاقتصاد'] }],
      not: NONE,
    });
  });

  it('reads an empty query as nothing', () => {
    expect(parseQuery('   ')).toEqual({ words: [], prefix: null, phrases: [], filters: [], not: NONE });
  });

  it('reads a leading minus as leaving a part out: words, phrases and filters', () => {
    expect(parseQuery('refrain -russia')).toEqual({
      words: [],
      prefix: 'refrain',
      phrases: [],
      filters: [],
      not: { words: ['russia'], phrases: [], filters: [] },
    });
    expect(parseQuery('-label:quote -"territorial integrity" -Russian-Syrian talks').not).toEqual({
      words: [],
      phrases: [
        ['territorial', 'integrity'],
        ['russian', 'syrian'],
      ],
      filters: [{ field: 'label', words: ['quote'] }],
    });
    // A dash inside a word, a lone dash and a double dash leave nothing out.
    expect(parseQuery('al-sharaa - --x').not).toEqual(NONE);
  });
});

describe('parseSearch', () => {
  it('splits a query at OR (in capitals) into alternatives, each with its own parts', () => {
    expect(parseSearch('label:statistic OR label:quote').map((c) => c.filters)).toEqual([
      [{ field: 'label', words: ['statistic'] }],
      [{ field: 'label', words: ['quote'] }],
    ]);
    const [first, second] = parseSearch('kremlin -syria OR verdict:false oil');
    expect(first).toMatchObject({ prefix: 'kremlin', not: { words: ['syria'] } });
    expect(second).toMatchObject({ prefix: 'oil', filters: [{ field: 'verdict', words: ['false'] }] });
  });

  it('keeps "or" in lower case and OR inside quotes as words, and drops an empty side', () => {
    expect(parseSearch('war or peace')).toHaveLength(1);
    expect(parseSearch('"war OR peace"')[0]!.phrases).toEqual([['war', 'or', 'peace']]);
    expect(parseSearch('ORANGE')[0]!.prefix).toBe('orange');
    expect(parseSearch('label:claim OR')).toHaveLength(1);
    expect(parseSearch('OR')).toEqual([]);
  });
});
