// The importer's entry point: bytes of one file → its articles, or an ImportError saying why not.
// Runs inside the import worker (never on Electron's main thread) and in the CLI.
import type { ImportFormat, ParsedFile } from '../../src-shared/model';
import { finalizeArticle, type ArticleDraft } from './article';
import { normaliseLines } from './canonical-fast';
import { checkEncodingName, decodeText } from './decode';
import { binaryFormat, declaredCharset, textFormat } from './detect-format';
import { ImportError } from './errors';
import { parseNewsDump } from './news-dump';
import { parsePlainText } from './plain-text';
import { parseMarkdown } from './markdown';
import { ProgressMeter, type PassProgress, type ProgressListener } from './progress';

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

async function finish(
  file: string,
  format: ImportFormat,
  encoding: string,
  drafts: ArticleDraft[],
  meter: ProgressMeter,
): Promise<ParsedFile> {
  const finalizing = meter.pass('finalize');
  const articles = await Promise.all(
    drafts.map((draft, i) => {
      finalizing(i / drafts.length, drafts.length);
      return finalizeArticle(draft);
    }),
  );
  const withText = articles.filter((a) => a.title !== '' || a.blocks.length > 0);
  if (withText.length === 0) throw new ImportError('no text found');
  return { file, format, encoding, articles: withText };
}

async function parseText(
  format: ImportFormat,
  text: string,
  name: string,
  splitting: PassProgress,
): Promise<ArticleDraft[]> {
  switch (format) {
    case 'html': {
      const { parseHtml } = await import('./html');
      return parseHtml(text, baseTitle(name));
    }
    case 'markdown':
      return parseMarkdown(text);
    case 'news-dump':
      return parseNewsDump(text, splitting);
    default:
      return parsePlainText(text);
  }
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
  if (binary === 'docx') {
    const { parseDocx } = await import('./docx');
    return finish(name, 'docx', 'utf-8', await parseDocx(bytes, baseTitle(name)), meter);
  }
  const decoded = decodeText(bytes, { override: options.encoding, declared: declaredCharset(bytes, name) });
  const text = normaliseLines(decoded.text);
  if (!/\S/.test(text)) throw new ImportError('no text found');
  meter.pass('read')(1, 0);
  const format = textFormat(text, name);
  const drafts = await parseText(format, text, name, meter.pass('split'));
  return finish(name, format, decoded.encoding, drafts, meter);
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
