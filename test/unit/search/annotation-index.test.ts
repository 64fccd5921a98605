import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, EvidenceItem, LabelRecord, SourceRecord } from '../../../src-shared/model';
import { AnnotationIndex } from '../../../src-shared/search/annotation-index';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import { annotationRecord, quoteAt } from '../anchoring/annotation-record';

const sources: SourceRecord[] = [
  {
    id: 'src-peskov',
    name: 'Dmitry Sergeyevich Peskov',
    kind: 'person',
    aliases: ['Peskov', 'Kremlin spokesman'],
    url: null,
    reliabilityNote: '',
  },
  { id: 'src-reuters', name: 'Reuters', kind: 'outlet', aliases: [], url: null, reliabilityNote: '' },
  { id: 'src-minister', name: 'وزير الاقتصاد', kind: 'person', aliases: [], url: null, reliabilityNote: '' },
];
const labels: LabelRecord[] = [
  ...DEFAULT_LABELS,
  { id: 'l-x', name: 'Needs Review', color: '#000', order: 9 },
];

function index(): AnnotationIndex {
  return new AnnotationIndex({
    labelName: (id) => labels.find((l) => l.id === id)?.name ?? '',
    sourceNames: (id) => {
      const s = sources.find((x) => x.id === id);
      return s ? [s.name, ...s.aliases] : [];
    },
  });
}

function evidence(title: string, note: string, sourceId: string | null = null): EvidenceItem {
  return { id: title, url: 'https://example.org', title, stance: 'refutes', note, accessed: null, sourceId };
}

let nextStart = 0;
const annotation = (
  id: string,
  documentId: string,
  exact: string,
  more: Partial<AnnotationRecord> = {},
  start = (nextStart += 100),
): AnnotationRecord => annotationRecord(id, documentId, quoteAt(exact, start), more);

const PUTIN = 'Putin’s Message to Syria’s Al-Sharaa';
const SADR = 'Iraq’s Sadr to Boycott Elections';
const ECONOMY = 'وزير الاقتصاد: نمو الصادرات';

const a = {
  peskov: annotation(
    'peskov',
    'putin',
    'Kremlin spokesman Dmitry Peskov said the message expressed support',
    {
      claimantId: 'src-peskov',
      verdict: 'mostly-false',
      status: 'in-progress',
    },
  ),
  integrity: annotation(
    'integrity',
    'putin',
    'swiftly stabilize the situation while ensuring its territorial integrity',
    {
      claimantId: 'src-peskov',
      notes: 'Compare with the statement of 2024.',
      labelId: 'quote',
      priority: 'high',
    },
  ),
  officers: annotation('officers', 'putin', 'dozens of former Syrian officers had sought refuge in Russia', {
    evidence: [evidence('Reuters report on officers', 'No named officers', 'src-reuters')],
    verdict: 'unverifiable',
    rationale: 'Only anonymous reports.',
  }),
  boycott: annotation('boycott', 'sadr', 'he was boycotting the upcoming parliamentary elections', {
    verdict: 'true',
    status: 'checked',
    labelId: 'l-x',
  }),
  exports: annotation('exports', 'economy', 'ارتفعت بنسبة 12 في المائة خلال العام الماضي', {
    claimantId: 'src-minister',
    notes: 'الأرقام الرسمية لا تأخذ في الاعتبار ارتفاع أسعار الشحن',
    verdict: 'false',
  }),
};

function filled(): AnnotationIndex {
  const idx = index();
  for (const x of [a.peskov, a.integrity, a.officers]) idx.add(x, PUTIN);
  idx.add(a.boycott, SADR);
  idx.add(a.exports, ECONOMY);
  return idx;
}

const ids = (idx: AnnotationIndex, q: string): string[] => idx.search(q).map((h) => h.annotationId);

