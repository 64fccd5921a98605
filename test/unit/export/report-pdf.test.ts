// The report as PDF: the same HTML the desktop app hands to printToPDF, printed by Chromium
// (Playwright's page.pdf, JavaScript off as in the desktop's print window) and read back with
// pdftotext — every quote, English and Arabic, must be in the PDF's text.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../../chromium-path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlLibraryReport } from '../../../src-shared/report/html-report';
import { snapshot } from './fixture-snapshot';

const browserPath = findChromium();
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const missing = [
  browserPath ? null : 'Chromium (set CHROMIUM_PATH or apt-get install chromium)',
  hasPdftotext ? null : 'pdftotext (apt-get install poppler-utils)',
].filter(Boolean);
if (missing.length > 0) console.warn(`report-pdf.test: skipped, missing ${missing.join(' and ')}`);

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A word as pdftotext writes it and as the quote has it, made comparable: Arabic presentation
 * forms folded to letters (NFKC), and lam–alef in one order — pdftotext splits the lam–alef
 * ligature into the two letters the wrong way round.
 */
const fold = (word: string): string =>
  word.normalize('NFKC').replace(/\u0644([\u0622\u0623\u0625\u0627])/g, '$1\u0644');

/** pdftotext's words: the bidi controls it inserts and the quotation marks <q> adds dropped. */
function pdfWords(text: string): string[] {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069“”]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(fold);
}

const reversed = (word: string): string => [...word].reverse().join('');

/**
 * Whether the quote's words stand together in the PDF's text. pdftotext writes right-to-left
 * lines in visual order, in part: "٣٪" comes out as "٪٣", and a number run moves to the other
 * end of its line. So each word may match reversed, and the words of the quote must fill a run
 * of the same length in any order.
 */
function containsQuote(words: readonly string[], quote: string): boolean {
  const wanted = quote.split(/\s+/).filter(Boolean).map(fold);
  for (let i = 0; i + wanted.length <= words.length; i++) {
    const left = [...wanted];
    for (const word of words.slice(i, i + wanted.length)) {
      const at = left.findIndex((w) => w === word || w === reversed(word));
      if (at < 0) break;
      left.splice(at, 1);
    }
    if (left.length === 0) return true;
  }
  return false;
}

describe.skipIf(missing.length > 0)('the report printed to PDF', () => {
  it('holds every quote of every document', { timeout: 60_000 }, async () => {
    const html = htmlLibraryReport(snapshot, {
      documentIds: snapshot.documents.map((d) => d.id),
      generatedAt: '2025-03-03T12:00:00.000Z',
    });
    const browser = await chromium.launch({
      executablePath: browserPath as string,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const words = pdfWords(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      for (const a of snapshot.annotations)
        expect(containsQuote(words, a.target.quote.exact), `quote “${a.target.quote.exact}” in the PDF`).toBe(
          true,
        );
      // The check can fail: a quote that is not in the report is not found.
      expect(containsQuote(words, 'unemployment rose to 9% last year')).toBe(false);
      expect(containsQuote(words, 'Labour survey [2024]')).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
