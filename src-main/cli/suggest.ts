// `claimdesk suggest`: the app's check-worthiness ranking and attribution from the command line.
// FILE is imported exactly as `claimdesk parse` imports it (in the import worker), each article's canonical
// text is made as the library stores it, and every sentence is printed with its offsets in that
// text, its score and its claimant. With --lines, each line of FILE is one sentence.
import { readFile } from 'node:fs/promises';
import { articleDocBlocks, canonicalBlock, canonicalText } from '../../src-shared/canonical';
import { defaultModel } from '../../src-shared/intel/checkworthy-model';
import type { Sentence } from '../../src-shared/intel/sentences';
import { suggestFor, suggestSentences } from '../../src-shared/intel/suggest';
import { checkEncodingName, decodeText } from '../import/decode';
import { importFailure } from '../import/index';
import { importFile } from '../services/import-service';
import type { ParsedFile } from '../../src-shared/model';
import type { Io } from './index';

const USAGE = 'claimdesk suggest [--lines] [--json] [--encoding NAME] FILE';

class ArgsError extends Error {}

interface SuggestArgs {
  file: string;
  lines: boolean;
  encoding: string | undefined;
}

function parseArgs(args: string[]): SuggestArgs {
  const files: string[] = [];
  let lines = false;
  let encoding: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--lines') lines = true;
    else if (arg === '--json')
      continue; // JSON is the only output; the flag is accepted for clarity.
    else if (arg === '--encoding' || arg.startsWith('--encoding=')) {
      encoding = arg === '--encoding' ? args[++i] : arg.slice('--encoding='.length);
      if (!encoding) throw new ArgsError('--encoding needs a name, e.g. --encoding windows-1256');
    } else if (arg.startsWith('-')) throw new ArgsError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new ArgsError('suggest needs exactly one FILE');
  return { file: files[0] as string, lines, encoding };
}

const round = (score: number): number => Math.round(score * 1e4) / 1e4;

/** `suggest FILE`: each article's sentences, offsets in its canonical text. */
export function suggestFile(parsed: ParsedFile): object {
  const model = defaultModel();
  return {
    articles: parsed.articles.map((article) => {
      const text = canonicalText(articleDocBlocks(article));
      return {
        title: article.title,
        sentences: suggestSentences(model, text).map((s) => ({
          text: s.text,
          start: s.start,
          end: s.end,
          score: round(s.score),
          claimant: s.claimant,
          cue: s.cue,
        })),
      };
    }),
  };
}

/** `suggest --lines FILE`: each line one sentence, numbered from 1; blank lines score 0. */
export function suggestLines(bytes: Uint8Array, encoding?: string): object {
  if (encoding !== undefined) checkEncodingName(encoding);
  const { text: decoded } = decodeText(bytes, encoding === undefined ? {} : { override: encoding });
  const raw = decoded.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const lines = raw.map((line) => canonicalBlock(line).text);
  // One text, a line each, so pronouns reach back to earlier lines as in an article.
  const text = lines.join('\n');
  const sentences: (Sentence & { line: number })[] = [];
  let at = 0;
  lines.forEach((line, i) => {
    if (line !== '') sentences.push({ text: line, start: at, end: at + line.length, line: i + 1 });
    at += line.length + 1;
  });
  const suggested = suggestFor(defaultModel(), text, sentences);
  const byLine = new Map(suggested.map((s, i) => [sentences[i]?.line, s]));
  return {
    sentences: lines.map((_, i) => {
      const s = byLine.get(i + 1);
      return { line: i + 1, score: s ? round(s.score) : 0, claimant: s?.claimant ?? null };
    }),
  };
}

/** Why a file could not be read, in the analyst's words. */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  return code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
}

/** The arguments, or the exit status after printing what is wrong with them. */
function argsOrExit(args: string[], io: Io): SuggestArgs | number {
  try {
    return parseArgs(args);
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    io.err(`claimdesk: ${error.message}\nusage: ${USAGE}`);
    return 2;
  }
}

export const suggestCommand = {
  usage: USAGE,
  summary:
    'Print, as JSON, every sentence of each article in FILE (imported as `parse` does) with its\n' +
    'check-worthiness score (0–1), its claimant (null when the article names none), the cue and\n' +
    'its offsets in the article text as the app stores it. --lines: each line of FILE is a sentence.',
  async run(args: string[], io: Io): Promise<number> {
    const parsed = argsOrExit(args, io);
    if (typeof parsed === 'number') return parsed;
    const bytes = await readFile(parsed.file).then(
      (buffer) => new Uint8Array(buffer),
      (error: unknown) => readFailure(error),
    );
    if (typeof bytes === 'string') {
      io.err(`claimdesk: ${parsed.file}: ${bytes}`);
      return 1;
    }
    try {
      if (parsed.lines) {
        io.out(JSON.stringify(suggestLines(bytes, parsed.encoding)));
        return 0;
      }
      const imported = await importFile(
        parsed.file,
        bytes,
        parsed.encoding === undefined ? {} : { encoding: parsed.encoding },
      );
      if (!imported.ok) {
        io.err(`claimdesk: ${imported.error}`);
        return 1;
      }
      io.out(JSON.stringify(suggestFile(imported.value)));
      return 0;
    } catch (error) {
      io.err(`claimdesk: ${importFailure(parsed.file, error)}`);
      return 1;
    }
  },
};