describe('AnnotationIndex free text', () => {
  const idx = filled();

  it('finds words in quotes, notes, rationale and evidence, every word required', () => {
    expect(ids(idx, 'message support')).toEqual(['peskov']);
    expect(ids(idx, 'statement 2024')).toEqual(['integrity']);
    expect(ids(idx, 'anonymous')).toEqual(['officers']);
    expect(ids(idx, 'named officers')).toEqual(['officers']);
    expect(ids(idx, 'support elections')).toEqual([]);
  });

  it('matches the last word as a prefix, the others whole', () => {
    expect(ids(idx, 'parliamentary elec')).toEqual(['boycott']);
    expect(ids(idx, 'elec parliamentary')).toEqual([]);
  });

  it('finds annotations by the names and aliases of their claimant and evidence sources', () => {
    expect(ids(idx, 'sergeyevich')).toEqual(['peskov', 'integrity']);
    expect(ids(idx, 'reuters officers')).toEqual(['officers']);
  });

  it('finds annotations by their document title, ranking that below the annotation itself', () => {
    expect(ids(idx, 'boycott')).toEqual(['boycott']);
    const hits = idx.search('syria');
    expect(hits.map((h) => h.annotationId)).toEqual(['peskov', 'integrity', 'officers']);
    expect(hits[2]!.score).toBeGreaterThan(hits[0]!.score);
  });

  it('is case- and diacritic-insensitive', () => {
    expect(ids(idx, 'KREMLIN SPÖKESMAN')).toEqual(['peskov', 'integrity']);
    expect(ids(idx, 'sýrian')).toEqual(['officers']);
  });

  it('checks that phrases stand together and in order', () => {
    expect(ids(idx, '"territorial integrity"')).toEqual(['integrity']);
    expect(ids(idx, '"integrity territorial"')).toEqual([]);
    // Both words are in the annotation, but in different fields.
    expect(ids(idx, '"integrity compare"')).toEqual([]);
  });

  it('normalises Arabic in the text and the query', () => {
    expect(ids(idx, 'المائة')).toEqual(['exports']);
    expect(ids(idx, 'الماىه')).toEqual(['exports']);
    expect(ids(idx, 'الأسعار')).toEqual([]);
    expect(ids(idx, 'أسعار الشحن')).toEqual(['exports']);
    expect(ids(idx, 'اسعار الشحـــن')).toEqual(['exports']);
    expect(ids(idx, '"ارتفاع اسعار"')).toEqual(['exports']);
    expect(ids(idx, 'الاقتص')).toEqual(['exports']);
  });

  it('finds nothing for an empty query or a word no one used', () => {
    expect(idx.search('')).toEqual([]);
    expect(idx.search('zebra')).toEqual([]);
  });
});

describe('AnnotationIndex filters', () => {
  const idx = filled();

  it('filters by label id or name', () => {
    expect(ids(idx, 'label:quote')).toEqual(['integrity']);
    expect(ids(idx, 'label:"needs review"')).toEqual(['boycott']);
    expect(ids(idx, 'label:l-x')).toEqual(['boycott']);
    expect(ids(idx, 'label:claim syrian')).toEqual(['officers']);
  });

  it('filters verdicts by id or display name, never by a part of one', () => {
    expect(ids(idx, 'verdict:mostly-false')).toEqual(['peskov']);
    expect(ids(idx, 'verdict:"Mostly false"')).toEqual(['peskov']);
    expect(ids(idx, 'verdict:false')).toEqual(['exports']);
    expect(ids(idx, 'verdict:banana')).toEqual([]);
  });

  it('filters by status and priority', () => {
    expect(ids(idx, 'status:in-progress')).toEqual(['peskov']);
    // Filters do not score: documents tie and come in id order.
    expect(ids(idx, 'status:"to check"')).toEqual(['exports', 'integrity', 'officers']);
    expect(ids(idx, 'priority:high')).toEqual(['integrity']);
  });

  it('matches source: by any name or alias, Peskov included', () => {
    expect(ids(idx, 'source:Peskov')).toEqual(['peskov', 'integrity']);
    expect(ids(idx, 'source:"Dmitry Peskov"')).toEqual([]);
    expect(ids(idx, 'source:"Kremlin spokesman" integrity')).toEqual(['integrity']);
    expect(ids(idx, 'source:reuters')).toEqual(['officers']);
    expect(ids(idx, 'source:"وزير الاقتصاد"')).toEqual(['exports']);
  });

  it('ignores a filter with no value yet', () => {
    expect(ids(idx, 'officers source:')).toEqual(['officers']);
  });
});

