#!/usr/bin/env node
// Copied from ../shared/tools/make-news-dump.mjs (the shared project tools), so the benchmarks do
// not depend on ../shared at run time. Keep the two in step.
// Writes a large, deterministic news dump in the same layout as corpus/asharq-two-articles.txt:
// title, duplicated image caption, the scrape residue lines "TT" and "20", the header repeated,
// then body paragraphs; articles separated by three blank lines.
// Usage: make-news-dump.mjs OUT_FILE [--articles N] [--paragraphs P] [--seed S] [--crlf] [--arabic-every K]
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const out = args[0];
if (!out || out.startsWith('--')) {
  console.error(
    'usage: make-news-dump.mjs OUT_FILE [--articles N] [--paragraphs P] [--seed S] [--crlf] [--arabic-every K]',
  );
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i < 0 ? dflt : Number(args[i + 1]);
};
const articles = opt('--articles', 1000);
const paragraphs = opt('--paragraphs', 12);
const arabicEvery = opt('--arabic-every', 0);
const nl = args.includes('--crlf') ? '\r\n' : '\n';
let state = opt('--seed', 1) >>> 0 || 1;
const rand = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const people = [
  'Elena Marsh',
  'Tomas Reyes',
  'Priya Anand',
  'Jonas Whitfield',
  'Hamid Okafor',
  'Ruth Adeyemi',
  'Owen Pratt',
  'Mei Lin Torres',
];
const roles = [
  'the port director',
  'a union spokesman',
  'the finance minister',
  'an opposition lawmaker',
  'the mayor',
  'a ministry official',
];
const orgs = [
  'the Ministry of Transport',
  'the national weather service',
  'the city council',
  'the central bank',
  'the port authority',
  'Corlis Maritime',
];
const topics = [
  'grain exports',
  'library hours',
  'water prices',
  'rail freight',
  'housing permits',
  'school budgets',
  'fuel subsidies',
];
const credits = ['AFP', 'Reuters', 'AP', 'RT', 'Velmora Courier'];
const verbs = [
  'said',
  'told reporters',
  'said in a statement',
  'wrote on social media',
  'told the Velmora Courier',
];
const arTitles = [
  'وزير الاقتصاد: نمو الصادرات بنسبة 12 في المائة',
  'البنك المركزي يبقي أسعار الفائدة دون تغيير',
  'الحكومة تعلن خطة جديدة لدعم المزارعين',
];
const arBody = [
  'قال وزير الاقتصاد في مؤتمر صحافي يوم الأحد إن الصادرات ارتفعت بنسبة 12 في المائة.',
  'وأضاف أن الحكومة تستهدف مضاعفة حجم الصادرات بحلول عام 2030.',
  'في المقابل، قال خبير اقتصادي مستقل إن الأرقام الرسمية لا تأخذ في الاعتبار ارتفاع أسعار الشحن.',
];

function sentence() {
  const n = Math.floor(rand() * 90) + 2;
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `${pick(people)}, ${pick(roles)}, ${pick(verbs)} that ${pick(topics)} rose by ${n} percent last year.`;
    case 1:
      return `According to ${pick(orgs)}, ${n},${String(Math.floor(rand() * 900) + 100)} households were affected by changes to ${pick(topics)}.`;
    case 2:
      return `“We have never seen ${pick(topics)} fall this far,” ${pick(people)} ${pick(verbs)}.`;
    default:
      return `Critics say the figures for ${pick(topics)} leave out ${n} districts, a charge ${pick(orgs)} rejects.`;
  }
}

const chunks = [];
for (let a = 0; a < articles; a++) {
  const arabic = arabicEvery > 0 && a % arabicEvery === arabicEvery - 1;
  const title = arabic
    ? `${pick(arTitles)} (${a + 1})`
    : `${pick(people)} Says ${pick(topics)} Will Change in ${2026 + (a % 5)} (${a + 1})`;
  const caption =
    rand() < 0.8 ? `${pick(people)} speaks at a news conference on ${pick(topics)} (${pick(credits)})` : null;
  const head = caption
    ? [title, '', caption, caption, 'TT', '20', '', title, '', caption, caption, '']
    : [title, '', 'TT', '20', '', title, ''];
  const body = [];
  for (let p = 0; p < paragraphs; p++) {
    body.push(arabic ? pick(arBody) : [sentence(), sentence(), sentence()].join(' '), '');
  }
  chunks.push([...head, ...body].join(nl));
}
writeFileSync(out, chunks.join(nl + nl + nl) + nl);
console.log(`${out}: ${articles} articles, ${paragraphs} paragraphs each`);
