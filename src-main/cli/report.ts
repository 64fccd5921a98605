// `claimdesk report`: makes a report or data export from a library backup, or from a W3C
// annotation file, with the same exporters the app uses. A W3C file holds annotations but not
// the articles or the review status, so from one the command makes what it can and says what not.
import { readFile } from 'node:fs/promises';
import { parseBackup } from '../../src-shared/export/backup';
import { toClaimReviews } from '../../src-shared/export/claimreview';
import { annotationsToCsv } from '../../src-shared/export/csv';
import { markdownReport } from '../../src-shared/export/markdown-report';
import { toAnnotationCollection } from '../../src-shared/export/w3c-export';
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
import { APP_NAME, GENERATOR, newCollectionId } from '../../src-shared/report/export-identity';
import { htmlLibraryReport } from '../../src-shared/report/html-report';
import { codebookQdc, qdpxArchive } from '../../src-shared/qda/qde-write';
import { writeFileAtomic } from '../services/write-file-atomic';
import type { Io } from './index';

export const REPORT_FORMATS = ['html', 'md', 'csv', 'w3c', 'claimreview', 'qdpx', 'qdc'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
type TextFormat = Exclude<ReportFormat, 'qdpx' | 'qdc'>;

const USAGE = 'claimdesk report INPUT --format html|md|csv|w3c|claimreview|qdpx|qdc [-o OUT]';
const FORMAT_LIST = 'html, md, csv, w3c, claimreview, qdpx or qdc';

interface ReportArgs {
  input: string;
  format: ReportFormat;
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
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new ArgsError(`unknown format "${format}": use ${FORMAT_LIST}`);
  if (format === 'qdpx' && (output === null || output === '-'))
    throw new ArgsError('a .qdpx project is a ZIP archive: give the file to write with -o OUT');
  return { input: inputs[0] as string, format: format as ReportFormat, output };
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
    const documentId = own ? safeDecode(a.source.slice(DOCUMENT_IRI_PREFIX.length)) : a.source;
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
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

/** The REFI-QDA exports: a project from a backup (it needs the articles' text), a codebook from either. */
export async function makeQdaExport(input: Input, format: 'qdpx' | 'qdc', now = new Date()): Promise<Made> {
  if (format === 'qdc') return { content: await codebookQdc(input.snapshot.labels, APP_NAME), notes: [] };
  if (input.kind === 'w3c')
    return {
      content: null,
      notes: [
        'a REFI-QDA project cannot be made from a W3C file: it holds the annotations but not the articles’ text. Make it from a backup.',
      ],
    };
  const { bytes, skippedOrphans } = await qdpxArchive(input.snapshot, { origin: APP_NAME, now });
  const notes =
    skippedOrphans > 0
      ? [`${skippedOrphans} orphaned highlight(s) left out: their passage is no longer in the text`]
      : [];
  return { content: bytes, notes };
}

function w3cFrom(input: Input): string {
  const collection = toAnnotationCollection(input.snapshot, { id: newCollectionId(), generator: GENERATOR });
  // Documents that were never ClaimDesk's keep the address the file gave them.
  if (input.kind === 'w3c')
    for (const item of collection.first?.items ?? []) {
      const documentId = safeDecode(item.target.source.id.slice(DOCUMENT_IRI_PREFIX.length));
      const iri = input.sources.get(documentId);
      if (iri) item.target.source.id = iri;
    }
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** The export in the format asked for, with what the analyst should know about it. */
export function makeReport(input: Input, format: TextFormat, now = new Date()): Made {
  const { snapshot } = input;
  const notes: string[] = [];
  const noText =
    'a W3C file holds annotations but not the articles’ text: the report lists the annotations without their articles';
  // A replaced version's annotations moved to its successor; reports follow the library's view.
  const documentIds = snapshot.documents.filter((d) => !d.supersededBy).map((d) => d.id);
  switch (format) {
    case 'html':
      if (input.kind === 'w3c') notes.push(noText);
      return { content: htmlLibraryReport(snapshot, { documentIds, generatedAt: now.toISOString() }), notes };
    case 'md':
      if (input.kind === 'w3c') notes.push(noText);
      return { content: markdownReport(snapshot, documentIds), notes };
    case 'csv':
      if (input.kind === 'w3c')
        notes.push(
          'a W3C file records no status, priority or cited sources: those columns keep their defaults',
        );
      return { content: annotationsToCsv(snapshot), notes };
    case 'w3c':
      return { content: w3cFrom(input), notes };
    case 'claimreview': {
      if (input.kind === 'w3c') {
        notes.push(
          'ClaimReview cannot be made from a W3C file: it records neither which claims are checked nor the organisation publishing the reviews. Make it from a backup.',
        );
        return { content: null, notes };
      }
      const { reviews, problems } = toClaimReviews(snapshot);
      const quoteOf = new Map(snapshot.annotations.map((a) => [a.id, a.target.quote.exact]));
      for (const p of problems)
        notes.push(
          `claim “${quoteOf.get(p.annotationId) ?? p.annotationId}” left out: it lacks ${p.missing.join(', ')}`,
        );
      return { content: `${JSON.stringify(reviews, null, 2)}\n`, notes };
    }
  }
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
    const made =
      format === 'qdpx' || format === 'qdc'
        ? await makeQdaExport(read.input, format)
        : makeReport(read.input, format);
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
