// `claimdesk report`: makes a report or data export from a library backup, or from a W3C
// annotation file, with the same exporters the app uses. A W3C file holds annotations but not
// the articles or the review status, so from one the command makes what it can and says what not.
import { readFile } from 'node:fs/promises';
import { parseBackup } from '../../src-shared/export/backup';
import { documentIdOf, EXPORT_FORMATS, EXPORTS, type ExportFormat } from '../../src-shared/export/formats';
import { parseW3cAnnotations, type ImportedAnnotation } from '../../src-shared/export/w3c-import';
import { DOCUMENT_IRI_PREFIX } from '../../src-shared/export/w3c-vocabulary';
import { LABEL_PALETTE } from '../../src-shared/label-colors';
import type {
  AnnotationRecord,
  DocumentRecord,
  LabelRecord,
  LibrarySnapshot,
  SourceRecord,
} from '../../src-shared/model';
import { fromImport, keptTarget } from '../../src-shared/from-import';
import { writeFileAtomic } from '../services/write-file-atomic';
import type { Io } from './index';

const USAGE = `claimdesk report INPUT --format ${EXPORT_FORMATS.join('|')} [-o OUT]`;
const FORMAT_LIST = `${EXPORT_FORMATS.slice(0, -1).join(', ')} or ${EXPORT_FORMATS.at(-1)}`;

interface ReportArgs {
  input: string;
  format: ExportFormat;
  output: string | null;
}

class ArgsError extends Error {}

function parseArgs(args: string[]): ReportArgs {
  const inputs: string[] = [];
  let format: string | null = null;
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = (name: string): string => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!v) throw new ArgsError(`${name} needs a value`);
      return v;
    };
    if (arg === '--') {
      inputs.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--format' || arg.startsWith('--format=') || arg === '-f') format = value('--format');
    else if (arg === '-o' || arg === '--output' || arg.startsWith('--output=')) output = value('-o');
    else if (arg.startsWith('-')) throw new ArgsError(`unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (inputs.length !== 1)
    throw new ArgsError('report needs exactly one INPUT file (a backup or a W3C file)');
  if (format === null) throw new ArgsError(`report needs --format (${FORMAT_LIST})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new ArgsError(`unknown format "${format}": use ${FORMAT_LIST}`);
  if (format === 'qdpx' && (output === null || output === '-'))
    throw new ArgsError('a .qdpx project is a ZIP archive: give the file to write with -o OUT');
  return { input: inputs[0] as string, format: format as ExportFormat, output };
}

/** What INPUT held: a whole library, or annotations without their articles. */
type Input =
  | { kind: 'backup'; snapshot: LibrarySnapshot }
  | { kind: 'w3c'; snapshot: LibrarySnapshot; sources: Map<string, string> };

const NO_SETTINGS = { analystName: '', organisationName: '', organisationUrl: '' };

/**
 * A library standing in for a W3C file: one document per annotated source, known only by its
 * name (no text), and the labels and claimants the annotations name.
 */
export function snapshotFromW3c(imported: readonly ImportedAnnotation[]): {
  snapshot: LibrarySnapshot;
  sources: Map<string, string>;
} {
  const documents = new Map<string, DocumentRecord>();
  const labels = new Map<string, LabelRecord>();
  const claimants = new Map<string, SourceRecord>();
  const iriOf = new Map<string, string>();
  const annotations: AnnotationRecord[] = imported.map((a, i) => {
    const own = a.source.startsWith(DOCUMENT_IRI_PREFIX);
    const documentId = own ? documentIdOf(a.source) : a.source;
    if (!documents.has(documentId)) {
      if (!own) iriOf.set(documentId, a.source);
      documents.set(documentId, {
        id: documentId,
        sourceFile: own ? '' : a.source,
        articleIndex: 0,
        title: a.sourceTitle ?? a.source,
        caption: null,
        credit: null,
        author: null,
        published: null,
        direction: 'ltr',
        format: 'text',
        encoding: 'utf-8',
        blocks: [],
        text: '',
        importedAt: '',
      });
    }
    const labelName = a.labelName ?? 'Claim';
    if (!labels.has(labelName))
      labels.set(labelName, {
        id: labelName,
        name: labelName,
        color: LABEL_PALETTE[labels.size % LABEL_PALETTE.length] as string,
        order: labels.size,
      });
    if (a.claimantName && !claimants.has(a.claimantName))
      claimants.set(a.claimantName, {
        id: a.claimantName,
        name: a.claimantName,
        kind: 'person',
        aliases: [],
        url: null,
        reliabilityNote: '',
      });
    // No text to place the passage in: it is kept as the file gave it. No time either when the
    // file gives none: the report leaves it blank rather than print the time it was made.
    return fromImport(
      a,
      {
        id: a.externalId ?? `annotation-${i + 1}`,
        documentId,
        labelId: labelName,
        claimantId: a.claimantName,
        placed: keptTarget(a.target),
      },
      { importedAt: '', evidenceId: (n) => `evidence-${n + 1}` },
    );
  });
  return {
    snapshot: {
      documents: [...documents.values()],
      annotations,
      labels: [...labels.values()],
      sources: [...claimants.values()],
      settings: NO_SETTINGS,
    },
    sources: iriOf,
  };
}

function readInput(text: string): { ok: true; input: Input } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      error: `it is neither a ClaimDesk backup nor a W3C annotation file: not valid JSON (${(e as Error).message})`,
    };
  }
  if (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === 'claimdesk-backup'
  ) {
    const backup = parseBackup(text);
    return backup.ok
      ? { ok: true, input: { kind: 'backup', snapshot: backup.value } }
      : { ok: false, error: backup.error };
  }
  const annotations = parseW3cAnnotations(json);
  if (!annotations.ok)
    return {
      ok: false,
      error: `it is not a ClaimDesk backup, nor a readable W3C file: ${annotations.error}`,
    };
  return { ok: true, input: { kind: 'w3c', ...snapshotFromW3c(annotations.value) } };
}

