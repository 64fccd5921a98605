// Attribution, one pattern at a time: the claimant each cue names, titles stripped, pronouns and
// roles resolved, the fullest name used, narration left without a claimant.
import { describe, expect, it } from 'vitest';
import { attributeText } from '../../../src-shared/intel/attribution';

const claimants = (text: string): (string | null)[] => attributeText(text).map((s) => s.claimant);

describe('English attribution', () => {
  it('names the subject of a reporting verb, titles stripped', () => {
    expect(claimants('Kremlin spokesman Dmitry Peskov said the talks went well.')).toEqual(['Dmitry Peskov']);
    expect(claimants('Russian Deputy Foreign Minister Mikhail Bogdanov told reporters it was over.')).toEqual(
      ['Mikhail Bogdanov'],
    );
  });

  it('reads "X, a spokesman for Y, said" and "a spokesman for Y, X, said"', () => {
    expect(claimants('Dmitry Peskov, a spokesman for the Kremlin, said the letter was sent.')).toEqual([
      'Dmitry Peskov',
    ]);
    expect(claimants('A spokesman for his campaign, Alan Reyes, said the figure was right.')).toEqual([
      'Alan Reyes',
    ]);
  });

  it('reads an inverted cue after a quotation', () => {
    expect(claimants('“We offered a rise,” said Marta Okonjo, the chief executive.')).toEqual([
      'Marta Okonjo',
    ]);
  });

  it('resolves "he said" after a quotation to the person last named', () => {
    expect(
      claimants(
        'Union leader Samuel Birch disputed that figure. “The losses are theirs,” he told reporters.',
      ),
    ).toEqual(['Samuel Birch', 'Samuel Birch']);
  });

  it('gives a later surname in its fullest form', () => {
    const text =
      'Kremlin spokesman Dmitry Peskov spoke on Monday. It was cold. Peskov said the message was sent on Wednesday.';
    expect(claimants(text)).toEqual([null, null, 'Dmitry Peskov']);
  });

  it('names organisations, "according to" and anonymous sources', () => {
    expect(claimants('Putin has sent a message to al-Sharaa, the Kremlin announced on Thursday.')).toEqual([
      'the Kremlin',
    ]);
    expect(claimants('According to the Kremlin, Putin reaffirmed his support.')).toEqual(['the Kremlin']);
    expect(claimants('A Russian diplomatic source told Asharq Al-Awsat that Moscow had no role.')).toEqual([
      'A Russian diplomatic source',
    ]);
  });

  it('lets "the ministry" stand for the ministry named before', () => {
    expect(
      claimants(
        'Cases doubled, the Ministry of Health said on Monday. The ministry said it would publish data.',
      ),
    ).toEqual(['the Ministry of Health', 'the Ministry of Health']);
  });

  it('gives narration, negated and passive cues no claimant', () => {
    expect(
      claimants(
        'The message comes as Damascus seeks stability. Peskov did not say when it was sent. Reporters were told to wait. Sadr called on his supporters to stay home.',
      ),
    ).toEqual([null, null, null, null]);
  });

  it('passes over cues inside a quotation', () => {
    expect(claimants('The letter read: “As we said before, we support you.”')).toEqual([null]);
  });
});

describe('Arabic attribution', () => {
  it('names the subject after the verb, titles stripped', () => {
    expect(claimants('وقال المتحدث باسم الكرملين ديمتري بيسكوف للصحافيين إن الرسالة وصلت.')).toEqual([
      'ديمتري بيسكوف',
    ]);
    expect(claimants('وقال الرئيس السوري أحمد الشرع إن سوريا لن تكون منصة لتهديد أحد.')).toEqual([
      'أحمد الشرع',
    ]);
  });

  it('resolves a follow-up verb (وأضاف) and a role (الوزير) to the claimant named before', () => {
    expect(
      claimants(
        'قال وزير الصحة سامي العلي إن الحملة بدأت. وأضاف أن اللقاح مجاني. وأكد الوزير أن المخزون يكفي.',
      ),
    ).toEqual(['سامي العلي', 'سامي العلي', 'سامي العلي']);
  });

  it('names organisations, وفق/بحسب and anonymous sources', () => {
    expect(claimants('بعث بوتين برسالة إلى الشرع، وفق ما أعلن الكرملين يوم الخميس.')).toEqual(['الكرملين']);
    expect(claimants('وبحسب وكالة الأنباء السورية الرسمية، فإن الشرع رحب بالرسالة.')).toEqual([
      'وكالة الأنباء السورية الرسمية',
    ]);
    expect(claimants('وأكد مصدر دبلوماسي روسي لـ«الشرق الأوسط» أن موسكو لم تتدخل.')).toEqual([
      'مصدر دبلوماسي روسي',
    ]);
  });

  it('gives the fullest name ("بيسكوف" → "ديمتري بيسكوف")', () => {
    expect(claimants('التقى ديمتري بيسكوف الصحافيين. وأشار بيسكوف إلى أن الرسالة وصلت.')).toEqual([
      null,
      'ديمتري بيسكوف',
    ]);
  });

  it('gives narration no claimant', () => {
    expect(
      claimants('ارتفعت أسعار النفط بنحو 3 في المائة يوم الاثنين. وتستمر الحملة حتى نهاية الشهر.'),
    ).toEqual([null, null]);
  });
});
