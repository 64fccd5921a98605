import { describe, expect, it } from 'vitest';
import { anchorTarget, reanchorAll } from '../../../src-shared/anchoring/anchor';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import type { AnnotationRecord, AnnotationTarget } from '../../../src-shared/model';
import { annotationRecord } from './annotation-record';
import { editedArticle } from './edited-articles';

const original = editedArticle('original');

/** The target of the `nth` occurrence (0-based) of `quote` in `text`. */
function targetOf(text: string, quote: string, nth = 0): AnnotationTarget {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`occurrence ${nth} of “${quote}” not in text`);
  }
  return describeRange(text, at, at + quote.length);
}

function anchoredText(text: string, target: AnnotationTarget): string | null {
  const r = anchorTarget(text, target);
  return r ? text.slice(r.start, r.end) : null;
}

const annotation = (id: string, target: AnnotationTarget): AnnotationRecord =>
  annotationRecord(id, 'doc', target);

describe('anchorTarget in the unchanged text', () => {
  it('places the target by position', () => {
    const target = targetOf(original, 'Kremlin spokesman Dmitry Peskov');
    const { start, end } = target.position;
    expect(anchorTarget(original, target)).toEqual({ start, end, method: 'position' });
  });
});

describe('anchorTarget after words are inserted', () => {
  const edited = editedArticle('words-inserted');

  it('finds a quote whose paragraph gained words before it', () => {
    const quote = 'swiftly stabilize the situation in the country';
    const r = anchorTarget(edited, targetOf(original, quote));
    expect(r).toEqual({
      start: edited.indexOf(quote),
      end: edited.indexOf(quote) + quote.length,
      method: 'quote',
    });
  });

  it('finds a quote later in the text, shifted by every insertion', () => {
    const quote = 'Moscow had no involvement in the events';
    expect(anchorTarget(edited, targetOf(original, quote))?.method).toBe('quote');
    expect(anchoredText(edited, targetOf(original, quote))).toBe(quote);
  });

  it('stretches a quote over words inserted inside it (fuzzy)', () => {
    const quote =
      'Kremlin spokesman Dmitry Peskov said the message expressed support for the Syrian leadership’s efforts';
    const r = anchorTarget(edited, targetOf(original, quote));
    expect(r?.method).toBe('fuzzy');
    expect(anchoredText(edited, targetOf(original, quote))).toBe(
      'Kremlin spokesman Dmitry Peskov said on Thursday that the message expressed support for the Syrian leadership’s efforts',
    );
  });

  it('finds a quote whose first words gained an adjective', () => {
    const quote = 'Russian President Vladimir Putin has sent a message to his Syrian counterpart';
    expect(anchoredText(edited, targetOf(original, quote))).toBe(
      'Russian President Vladimir Putin has sent a written message to his Syrian counterpart',
    );
  });
});

describe('anchorTarget after paragraphs move', () => {
  const moved = editedArticle('paragraphs-moved');

  it('follows a paragraph moved to the end of the file', () => {
    const quote = 'Moscow had no involvement in the events';
    const r = anchorTarget(moved, targetOf(original, quote));
    expect(r?.method).toBe('quote');
    expect(r?.start).toBe(moved.indexOf(quote));
    expect(r!.start).toBeGreaterThan(moved.indexOf('Iraq’s Sadr to Boycott'));
  });

  it('follows a paragraph moved up within its article', () => {
    const quote = 'seeking rapprochement with Sadr';
    expect(anchorTarget(moved, targetOf(original, quote))?.start).toBe(moved.indexOf(quote));
  });
});

describe('anchorTarget after typos are fixed', () => {
  const typos = editedArticle('typos');

  it('matches a quote with several fixed typos fuzzily', () => {
    const r = anchorTarget(
      original,
      targetOf(typos, 'swiftly stablize the situaton in the country while ensuring it’s sovereignty'),
    );
    expect(r?.method).toBe('fuzzy');
    expect(original.slice(r!.start, r!.end)).toBe(
      'swiftly stabilize the situation in the country while ensuring its sovereignty',
    );
  });

  it('matches a quote with fixed spelling in the second article', () => {
    expect(
      anchoredText(original, targetOf(typos, 'he was boycoting the upcomming parliamentary elections')),
    ).toBe('he was boycotting the upcoming parliamentary elections');
  });
});

describe('anchorTarget after a passage is deleted', () => {
  const deleted = editedArticle('passage-deleted');

  it('orphans a quote from the deleted passage', () => {
    const quote = 'dozens of former Syrian officers had sought refuge in Russia';
    expect(anchorTarget(deleted, targetOf(original, quote))).toBeNull();
  });

  it('still places quotes around the deleted passage', () => {
    for (const quote of ['turned a blind eye to a military move', 'limited their statements to expressing'])
      expect(anchoredText(deleted, targetOf(original, quote))).toBe(quote);
  });
});

describe('anchorTarget with repeated quote text', () => {
  it('picks the occurrence nearest the old position when the contexts are alike', () => {
    // The caption stands four times; the first and third have the title before them.
    const quote = 'Syrian President Ahmad al-Sharaa’s meeting with Russian Deputy Foreign Minister';
    const shifted = 'Updated: ' + original;
    const r = anchorTarget(shifted, targetOf(original, quote, 2));
    expect(r?.method).toBe('quote');
    expect(r?.start).toBe(targetOf(shifted, quote, 2).position.start);
  });

  // A stale position just past the wrong occurrence: that one is nearer, the other keeps the context.
  const nearWrong = (target: AnnotationTarget, wrongStart: number): AnnotationTarget => ({
    ...target,
    position: { ...target.position, start: wrongStart + 3, end: wrongStart + 3 + target.quote.exact.length },
  });

  it('prefers the occurrence whose context matches over a nearer one', () => {
    const target = targetOf(original, 'Peskov', 1); // “Peskov did not specify…”
    const edited = editedArticle('words-inserted');
    const r = anchorTarget(edited, nearWrong(target, targetOf(edited, 'Peskov', 0).position.start));
    expect(r).toEqual({
      start: targetOf(edited, 'Peskov', 1).position.start,
      end: expect.any(Number),
      method: 'quote',
    });
  });

  it('prefers context over position in a small text', () => {
    const text = 'Peskov said yes. Later, the spokesman Peskov said no.';
    const target = describeRange(text, text.lastIndexOf('Peskov'), text.lastIndexOf('Peskov') + 6);
    const edited = text.replace('Later, ', '');
    expect(anchorTarget(edited, nearWrong(target, 0))?.start).toBe(edited.lastIndexOf('Peskov'));
  });
});