interface Made {
  /** The file's text (bytes for .qdpx); null when the input cannot give this format (see `notes`). */
  content: string | Uint8Array | null;
  notes: string[];
}

const NO_TEXT =
  'a W3C file holds annotations but not the articles’ text: the report lists the annotations without their articles';

/** What a W3C file cannot give each format: a note, or (for a format it cannot make at all) a refusal. */
const FROM_W3C: Partial<Record<ExportFormat, { note: string } | { refusal: string }>> = {
  html: { note: NO_TEXT },
  md: { note: NO_TEXT },
  csv: { note: 'a W3C file records no status, priority or cited sources: those columns keep their defaults' },
  claimreview: {
    refusal:
      'ClaimReview cannot be made from a W3C file: it records neither which claims are checked nor the organisation publishing the reviews. Make it from a backup.',
  },
  qdpx: {
    refusal:
      'a REFI-QDA project cannot be made from a W3C file: it holds the annotations but not the articles’ text. Make it from a backup.',
  },
};

/** The export in the format asked for, with what the analyst should know about it. */
export async function makeExport(input: Input, format: ExportFormat, now = new Date()): Promise<Made> {
  const { snapshot } = input;
  const notes: string[] = [];
  const fromW3c = input.kind === 'w3c' ? FROM_W3C[format] : undefined;
  if (fromW3c && 'refusal' in fromW3c) return { content: null, notes: [fromW3c.refusal] };
  if (fromW3c) notes.push(fromW3c.note);
  // A replaced version's annotations moved to its successor; reports follow the library's view.
  const documentIds = snapshot.documents.filter((d) => !d.supersededBy).map((d) => d.id);
  const sourceIris = input.kind === 'w3c' ? input.sources : undefined;
  const made = await EXPORTS[format].make(snapshot, { documentIds, now, sourceIris });
  return { content: made.content, notes: [...notes, ...made.leftOut] };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read',
      { cause: error },
    );
  }
}

export const reportCommand = {
  usage: USAGE,
  summary:
    'Make a report (html, md) or data export (csv, w3c, claimreview, REFI-QDA qdpx and qdc) from\n' +
    'INPUT, a ClaimDesk backup or a W3C annotation file; to OUT, or to standard output (qdpx: to\n' +
    'OUT only). From a W3C file the\n' +
    'article text and review status are unknown: what needs them is left out, and said so.',
  async run(args: string[], io: Io): Promise<number> {
    let parsed: ReportArgs;
    try {
      parsed = parseArgs(args);
    } catch (error) {
      if (!(error instanceof ArgsError)) throw error;
      io.err(`claimdesk: ${error.message}\nusage: ${USAGE}`);
      return 2;
    }
    let text: string;
    try {
      text = await readText(parsed.input);
    } catch (error) {
      io.err(`claimdesk: ${parsed.input}: ${(error as Error).message}`);
      return 1;
    }
    const read = readInput(text);
    if (!read.ok) {
      io.err(`claimdesk: ${parsed.input}: ${read.error}`);
      return 1;
    }
    const { format } = parsed;
    const made = await makeExport(read.input, format);
    for (const note of made.notes) io.err(`claimdesk: note: ${note}`);
    if (made.content === null) {
      io.err(`claimdesk: ${parsed.input}: nothing written`);
      return 1;
    }
    if (parsed.output === null || parsed.output === '-') {
      io.out(String(made.content).replace(/\r?\n$/, ''));
      return 0;
    }
    try {
      await writeFileAtomic(parsed.output, made.content);
    } catch (error) {
      io.err(`claimdesk: ${parsed.output}: could not be written (${(error as Error).message})`);
      return 1;
    }
    return 0;
  },
};
