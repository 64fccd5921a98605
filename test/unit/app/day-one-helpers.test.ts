// Small pure helpers behind the UI: shortening quotes between words, notices answered by a later success, and dates shown in the
// analyst's locale.
import { describe, expect, it } from 'vitest';
import { shortText } from '../../../src-renderer/src/app/short-text';
import { withNotice, type Notice } from '../../../src-renderer/src/app/notices';
import { displayDate } from '../../../src-renderer/src/app/dates';

describe('shortText', () => {
  it('keeps short text whole and cuts long text between words', () => {
    expect(shortText('Putin attended the summit', 40)).toBe('Putin attended the summit');
    expect(shortText('Putin attended the summit in Astana', 16)).toBe('Putin attended…');
    expect(shortText('Putin, attended the summit', 7)).toBe('Putin…');
  });
  it('cuts a single overlong word where it must, and folds whitespace', () => {
    expect(shortText('Supercalifragilistic', 5)).toBe('Super…');
    expect(shortText('one\n\ntwo   three', 20)).toBe('one two three');
  });
});

describe('withNotice', () => {
  const error = (id: number, topic?: string): Notice => ({ id, kind: 'error', text: `e${id}`, topic });
  it('a success on a topic takes that topic’s errors away, and only those', () => {
    const list = [error(1, 'settings'), error(2, 'import'), error(3)];
    const next = withNotice(list, { id: 4, kind: 'info', text: 'Settings saved.', topic: 'settings' });
    expect(next.map((n) => n.id)).toEqual([2, 3, 4]);
  });
  it('a repeated error replaces the one before it; errors without a topic stack', () => {
    expect(withNotice([error(1, 'settings')], error(2, 'settings')).map((n) => n.id)).toEqual([2]);
    expect(withNotice([error(1)], error(2)).map((n) => n.id)).toEqual([1, 2]);
  });
  it('keeps a bounded list', () => {
    let list: Notice[] = [];
    for (let i = 0; i < 50; i++) list = withNotice(list, error(i));
    expect(list).toHaveLength(20);
    expect(list.at(-1)?.id).toBe(49);
  });
});

describe('displayDate', () => {
  it('spells the month in the analyst’s locale and leaves a non-date as given', () => {
    const languages = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', {
      value: { languages: ['en-GB'], language: 'en-GB' },
      configurable: true,
    });
    try {
      expect(displayDate('2026-03-14T09:30:00Z')).toBe('14 Mar 2026');
      expect(displayDate('not a date')).toBe('not a date');
    } finally {
      if (languages) Object.defineProperty(globalThis, 'navigator', languages);
      else Reflect.deleteProperty(globalThis, 'navigator');
    }
  });
});
