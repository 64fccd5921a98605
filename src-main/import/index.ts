// The importer's entry point: bytes of one file → its articles, or an ImportError saying why not.
// Runs inside the import worker (never on Electron's main thread) and in the CLI.
import type { ImportFormat, ParsedArticle, ParsedFile } from '../../src-shared/model';
import { normaliseLines, normaliseRaw } from '../../src-shared/canonical';
import { finalizeArticle, type ArticleDraft } from './article';
import { looksLikeClaimReview } from '../../src-shared/factcheck/claimreview-read';
import { checkEncodingName, decodeText } from './decode';
import { binaryFormat, declaredCharset, textFormat } from './detect-format';
import { ImportError } from './errors';
import { readNewsDump } from './news-dump';
import { readPlainText } from './plain-text';
import { parseMarkdown } from './markdown';
import { ProgressMeter, type ProgressListener } from './progress';
import { linesOfText } from './text-lines';

export { ImportError };

export interface ParseOptions {
  /** The analyst's encoding for a text file, overriding detection (e.g. "windows-1256"). */
  encoding?: string;
  /** Told how far the parse has got, at most every ~100 ms (the import progress bar). */
  onProgress?: ProgressListener;
}

/** The file name without folders and extension: the title of last resort. */
const baseTitle = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]+$/, '') || name;

function fileOf(file: string, format: ImportFormat, encoding: string, articles: ParsedArticle[]): ParsedFile {
  const withText = articles.filter((a) => a.title !== '' || a.blocks.length > 0);
  if (withText.length === 0) throw new ImportError('no text found');
  return { file, format, encoding, articles: withText };
}

function finish(
  file: string,
  format: ImportFormat,
  encoding: string,
  drafts: ArticleDraft[],
  meter: ProgressMeter,
): ParsedFile {
  const finalizing = meter.pass('finalize');
  const articles = drafts.map((draft, i) => {
    finalizing(i / drafts.length, drafts.length);
    return finalizeArticle(draft);
  });
  return fileOf(file, format, encoding, articles);
}

/** Enough of a text's start for textFormat. */
const HEAD_UNITS = 64 * 1024;

async function parseText(name: string, bytes: Uint8Array, options: ParseOptions, meter: ProgressMeter) {
  const { text: decoded, encoding } = decodeText(bytes, {
    override: options.encoding,
    declared: declaredCharset(bytes, name),
  });
  const format = textFormat(normaliseRaw(decoded.slice(0, HEAD_UNITS)), name);
  if (format === 'news-dump' || format === 'text') {
    const lines = linesOfText(decoded);
    if (lines.count === 0) throw new ImportError('no text found');
    meter.pass('read')(1, 0);
    const articles =
      format === 'news-dump' ? readNewsDump(lines, meter.pass('articles')) : readPlainText(lines);
    return fileOf(name, format, encoding, articles);
  }
  const text = normaliseLines(decoded);
  if (!/\S/.test(text)) throw new ImportError('no text found');
  meter.pass('read')(1, 0);
  let drafts: ArticleDraft[];
  if (format === 'html') {
    const { parseHtml } = await import('./html');
    // A page of a few hundred KB takes seconds (a DOM, then Readability): its stages are reported.
    drafts = await parseHtml(text, baseTitle(name), meter.pass('split'));
  } else {
    drafts = parseMarkdown(text);
  }
  return finish(name, format, encoding, drafts, meter);
}

async function parseAny(name: string, bytes: Uint8Array, options: ParseOptions): Promise<ParsedFile> {
  if (bytes.byteLength === 0) throw new ImportError('the file is empty');
  if (options.encoding !== undefined) checkEncodingName(options.encoding);
  const meter = new ProgressMeter(bytes.byteLength, options.onProgress);
  const binary = binaryFormat(bytes, name);
  if (binary === 'pdf') {
    const { parsePdf } = await import('./pdf');
    // PDF text comes from each font's Unicode map: no file-wide text encoding applies.
    return finish(name, 'pdf', 'binary', await parsePdf(bytes, baseTitle(name)), meter);
  }
  if (binary === 'qdpx') {
    const { parseQdpx } = await import('./qdpx');
    return parseQdpx(name, bytes);
  }
  if (binary === 'docx') {
    const { parseDocx } = await import('./docx');
    return finish(name, 'docx', 'utf-8', await parseDocx(bytes, baseTitle(name)), meter);
  }
  const head = new TextDecoder().decode(bytes.subarray(0, HEAD_UNITS));
  if (looksLikeClaimReview(head)) {
    const { parseClaimReviewFile } = await import('./claimreview');
    return parseClaimReviewFile(name, bytes);
  }
  if (/^\s*[[{]/.test(head) && /\.json(?:ld)?$/i.test(name))
    throw new ImportError(
      'JSON data, not an article or a ClaimReview file: W3C annotations and backups go through Import…',
    );
  return parseText(name, bytes, options, meter);
}

/** Errors a parser did not foresee, put in words the analyst can act on. */
function asImportError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  if (error instanceof RangeError && /call stack|invalid string length|array length/i.test(error.message))
    return new ImportError('the document is too deeply nested or too large to read', { cause: error });
  return new ImportError('the file could not be read (unexpected content)', { cause: error });
}

export async function parseFile(
  name: string,
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<ParsedFile> {
  try {
    return await parseAny(name, bytes, options);
  } catch (error) {
    throw asImportError(error);
  }
}

/** The message shown for a failed import: the file's name and the reason. */
export function importFailure(name: string, error: unknown): string {
  const reason = error instanceof ImportError ? error.message : 'the file could not be read (internal error)';
  return `${name}: ${reason}`;
}
