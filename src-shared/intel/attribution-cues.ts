// The word lists attribution reads sentences with: the verbs that report speech, the words that
// name a role rather than a person, the nouns anonymous sources are made of, in English and Arabic.
// Written for Claimdesk from ordinary news usage (no lexicon copied). English words are lower-case;
// Arabic words are written without the article ال and folded on load (src-shared/search/fold.ts).

import { foldForSearch } from '../search/fold';

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));
/** Arabic lists are written as spelled and folded here, as sentences are before lookup. */
const arabicSet = (words: string): Set<string> => new Set([...set(words)].map(foldForSearch));

/** Verbs that put words in a subject's mouth: "X said", "said X". */
export const EN_SPEECH_VERBS = set(`
  said says say told tells added adds stated states claimed claims announced announces insisted
  insists stressed stresses noted notes argued argues warned warns explained explains confirmed
  confirms denied denies asserted asserts maintained maintains alleged alleges wrote writes tweeted
  posted declared declares acknowledged acknowledges admitted admits emphasized emphasised
  emphasizes emphasises reiterated reiterates replied responded countered continued concluded
  contended contends predicted predicts vowed pledged promised estimated estimates revealed
  disclosed reported reports cautioned underlined observed remarked commented boasted complained
  accused accuses suggested suggests recalled conceded urged urges affirmed affirms disputed
  disputes wondered asked called calls
`);

/** Words between a subject and its verb that do not change who speaks. */
export const EN_SKIPPABLE = set(`
  also has have had previously later earlier further reportedly repeatedly then recently once again
  publicly privately separately yesterday today tonight on monday tuesday wednesday thursday friday
  saturday sunday last week month night morning evening long went to would will did does do can
  could may might
`);

export const EN_NEGATIONS = set(`
  not never n't didn't hasn't haven't hadn't doesn't don't won't wouldn't refused declined
`);
export const EN_PASSIVE = set(`was were been being be is are`);

export const EN_PRONOUNS: Record<string, 'person' | 'organisation' | 'any'> = {
  he: 'person',
  she: 'person',
  it: 'organisation',
  they: 'any',
};

/** Determiners that open a descriptive subject: "a Russian diplomatic source". */
export const EN_DETERMINERS = set(`
  a an the one two three four five several some many most other another two-thirds both his her
  its their our
`);

/** Heads of an anonymous or collective subject, lower-case ("officials said"). */
export const EN_SOURCE_NOUNS = set(`
  source sources official officials spokesman spokeswoman spokesperson spokespeople diplomat diplomats
  analyst analysts expert experts witness witnesses resident residents observer observers critic
  critics activist activists lawmaker lawmakers legislator legislators minister ministers ministry
  government police army military authorities statement report researchers researcher scientists
  scientist doctors doctor aide aides adviser advisers advisor advisors negotiator negotiators officer
  officers commander commanders insider insiders investigator investigators prosecutors prosecutor
  organisers organizers campaigners economist economists president leader leaders presidency embassy
  agency company firm group union council committee court spokesmen members member envoy envoys
  residents survivors medics rescuers journalists journalist correspondent people person man woman
  office department administration regime coalition alliance movement party militia rebels
`);

/** Nouns for a document that speaks for someone: "a statement by the ministry". */
export const EN_DOCUMENT_NOUNS = set(`
  statement report letter communique communiqué readout post tweet video transcript note memo
  announcement release notice declaration document filing figures data statistics
`);

/** Titles and roles stripped from a name ("Kremlin spokesman Dmitry Peskov" → Dmitry Peskov). */
export const EN_TITLES = set(`
  president vice-president minister secretary secretary-general spokesman spokeswoman spokesperson
  ambassador envoy senator governor mayor chairman chairwoman chair ceo director chief commander
  king queen prince princess sheikh emir pope judge justice mr mrs ms dr prof professor gen general
  col colonel lt captain sen rep gov speaker leader premier chancellor mp lawmaker representative
  commissioner counsel attorney officer adviser advisor head coordinator rapporteur analyst
  researcher economist founder president-elect deputy undersecretary under-secretary director-general
  chief-of-staff lieutenant major sergeant admiral marshal brigadier crown
`);

/** Words that make a capitalised run an organisation, never a person to strip titles from. */
export const EN_ORG_HEADS = set(`
  ministry office council agency army forces force department government committee commission
  kremlin presidency embassy bank fund union party movement front organisation organization
  institute university court parliament assembly senate congress house authority authorities
  administration company corporation group coalition alliance command police service services
  network channel news times post agency observatory foundation center centre association federation
  league board bureau guard guards brigade brigades corps hospital school
`);

