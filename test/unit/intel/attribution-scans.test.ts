// The scans attribution reads text with give what the slower forms they replace give: foldFast
// is foldForSearch, and the article's names are the runs the name regex would find.
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../src-shared/search/fold';
import { englishNames } from '../../../src-shared/intel/attribution-names';
import { foldFast } from '../../../src-shared/intel/fold-fast';

const TABLE: number[] = [];
for (let c = 0; c < 0x2070; c++) if ((c < 0x700 && (c < 0x370 || c >= 0x400)) || c >= 0x2000) TABLE.push(c);

describe('foldFast', () => {
  it('folds every character it holds as foldForSearch does, alone and after a letter and a mark', () => {
    for (const c of TABLE) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `A${ch}`, `${ch}\u0654`, `ا${ch}ي`])
        expect(foldFast(text)).toBe(foldForSearch(text));
    }
  });

  it('folds English and Arabic sentences, and text it leaves to foldForSearch, the same way', () => {
    for (const text of [
      'Kremlin spokesman Dmitry PESKOV said “no”…',
      'وقال المتحدث باسم الكرملين ديمتري بيسكوف إنّ الأرقامَ الرسميّة ارتفعت ٣٫٥٪',
      'أكّد وزيرُ الاقتصاد: «الصادرات نمت» — مُستشفى',
      'ΟΔΟΣ Σίσυφος', // Greek: final sigma depends on the letters around it
      'Straße Œuvre İstanbul 😀 ﻻ',
    ])
      expect(foldFast(text)).toBe(foldForSearch(text));
  });
});

describe('englishNames', () => {
  it('finds names of two or more capitalised words, titles and openers stripped, organisations left out', () => {
    expect(
      englishNames(
        'Kremlin spokesman Dmitry Peskov said. Syrian President Ahmad al-Sharaa met Crown Prince Mohammed bin Salman and Charles de Gaulle. The Ministry of Health said. But Peskov’s aide, Anna Marie Lund, spoke.\nMr. Smith Jones left.',
      ),
    ).toEqual([
      'Dmitry Peskov',
      'Ahmad al-Sharaa',
      'Mohammed bin Salman',
      'Charles de Gaulle',
      'Anna Marie Lund',
      'Smith Jones',
    ]);
  });

  it('reads capitals outside ASCII and outside the Basic Multilingual Plane as the regex did', () => {
    expect(englishNames('Émile Zola wrote; 𝐀𝐥𝐢 𝐁𝐚𝐤𝐫 replied.')).toEqual(['Émile Zola', '𝐀𝐥𝐢 𝐁𝐚𝐤𝐫']);
  });
});