describe('AnnotationIndex negation and OR', () => {
  const idx = filled();

  it('leaves out annotations that have a negated word, phrase or field', () => {
    expect(ids(idx, 'syria')).toEqual(['peskov', 'integrity', 'officers']);
    expect(ids(idx, 'syria -russia')).toEqual(['peskov', 'integrity']);
    expect(ids(idx, 'syria -label:quote')).toEqual(['peskov', 'officers']);
    expect(ids(idx, 'syria -"territorial integrity"')).toEqual(['peskov', 'officers']);
    expect(ids(idx, 'syria -source:peskov')).toEqual(['officers']);
    // A negated word is whole: "-russ" leaves "Russia" in.
    expect(ids(idx, 'syria -russ')).toEqual(['peskov', 'integrity', 'officers']);
  });

  it('finds every annotation but the negated ones when the query only negates', () => {
    // Nothing scores: documents tie and come in id order.
    expect(ids(idx, '-label:claim')).toEqual(['integrity', 'boycott']);
    expect(ids(idx, '-verdict:false -syria')).toEqual(['boycott']);
  });

  it('finds what either side of OR finds, between fields or words', () => {
    expect(ids(idx, 'label:quote OR label:"needs review"')).toEqual(['integrity', 'boycott']);
    expect(ids(idx, 'verdict:true OR verdict:false')).toEqual(['exports', 'boycott']);
    expect(ids(idx, 'المائة OR refuge')).toEqual(['exports', 'officers']);
    expect(ids(idx, 'label:quote OR zebra')).toEqual(['integrity']);
    // OR binds loosest: the negation belongs to its own side.
    expect(ids(idx, 'boycotting OR syria -russia')).toEqual(['boycott', 'peskov', 'integrity']);
  });
});

describe('AnnotationIndex grouping', () => {
  it('groups hits by document, best document first, in text order within one', () => {
    const idx = index();
    idx.add(annotation('weak', 'd0', 'nothing', { notes: 'plan' }, 0), 'Zero');
    idx.add(annotation('late', 'd2', 'support the plan', {}, 500), 'Two');
    idx.add(annotation('early', 'd2', 'the plan was announced', {}, 10), 'Two');
    idx.add(annotation('strong', 'd3', 'no plan', {}, 0), 'Three');
    const hits = idx.search('plan');
    expect(hits.map((h) => [h.documentId, h.annotationId])).toEqual([
      ['d2', 'early'],
      ['d2', 'late'],
      ['d3', 'strong'],
      ['d0', 'weak'],
    ]);
    expect(idx.search('plan', 3).map((h) => h.annotationId)).toEqual(['early', 'late', 'strong']);
  });
});

describe('AnnotationIndex add, update and remove', () => {
  it('updates an annotation in place', () => {
    const idx = filled();
    idx.update({ ...a.peskov, notes: 'Checked against the transcript', verdict: 'true' }, PUTIN);
    expect(ids(idx, 'transcript')).toEqual(['peskov']);
    expect(ids(idx, 'verdict:mostly-false')).toEqual([]);
    expect(ids(idx, 'verdict:true')).toEqual(['peskov', 'boycott']);
    expect(idx.size).toBe(5);
  });

  it('treats adding an indexed annotation as an update', () => {
    const idx = filled();
    idx.add(
      { ...a.boycott, target: { ...a.boycott.target, quote: { ...a.boycott.target.quote, exact: 'iftar' } } },
      SADR,
    );
    expect(ids(idx, 'boycotting')).toEqual([]);
    expect(ids(idx, 'iftar')).toEqual(['boycott']);
  });

  it('removes annotations, and stays right after renumbering many removed ones', () => {
    const idx = filled();
    idx.remove(a.officers);
    idx.remove({ id: 'unknown' });
    expect(ids(idx, 'officers')).toEqual([]);
    expect(idx.size).toBe(4);

    const many = Array.from({ length: 3000 }, (_, i) => annotation(`m${i}`, 'bulk', `bulk claim ${i}`));
    for (const m of many) idx.add(m, 'Bulk');
    for (const m of many.slice(0, 2900)) idx.remove(m);
    expect(idx.size).toBe(104);
    expect(ids(idx, 'bulk claim').length).toBe(100);
    expect(ids(idx, '2950')).toEqual(['m2950']);
    expect(ids(idx, 'source:peskov')).toEqual(['peskov', 'integrity']);
    idx.add(annotation('after', 'bulk', 'added after renumbering'), 'Bulk');
    expect(ids(idx, 'renumbering')).toEqual(['after']);
  });
});
