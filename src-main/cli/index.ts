// Claimdesk's command line (bin/claimdesk.js → out/main/cli.js). `claimdesk parse FILE...` prints
// what the importer makes of each file, parsed as the app parses it: in the import worker, with
// its memory cap and time limit; `claimdesk report` (./report.ts) exports a backup or W3C file
// as a report or data file; `claimdesk suggest` (./suggest.ts) ranks and attributes each
// article's sentences.
import { readFile } from 'node:fs/promises';
import type { ParsedArticle, ParsedFile } from '../../src-shared/model';
import type { ParseOptions } from '../import/index';
import { importFile } from '../services/import-service';
import { deskCommand } from './desk';
import { reportCommand } from './report';
import { suggestCommand } from './suggest';
import { errorMessage } from '../../src-shared/util/error-message';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

interface Command {
  usage: string;
  summary: string;
  /** Returns the exit status. */
  run(args: string[], io: Io): Promise<number>;
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// parse

const articleJson = (a: ParsedArticle): object => ({
  title: a.title,
  caption: a.caption,
  credit: a.credit,
  author: a.author,
  published: a.published,
  siteName: a.siteName ?? null,
  direction: a.direction,
  contentHash: a.contentHash,
  blocks: a.blocks.map((b) => ({
    kind: b.kind,
    text: b.text,
    ...(b.level === undefined ? {} : { level: b.level }),
    ...(b.direction === a.direction ? {} : { direction: b.direction }),
    ...(b.links ? { links: b.links } : {}),
  })),
});

const fileJson = (f: ParsedFile): object => ({
  file: f.file,
  format: f.format,
  encoding: f.encoding,
  articles: f.articles.map(articleJson),
  ...(f.factChecks ? { factChecks: f.factChecks } : {}),
});

function parseArgs(args: string[]): { files: string[]; options: ParseOptions; compact: boolean } {
  const files: string[] = [];
  const options: ParseOptions = {};
  let compact = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    } else if (arg === '--compact') {
      compact = true;
    } else if (arg === '--encoding' || arg.startsWith('--encoding=')) {
      const value = arg === '--encoding' ? args[++i] : arg.slice('--encoding='.length);
      if (!value) throw new UsageError('--encoding needs a name, e.g. --encoding windows-1256');
      options.encoding = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError('parse needs at least one FILE');
  return { files, options, compact };
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    throw new Error(reason, { cause: error });
  }
}

const parseCommand: Command = {
  usage: 'claimdesk parse [--encoding NAME] [--compact] FILE...',
  summary:
    'Import each FILE and print its articles as JSON (one file: an indented object; several: one\n' +
    'compact object per line). --encoding overrides the detected encoding of text files.',
  async run(args, io) {
    const { files, options, compact } = parseArgs(args);
    const oneLine = compact || files.length > 1;
    let failed = false;
    for (const file of files) {
      try {
        // The same worker, memory cap and time limit as the app's imports.
        const parsed = await importFile(file, await readBytes(file), options);
        if (parsed.ok) io.out(JSON.stringify(fileJson(parsed.value), null, oneLine ? undefined : 2));
        else {
          failed = true;
          io.err(`claimdesk: ${parsed.error}`);
        }
      } catch (error) {
        failed = true;
        io.err(`claimdesk: ${file}: ${(error as Error).message}`);
      }
    }
    return failed ? 1 : 0;
  },
};

// ---------------------------------------------------------------------------------------------
// The command table: a new command (e.g. `report`) is one more entry here.

const COMMANDS: Record<string, Command> = {
  parse: parseCommand,
  report: reportCommand,
  suggest: suggestCommand,
  desk: deskCommand,
};

function usage(): string {
  const lines = ['usage: claimdesk COMMAND [ARGS]', '       claimdesk --help', '', 'commands:'];
  for (const command of Object.values(COMMANDS)) {
    lines.push(`  ${command.usage}`, ...command.summary.split('\n').map((l) => `      ${l}`));
  }
  return lines.join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`claimdesk: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: ${command.usage}\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`claimdesk: ${error.message}\nusage: ${command.usage}`);
    return 2;
  }
}

const stdio: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** What bin/claimdesk.js calls: runs the command line and sets the exit status. */
export async function runCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await main(argv, stdio);
  } catch (error) {
    process.stderr.write(`claimdesk: internal error: ${errorMessage(error)}\n`);
    process.exitCode = 70;
  }
}