/** Particles inside names: "Ahmad al-Sharaa", "Ursula von der Leyen", "Mohammed bin Salman". */
export const EN_NAME_PARTICLES = set(
  `al el bin ibn bint abu abd de del della der van von da di du le la dos`,
);

/** Stops a forward subject ("according to X, …"; "said X, …"). */
export const EN_PHRASE_STOPS = set(`
  that who which whom whose on in at to as during after before when while because if but and or
  from since until amid despite about over with without
`);

/** Capitalised only because they open a sentence or clause: never a subject's first word. */
export const EN_CAPITALISED_COMMON = set(`
  the a an in on at but and however meanwhile this that these those there it he she they we i his
  her their its our if when while after before since as for according yet so also still even
`);

// ------------------------------------------------------------------------------------------------
// Arabic

/** Reporting verbs as written after و/ف and with the feminine ت, listed in their folded stems. */
export const AR_SPEECH_VERBS = arabicSet(`
  قال قالت يقول تقول اكد اكدت يؤكد تؤكد اضاف اضافت يضيف تضيف اوضح اوضحت يوضح توضح اشار اشارت يشير
  تشير ذكر ذكرت يذكر تذكر صرح صرحت يصرح تصرح اعلن اعلنت يعلن تعلن شدد شددت يشدد تشدد لفت لفتت اعتبر
  اعتبرت يعتبر تعتبر نفي نفت ينفي تنفي كشف كشفت يكشف تكشف تابع تابعت افاد افادت يفيد تفيد زعم زعمت
  ادعي ادعت يري تري حذر حذرت يحذر تحذر اعرب اعربت بينت انتقد انتقدت ينتقد تنتقد توقع توقعت يتوقع
  تتوقع شكك شككت يشكك تشكك يشكو تشكو يشكون اشتكي اعترف اعترفت
`);

/** "according to": وفق/وفقا لـ، بحسب، حسب، نقلا عن. */
export const AR_ACCORDING = arabicSet(`وفق وفقا حسب بحسب طبقا نقلا`);

/** Words that end the subject after an Arabic verb: إن/أن, prepositions, times. */
export const AR_STOPS = arabicSet(`
  ان انه انها انهم وان بان بانه بانها في خلال عقب بعد امس اليوم يوم الاحد الاثنين الثلاثاء الاربعاء
  الخميس الجمعه السبت عن علي الي من مع ل لـ لدي اثناء حول امام ضمن عبر الذي التي الذين وهو وهي ما
  منذ بسبب
`);

/** Title and role words in Arabic (folded, without ال): stripped before a name. */
export const AR_TITLES = arabicSet(`
  متحدث متحدثه باسم وزير وزيره رئيس رئيسه نائب امين عام سفير سفيره مستشار مستشاره مسؤول مسؤوله مدير
  مديره قائد ملك امير ولي عهد شيخ سيناتور حاكم محافظ عضو زعيم رءيس السيد السيده الدكتور دكتور
  المبعوث مبعوث مندوب مندوبه خارجيه داخليه دفاع اقتصاد ماليه صحه الخارجيه مساعد قاضي النائب
`);

/** Heads of an anonymous or collective subject ("مصدر دبلوماسي روسي", "شهود عيان"). */
export const AR_SOURCE_NOUNS = arabicSet(`
  مصدر مصادر مسؤول مسؤولون مسؤولين دبلوماسي دبلوماسيون خبير خبراء شهود شاهد محلل محللون سكان ناشطون
  ناشط مراقبون مراقب مسؤوله اوساط طبيب طبيبه اطباء نايبا نايب موظف موظفون عامل عمال مواطن مواطنون
`);

/** Nouns for a document that speaks for someone ("بيان للوزارة", "بيانات البلدية"). */
export const AR_DOCUMENT_NOUNS = arabicSet(`
  بيان بيانات تقرير تقارير ارقام احصاءات احصاءيات وثيقه رساله تصريحات معطيات
`);

/** Words that may open an Arabic sentence before its subject ("لكن نائباً… شكك"). */
export const AR_OPENERS = arabicSet(`لكن بينما فيما كما و`);

/** Heads of an organisation ("وزارة الخارجية", "الكرملين"). */
export const AR_ORG_HEADS = arabicSet(`
  وزاره حكومه وكاله مجلس هيءه هيئه رئاسه كرملين بيت جيش قوات شركه منظمه لجنه بنك صندوق حزب حركه
  سفاره مكتب جامعه محكمه برلمان بلديه مفوضيه تحالف ائتلاف نقابه
`);

/** Subject pronouns attached to a follow-up verb ("وأضاف أن…"): resolved to the last claimant. */
export const AR_FEMININE_SUFFIX = 'ت';
