import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTokens } from '../../../src-shared/search/fold';

describe('foldForSearch', () => {
  it('ignores case and Latin diacritics', () => {
    expect(foldForSearch('Ça Déjà ÉTÉ Ångström Straße')).toBe('ca deja ete angstrom strasse');
  });

  it('strips tashkeel and tatweel', () => {
    expect(foldForSearch('الْاِقْتِصَادُ')).toBe(foldForSearch('الاقتصاد'));
    expect(foldForSearch('الاقتـــصاد')).toBe('الاقتصاد');
  });

  it('unifies alef forms, alef maqsura and ta marbuta', () => {
    expect(foldForSearch('أحمد إلى آخر ٱلله')).toBe('احمد الي اخر الله');
    expect(foldForSearch('المائة مسؤول')).toBe('المايه مسوول');
    expect(foldForSearch('مصطفى')).toBe('مصطفي');
  });

  it('reads Arabic presentation forms and Eastern Arabic digits as plain letters and digits', () => {
    expect(foldForSearch('\uFEFB')).toBe('لا');
    expect(foldForSearch('٢٠٣٠ ۱۲')).toBe('2030 12');
  });
});

describe('searchTokens', () => {
  it('splits on anything but letters and digits', () => {
    expect(searchTokens('Putin’s message: “swiftly stabilize” (2030)')).toEqual([
      'putin',
      's',
      'message',
      'swiftly',
      'stabilize',
      '2030',
    ]);
  });

  it('keeps Arabic words whole', () => {
    expect(searchTokens('قال وزيرُ الاقتصاد، إن الصادرات')).toEqual([
      'قال',
      'وزير',
      'الاقتصاد',
      'ان',
      'الصادرات',
    ]);
  });
});
