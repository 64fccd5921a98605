// Sentence splitting over canonical text: offsets index the text given; abbreviations, initials,
// numbers and quotations do not cut a sentence; Arabic punctuation does (، and ؛ do not).
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src-shared/intel/sentences';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('gives offsets into the text, across blocks joined by a blank line', () => {
    const text = 'A title\n\nFirst one. Second one!\n\nThird?';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['A title', 'First one.', 'Second one!', 'Third?']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps titles, initials and dotted abbreviations inside a sentence', () => {
    expect(texts('Mr. Smith met Dr. J. R. Jones at the U.S. Capitol on Monday. It rained.')).toEqual([
      'Mr. Smith met Dr. J. R. Jones at the U.S. Capitol on Monday.',
      'It rained.',
    ]);
    expect(texts('Voters go to the polls on Nov. 4. The count starts at St. Mary’s.')).toEqual([
      'Voters go to the polls on Nov. 4.',
      'The count starts at St. Mary’s.',
    ]);
  });

  it('ends a sentence after a dotted abbreviation when a new sentence plainly starts', () => {
    expect(texts('The aid came from the U.S. The rest came later.')).toEqual([
      'The aid came from the U.S.',
      'The rest came later.',
    ]);
  });

  it('never splits inside a number', () => {
    expect(texts('Growth was 3.5 per cent, or 1,000.5 tonnes. Prices rose 0.2%.')).toEqual([
      'Growth was 3.5 per cent, or 1,000.5 tonnes.',
      'Prices rose 0.2%.',
    ]);
  });

  it('keeps a quotation with the words that follow it, and closing quotes with their sentence', () => {
    expect(texts('“Why now?” he asked. “We will not stop.” Then he left.')).toEqual([
      '“Why now?” he asked.',
      '“We will not stop.”',
      'Then he left.',
    ]);
    expect(texts('He waited... and waited. Done.')).toEqual(['He waited... and waited.', 'Done.']);
  });

  it('keeps a short credit in brackets with its sentence', () => {
    expect(texts('He voted in Najaf in May 2018. (Reuters)')).toEqual([
      'He voted in Najaf in May 2018. (Reuters)',
    ]);
  });

  it('splits Arabic at . ! ؟ but not at the Arabic comma or semicolon', () => {
    expect(texts('قال الوزير إن النمو بلغ 3.5 في المائة. وأضاف: هل هذا كافٍ؟ نعم، بالطبع؛ انتهى!')).toEqual([
      'قال الوزير إن النمو بلغ 3.5 في المائة.',
      'وأضاف: هل هذا كافٍ؟',
      'نعم، بالطبع؛ انتهى!',
    ]);
  });

  it('treats each line as its own sentence and skips blank ones', () => {
    expect(texts('one line\ntwo line\n\n\nthree')).toEqual(['one line', 'two line', 'three']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n  ')).toEqual([]);
  });
});
