// The importer's entry point: bytes of one file → its articles, or an ImportError saying why not.
// Runs inside the import worker (never on Electron's main thread) and in the CLI.
import type { ImportFormat, ParsedFile } from '../../src-shared/model';
import { normaliseRaw } from '../../src-shared/canonical';
import { finalizeArticle, type ArticleDraft } from './article';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { looksLikeNewsDump, parseNewsDump } from './news-dump';
import { parsePlainText } from './plain-text';

export { ImportError };

export async function parseFile(name: string, bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.byteLength === 0) throw new ImportError('the file is empty');
  const { text: raw, encoding } = decodeText(bytes);
  const text = normaliseRaw(raw);
  if (text.trim() === '') throw new ImportError('no text found');
  let format: ImportFormat;
  let drafts: ArticleDraft[];
  if (looksLikeNewsDump(text)) {
    format = 'news-dump';
    drafts = parseNewsDump(text);
  } else {
    format = 'text';
    drafts = parsePlainText(text);
  }
  const articles = await Promise.all(drafts.map(finalizeArticle));
  if (articles.length === 0) throw new ImportError('no articles found');
  return { file: name, format, encoding, articles };
}

/** The message shown for a failed import: the file's name and the reason. */
export function importFailure(name: string, error: unknown): string {
  const reason = error instanceof ImportError ? error.message : 'the file could not be read (internal error)';
  return `${name}: ${reason}`;
}
