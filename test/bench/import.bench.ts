// Import benchmarks: parseFile (the code the import worker runs) on a 10,000-article news dump,
// a 200-page PDF and a 40 MB single-article text, each beside reading (and decoding) the same
// file; and the dump's peak memory beside its size, measured in a fresh child process.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { parseFile } from '../../src-main/import/index';
import { pairedMedianMs, type BenchLine, type Benchmark } from './harness';

const run$ = promisify(execFile);
const MB = 1024 * 1024;
const makeNewsDump = fileURLToPath(new URL('./make-news-dump.mjs', import.meta.url));
const importerUrl = pathToFileURL(
  fileURLToPath(new URL('../../src-main/import/index.ts', import.meta.url)),
).href;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const readAndDecode = async (file: string): Promise<string> => new TextDecoder().decode(await readFile(file));
const parse = async (file: string): Promise<unknown> => {
  const buffer = await readFile(file);
  return parseFile(file, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
};

/** parseFile's median time beside reading the file (and decoding it, for text formats), in turns. */
async function parseVersus(
  what: string,
  file: string,
  baselineName: 'read' | 'read + TextDecoder',
  aim?: number,
): Promise<BenchLine> {
  const baseline = baselineName === 'read' ? () => readFile(file) : () => readAndDecode(file);
  const times = await pairedMedianMs(() => parse(file), baseline);
  return {
    name: `${what}: parseFile`,
    value: times.value,
    unit: 'ms',
    baselineName,
    baseline: times.baseline,
    ...(aim === undefined ? {} : { aim }),
  };
}

interface FreshRun {
  /** Peak resident memory above the process's size just before reading. */
  peakMb: number;
  ms: number;
}

/**
 * One read and parse (or, with `decodeOnly`, one read and decode) in a fresh process, as the
 * app's import worker meets a file: nothing compiled or warmed, the heap at its first size.
 */
async function freshRun(file: string, decodeOnly = false): Promise<FreshRun> {
  const work = decodeOnly
    ? `new TextDecoder().decode(buffer);`
    : `const parsed = await parseFile(${JSON.stringify(file)}, bytes);
       if (parsed.articles.length === 0) throw new Error('no articles');`;
  const script = `
    const { readFile } = await import('node:fs/promises');
    const { parseFile } = await import(${JSON.stringify(importerUrl)});
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    const buffer = await readFile(${JSON.stringify(file)});
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    ${work}
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ before, peak: process.resourceUsage().maxRSS * 1024, ms }));`;
  const { stdout } = await run$(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    maxBuffer: 16 * MB,
  });
  const { before, peak, ms } = JSON.parse(stdout.trim().split('\n').pop() as string) as {
    before: number;
    peak: number;
    ms: number;
  };
  return { peakMb: (peak - before) / MB, ms };
}

/** A report of `pages` A4 pages, 40 lines of 11 pt text each, a heading every tenth page. */
async function buildPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    let y = 790;
    if (p % 10 === 0) {
      page.drawText(`Chapter ${p / 10 + 1}: Harbour finances`, { x: 60, y, size: 18, font: bold });
      y -= 34;
    }
    for (let line = 0; line < 40 && y > 60; line++) {
      const end = line % 5 === 4;
      const text = end
        ? `and the board said the figures for page ${p + 1} were final.`
        : `Line ${line + 1} of page ${p + 1}: the port authority reported tonnage, fees and wages for the quarter,`;
      page.drawText(text, { x: 60, y, size: 11, font });
      y -= end ? 24 : 14;
    }
  }
  return doc.save();
}

/** One article of about `bytes` bytes: a title, then paragraphs of numbered sentences. */
function bigArticle(bytes: number): string {
  const parts = ['Velmora Budget Hearing Runs Into the Night\n\n'];
  let size = parts[0]?.length ?? 0;
  for (let n = 1; size < bytes; n++) {
    const paragraph = `Paragraph ${n}: councillors questioned the ${n % 7} percent rise in library costs, and the finance director said the figure for district ${n % 41} “includes the new wages”.\n\n`;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join('');
}

export const run: Benchmark = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-import-bench-'));
  const lines: BenchLine[] = [];
  try {
    const dump = join(dir, 'news-dump.txt');
    await run$(process.execPath, [makeNewsDump, dump, '--articles', '10000', '--arabic-every', '7']);
    const dumpMb = (await readFile(dump)).byteLength / MB;
    // Memory first, in a fresh process, so nothing measured here inflates it.
    const fresh = await freshRun(dump);
    lines.push({
      name: 'news dump (10,000 articles): peak memory of parseFile',
      value: fresh.peakMb,
      unit: 'MB',
      baselineName: 'file size',
      baseline: dumpMb,
      aim: 5,
    });
    lines.push(await parseVersus('news dump (10,000 articles)', dump, 'read + TextDecoder', 2));
    // What an analyst meets: each import runs in a new worker, so its parse is a first one.
    lines.push({
      name: 'news dump (10,000 articles): first parseFile in a fresh process',
      value: fresh.ms,
      unit: 'ms',
      baselineName: 'first read + TextDecoder in one',
      baseline: (await freshRun(dump, true)).ms,
    });

    // The same dump as saved on Windows: CR LF line ends, read by the scanner itself.
    const crlf = join(dir, 'news-dump-crlf.txt');
    await run$(process.execPath, [
      makeNewsDump,
      crlf,
      '--articles',
      '10000',
      '--arabic-every',
      '7',
      '--crlf',
    ]);
    lines.push(await parseVersus('news dump with CR LF line ends', crlf, 'read + TextDecoder'));

    const pdf = join(dir, 'report-200-pages.pdf');
    await writeFile(pdf, await buildPdf(200));
    lines.push(await parseVersus('PDF (200 pages)', pdf, 'read'));

    const text = join(dir, 'single-article-40mb.txt');
    await writeFile(text, bigArticle(40 * MB));
    lines.push(await parseVersus('plain text (one 40 MB article)', text, 'read + TextDecoder'));
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