describe('anchorTarget with empty and short quotes', () => {
  it('cannot place an empty quote', () => {
    const target = describeRange(original, 0, 5);
    expect(anchorTarget(original, { ...target, quote: { ...target.quote, exact: '' } })).toBeNull();
  });

  it('places a short quote exactly', () => {
    const target = targetOf(original, 'TT', 1);
    const shifted = 'x' + original;
    expect(anchorTarget(shifted, target)).toMatchObject({
      start: target.position.start + 1,
      method: 'quote',
    });
  });

  it('does not match short quotes fuzzily', () => {
    const target = describeRange('abc TTx def', 4, 7);
    expect(anchorTarget('abc TTy def', target)).toBeNull();
  });
});

describe('anchorTarget in a long text', () => {
  const filler = (n: number): string =>
    Array.from({ length: n }, (_, i) => `Sentence ${i} of the filler keeps the text long.`).join(' ');
  const quote = 'the minister denied any involvement in the unrest';
  const text = `${filler(2000)} Then ${quote} on Monday. ${filler(2000)}`;
  const target = targetOf(text, quote);

  it('finds a quote moved far beyond the local window', () => {
    const moved = text.replace(` Then ${quote} on Monday.`, '') + ` Then ${quote} on Monday.`;
    expect(anchorTarget(moved, target)).toMatchObject({ start: moved.indexOf(quote), method: 'quote' });
  });

  it('finds a typo-fixed quote moved far beyond the local window', () => {
    const fixed = quote.replace('denied', 'denies');
    const moved = text.replace(` Then ${quote} on Monday.`, '') + ` Then ${fixed} on Monday.`;
    expect(anchorTarget(moved, target)).toMatchObject({ start: moved.indexOf(fixed), method: 'fuzzy' });
  });

  it('orphans a quote that is gone', () => {
    expect(
      anchorTarget(text.replace(quote, 'something else entirely, said nobody at all'), target),
    ).toBeNull();
  });
});

describe('reanchorAll', () => {
  const moved = editedArticle('paragraphs-moved');
  const quotes = [
    'Putin reaffirmed Russia’s readiness',
    'Moscow had no involvement in the events',
    'seeking rapprochement with Sadr',
    'Sadr therefore called on his supporters',
  ];
  const deleted = editedArticle('passage-deleted');

  it('refreshes selectors, keeping order and every record', () => {
    const annotations = quotes.map((q, i) => annotation(`a${i}`, targetOf(original, q)));
    const { updated, orphaned } = reanchorAll(moved, annotations);
    expect(orphaned).toEqual([]);
    expect(updated.map((a) => a.id)).toEqual(['a0', 'a1', 'a2', 'a3']);
    for (const [i, a] of updated.entries()) {
      const at = moved.indexOf(quotes[i]!);
      expect(a.target).toEqual(describeRange(moved, at, at + quotes[i]!.length));
      expect(a.orphaned).toBe(false);
    }
    // The moved paragraph's new prefix is the end of the second article.
    expect(updated[1]!.target.quote.prefix).toBe(
      moved.slice(moved.indexOf(quotes[1]!) - 32, moved.indexOf(quotes[1]!)),
    );
  });

  it('orphans what it cannot place, keeping the old target, and never drops a record', () => {
    const lost = annotation('lost', targetOf(original, 'dozens of former Syrian officers had sought refuge'));
    const kept = annotation('kept', targetOf(original, 'limited their statements to expressing'));
    const { updated, orphaned } = reanchorAll(deleted, [lost, kept]);
    expect(updated.map((a) => a.id)).toEqual(['kept']);
    expect(orphaned).toEqual([{ ...lost, orphaned: true }]);
  });

  it('keeps up with shifts that grow through a long text', () => {
    const sentences = Array.from(
      { length: 3000 },
      (_, i) => `Sentence ${i} says ${(i * 7919) % 1000} things.`,
    );
    const text = sentences.join(' ');
    const annotations = sentences
      .filter((_, i) => i % 10 === 0)
      .map((s, i) => annotation(`s${i}`, targetOf(text, s)));
    // A word inserted before every fifth sentence: the shift grows far beyond the local window.
    const edited = sentences.map((s, i) => (i % 5 === 0 ? `Indeed, ${s}` : s)).join(' ');
    const { updated, orphaned } = reanchorAll(edited, annotations);
    expect(orphaned).toEqual([]);
    for (const [i, a] of updated.entries()) {
      expect(a.target.quote.exact).toBe(annotations[i]!.target.quote.exact);
      expect(a.target.position.start).toBe(edited.indexOf(`Indeed, ${a.target.quote.exact}`) + 8);
    }
  });

  it('clears the orphan flag of an annotation that can be placed again', () => {
    const back = { ...annotation('back', targetOf(original, 'Putin reaffirmed')), orphaned: true };
    expect(reanchorAll(original, [back]).updated[0]?.orphaned).toBe(false);
  });
});
