// The report's direction, as Chromium lays it out and prints it: the chrome (summary tables,
// headings, field names, "Unknown analyst") reads left to right in the reader's language, even
// for an Arabic-only library; only article text and quotes follow their own direction.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../chromium-path';
import { htmlLibraryReport } from '../../../src-shared/report/html-report';
import { describeRange } from '../../../src-shared/anchoring/selectors';
import { arabic, cloneSnapshot, english, snapshot } from './fixture-snapshot';

const browserPath = findChromium();
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const ready = browserPath !== null && hasPdftotext;
if (!ready) console.warn('report-direction.test: skipped, needs Chromium and pdftotext (poppler-utils)');

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-report-dir-'));
let browser: Browser | undefined;
beforeAll(async () => {
  if (ready) browser = await chromium.launch({ executablePath: browserPath as string, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (documentIds: string[], lib = snapshot): string =>
  htmlLibraryReport(lib, { documentIds, generatedAt: '2025-03-03T12:00:00.000Z' });

async function open(html: string): Promise<Page> {
  const context = await (browser as Browser).newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

interface Layout {
  bodyDirection: string;
  headers: { text: string; left: number }[];
  articleDirection: string;
  quoteDirections: string[];
  /** Per "Analyst" field of an Arabic document: the gap from its name to its value's text. */
  analystGaps: { value: string; gap: number }[];
}

/** Read with JavaScript off in the page: evaluate runs in Playwright's utility world. */
async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const style = (el: Element | null): CSSStyleDeclaration => getComputedStyle(el as Element);
    const arabicSection = [...document.querySelectorAll('section.document')].find(
      (s) => s.querySelector('article')?.getAttribute('dir') === 'rtl',
    ) as Element;
    const analystGaps = [...arabicSection.querySelectorAll('dl.fields > dt')]
      .filter((dt) => dt.textContent === 'Analyst')
      .map((dt) => {
        const dd = dt.nextElementSibling as Element;
        const range = document.createRange();
        range.selectNodeContents(dd);
        const text = range.getBoundingClientRect();
        return { value: dd.textContent ?? '', gap: text.left - dt.getBoundingClientRect().right };
      });
    return {
      bodyDirection: style(document.body).direction,
      headers: [...document.querySelectorAll('section.summary table')][0]
        ? [...document.querySelectorAll('section.summary table')[0]!.querySelectorAll('th')].map((th) => ({
            text: th.textContent ?? '',
            left: th.getBoundingClientRect().left,
          }))
        : [],
      articleDirection: style(arabicSection.querySelector('article')).direction,
      quoteDirections: [...arabicSection.querySelectorAll('q.quote')].map((q) => style(q).direction),
      analystGaps,
    };
  });
}

async function pdfText(page: Page, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!ready)('the report’s direction in Chromium and in its PDF', () => {
  it(
    'an Arabic-only report keeps its chrome left to right, its article and quotes right to left',
    {
      timeout: 60_000,
    },
    async () => {
      const page = await open(report([arabic.id]));
      const seen = await layout(page);
      expect(seen.bodyDirection).toBe('ltr');
      expect(seen.headers.map((h) => h.text)).toEqual(['Verdict', 'Annotations']);
      expect(seen.headers[0]!.left).toBeLessThan(seen.headers[1]!.left);
      expect(seen.articleDirection).toBe('rtl');
      expect(seen.quoteDirections).toEqual(['rtl', 'rtl']);
      // Both values, the Arabic analyst name and "Unknown analyst", sit beside their field name.
      expect(seen.analystGaps.map((g) => g.value)).toEqual(['محلل', 'Unknown analyst']);
      for (const { gap } of seen.analystGaps) expect(gap >= 0 && gap < 40, `gap ${gap}px`).toBe(true);

      const text = await pdfText(page, 'arabic-only');
      expect(text).toMatch(/^\s*Verdict\s+Annotations\s*$/m);
      expect(text).toMatch(/^\s*Claimant\s+Annotations\s+Verdicts\s*$/m);
      expect(text).toMatch(/^\s*Analyst\s+Unknown analyst\s*$/m);
      expect(text).toMatch(/^\s*Status\s+Published · Low priority\s*$/m);
    },
  );

  it(
    'a mixed report keeps an Arabic section’s "Unknown analyst" beside its label',
    {
      timeout: 60_000,
    },
    async () => {
      const page = await open(report([english.id, arabic.id]));
      const seen = await layout(page);
      expect(seen.bodyDirection).toBe('ltr');
      expect(seen.articleDirection).toBe('rtl');
      expect(seen.analystGaps.map((g) => g.value)).toEqual(['محلل', 'Unknown analyst']);
      for (const { gap } of seen.analystGaps) expect(gap >= 0 && gap < 40, `gap ${gap}px`).toBe(true);
      const text = await pdfText(page, 'mixed');
      expect(text.match(/^\s*Analyst\s+Unknown analyst\s*$/gm)).toHaveLength(2);
    },
  );

  it(
    'prints a quote with its own quotation marks once, and label and verdict apart',
    {
      timeout: 60_000,
    },
    async () => {
      const lib = cloneSnapshot();
      const exact = '"We have created 200,000 jobs,"';
      const start = english.text.indexOf(exact);
      lib.annotations[2]!.target = describeRange(english.text, start, start + exact.length);
      const text = await pdfText(await open(report([english.id], lib)), 'quotes');
      expect(text).toContain(exact);
      expect(text).not.toMatch(/[“”‘’]\s*"We have created|jobs,"\s*[“”‘’]/);
      expect(text).not.toContain('“unemployment fell');
      expect(text).toMatch(/Quote — No verdict/);
      expect(text).toMatch(/Statistic — False/);
    },
  );
});
