// The app's verdict for a fact-checker's rating, read from its wording: the ratings English and
// Arabic fact-checkers publish most, folded as search folds text. A rating whose words are not
// here keeps its own text and gets no verdict: a number on a publisher's own scale says too
// little to map.
import type { Verdict } from '../model';
import { foldText } from '../text-fold';
import { verdictFromName } from '../export/verdicts';

const WORDING: Record<Verdict, readonly string[]> = {
  true: ['true', 'correct', 'accurate', 'verified', 'right', 'صحيح', 'حقيقي', 'دقيق', 'صحيح تماما'],
  'mostly-true': [
    'mostly true',
    'mostly correct',
    'mostly accurate',
    'largely true',
    'صحيح في الغالب',
    'صحيح غالبا',
  ],
  mixed: [
    'half true',
    'half-true',
    'mixture',
    'mixed',
    'partly true',
    'partly false',
    'partially true',
    'partially false',
    'half right',
    'نصف صحيح',
    'صحيح جزئيا',
    'خطا جزئيا',
    'جزئيا صحيح',
  ],
  misleading: [
    'misleading',
    'missing context',
    'out of context',
    'lacks context',
    'exaggerated',
    'exaggeration',
    'distorted',
    'spin',
    'مضلل',
    'مضلله',
    'مبالغ فيه',
    'خارج السياق',
    'يفتقر الي السياق',
  ],
  'mostly-false': ['mostly false', 'largely false', 'mostly inaccurate', 'خطا في الغالب', 'زائف في الغالب'],
  false: [
    'false',
    'fake',
    'incorrect',
    'inaccurate',
    'wrong',
    'pants on fire',
    'pants on fire!',
    'fabricated',
    'hoax',
    'four pinocchios',
    'زائف',
    'كاذب',
    'خطا',
    'غير صحيح',
    'مفبرك',
    'ملفق',
    'مزيف',
    'خاطئ',
  ],
  unverifiable: [
    'unverifiable',
    'unproven',
    'unverified',
    'unsupported',
    'no evidence',
    'not enough evidence',
    'research in progress',
    'غير مؤكد',
    'لا دليل',
    'غير مثبت',
    'لا يمكن التحقق',
  ],
};

const BY_WORDING = new Map<string, Verdict>(
  (Object.entries(WORDING) as [Verdict, readonly string[]][]).flatMap(([verdict, words]) =>
    words.map((w) => [key(w), verdict] as const),
  ),
);

/** Folded, without the punctuation a rating may carry ("False!", "«مضلل»"); folding drops the marks. */
function key(text: string): string {
  return foldText(text.replace(/[^\p{L}\p{M}\p{N}\s-]/gu, ' '));
}

/** The verdict a rating's wording names, or null. */
export function verdictFromRating(text: string): Verdict | null {
  return BY_WORDING.get(key(text)) ?? verdictFromName(text);
}
