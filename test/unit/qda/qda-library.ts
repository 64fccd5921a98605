// A small library for the REFI-QDA tests: an Arabic article and one with emoji (characters
// outside the BMP, two UTF-16 units but one code point), each highlighted after those
// characters, so a position counted in the wrong unit lands on the wrong words.
import { describeRange } from '../../../src-shared/anchoring/selectors';
import { emptyClaim } from '../../../src-shared/claim-defaults';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import type { AnnotationRecord, DocumentRecord, LibrarySnapshot } from '../../../src-shared/model';
import { makeDocument } from '../export/fixture-snapshot';

export const arabicDoc = makeDocument('sana.txt', 'وزير المالية: البطالة انخفضت 🎉', null, [
  {
    kind: 'paragraph',
    text: 'قال الوزير إن البطالة انخفضت إلى ٣٪ في العام الماضي 📉 وهو أدنى مستوى منذ عقود.',
  },
  { kind: 'paragraph', text: 'ورد المعارضون بأن الأرقام 🤔 لا تشمل العمال غير الرسميين.' },
]);

export const emojiDoc = makeDocument('thread.md', 'Launch day 🚀🚀 recap', null, [
  {
    kind: 'paragraph',
    text: 'The CEO 👩🏽‍💼 claimed sales doubled in a week 📈📈 and that 90% of users 😍 stayed.',
  },
  { kind: 'paragraph', text: 'Plain ASCII closing line with no emoji at all.' },
]);

function highlight(
  id: string,
  doc: DocumentRecord,
  exact: string,
  labelId: string,
  extra: Partial<AnnotationRecord> = {},
): AnnotationRecord {
  const start = doc.text.indexOf(exact);
  if (start < 0) throw new Error(`fixture: "${exact}" not in ${doc.sourceFile}`);
  return {
    ...emptyClaim(),
    id,
    documentId: doc.id,
    target: describeRange(doc.text, start, start + exact.length),
    labelId,
    author: 'Rana Haddad',
    created: '2025-05-01T10:00:00.000Z',
    modified: '2025-05-01T11:00:00.000Z',
    ...extra,
  };
}

export const highlights: AnnotationRecord[] = [
  highlight('a1', arabicDoc, 'البطالة انخفضت إلى ٣٪', 'statistic', { notes: 'Check the ILO figure.' }),
  highlight('a2', arabicDoc, 'لا تشمل العمال غير الرسميين', 'claim', {
    verdict: 'mostly-true',
    rationale: 'Partly.',
  }),
  highlight('e1', emojiDoc, 'sales doubled in a week', 'claim', { claimantId: 'ceo' }),
  highlight('e2', emojiDoc, '90% of users 😍 stayed', 'statistic'),
  highlight('e3', emojiDoc, 'no emoji at all', 'opinion'),
];

export function qdaLibrary(): LibrarySnapshot {
  return structuredClone({
    documents: [arabicDoc, emojiDoc],
    annotations: highlights,
    labels: DEFAULT_LABELS.map((l) => ({ ...l })),
    sources: [
      { id: 'ceo', name: 'Dana Reyes', kind: 'person', aliases: [], url: null, reliabilityNote: 'CEO' },
    ],
    settings: { analystName: 'Rana Haddad', organisationName: '', organisationUrl: '' },
  } satisfies LibrarySnapshot);
}
