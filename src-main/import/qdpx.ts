// Importing a REFI-QDA project (.qdpx), in the import worker like every untrusted file: the
// archive is checked and read with limits (src-shared/safe-zip.ts), project.qde parsed by
// the strict reader, each text source read as plain text into an article, and each coding
// placed in that article's canonical text by the app's anchoring (position, exact quote, fuzzy
// quote). What comes back is a ParsedFile whose `qda` holds the codes and placed highlights.
import { anchorTarget } from '../../src-shared/anchoring/anchor';
import { describeRange, QUOTE_CONTEXT } from '../../src-shared/anchoring/selectors';
import {
  articleDocBlocks,
  BLOCK_SEPARATOR,
  canonicalBlock,
  canonicalText,
  normaliseRaw,
} from '../../src-shared/canonical';
import type { AnnotationTarget, ParsedArticle, ParsedFile } from '../../src-shared/model';
import { utf16Offset } from '../../src-shared/qda/positions';
import type { QdaHighlight } from '../../src-shared/qda/qda-model';
import { readProjectQde, type QdeProject, type QdeSource } from '../../src-shared/qda/qde-read';
import { listZip, readEntry, type ZipEntry } from '../../src-shared/safe-zip';
import { ImportError } from './errors';
import { parsePlainText } from './plain-text';

const must = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!result.ok) throw new ImportError(result.error);
  return result.value;
};

/** Raw text the way the canonical rules will have it: blank lines part blocks, other whitespace is one space. */
export function canonicalPassage(raw: string): string {
  return normaliseRaw(raw)
    .split(/\n[^\S\n]*\n\s*/)
    .map((t) => canonicalBlock(t).text)
    .filter((b) => b !== '')
    .join(BLOCK_SEPARATOR);
}

class Archive {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    for (const entry of must(listZip(bytes))) this.byName.set(entry.name.toLowerCase(), entry);
  }

  find(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  text(entry: ZipEntry): string {
    return new TextDecoder().decode(must(readEntry(this.bytes, entry))).replace(/^\uFEFF/, '');
  }
}

/** The archive entry a plainTextPath names: internal:// is the sources/ folder; bare names are looked for there too. */
function sourceEntry(archive: Archive, path: string): ZipEntry | undefined {
  const internal = /^internal:\/\/(.+)$/i.exec(path)?.[1];
  const name = (internal ?? path).replace(/^\.?\//, '');
  return internal ? archive.find(`sources/${name}`) : (archive.find(name) ?? archive.find(`sources/${name}`));
}

interface ReadSource {
  source: QdeSource;
  raw: string;
  article: ParsedArticle;
  /** Where the raw text begins in the article's canonical text, roughly: after a title added from the name. */
  shift: number;
}

/** The source as an article. Its title is its first line when that is its name, else the name. */
function articleOf(source: QdeSource, raw: string): { article: ParsedArticle; shift: number } | null {
  const own = parsePlainText(raw)[0];
  if (own && (source.name === '' || own.title === canonicalBlock(source.name).text))
    return { article: own, shift: 0 };
  const titled = parsePlainText(`${source.name}\n\n${raw}`)[0];
  if (!titled) return null;
  return { article: titled, shift: canonicalBlock(source.name).text.length + BLOCK_SEPARATOR.length };
}

function place(
  text: string,
  read: ReadSource,
  start: number,
  end: number,
): { target: AnnotationTarget; placed: boolean } {
  const { raw, shift } = read;
  const quote = {
    type: 'TextQuoteSelector' as const,
    exact: canonicalPassage(raw.slice(start, end)),
    prefix: canonicalPassage(raw.slice(Math.max(0, start - QUOTE_CONTEXT), start)).slice(-QUOTE_CONTEXT),
    suffix: canonicalPassage(raw.slice(end, end + QUOTE_CONTEXT)).slice(0, QUOTE_CONTEXT),
  };
  const hint = Math.min(text.length, start + shift);
  const position = { type: 'TextPositionSelector' as const, start: hint, end: hint + quote.exact.length };
  const at = quote.exact === '' ? null : anchorTarget(text, { quote, position });
  return at
    ? { target: describeRange(text, at.start, at.end), placed: true }
    : { target: { quote, position }, placed: false };
}

function highlightsOf(project: QdeProject, read: ReadSource, article: number): QdaHighlight[] {
  const text = canonicalText(articleDocBlocks(read.article));
  return read.source.selections.flatMap((s): QdaHighlight[] => {
    const start = utf16Offset(read.raw, s.start);
    const end = utf16Offset(read.raw, s.end);
    if (end <= start) return [];
    const { target, placed } = place(text, read, start, end);
    const notes = s.noteGuids.flatMap((g) => project.notes.get(g) ?? []).join('\n\n');
    const author = s.creatingUser ? (project.users.get(s.creatingUser) ?? null) : null;
    const base = { article, target, placed, notes, author: author || null, created: s.created };
    // One highlight per coding: a Claimdesk highlight carries one label.
    if (s.codings.length === 0) return [{ ...base, externalId: s.guid, codeGuid: null }];
    return s.codings.map((c) => ({ ...base, externalId: `${s.guid}/${c.guid}`, codeGuid: c.codeGuid }));
  });
}

export function parseQdpx(name: string, bytes: Uint8Array): ParsedFile {
  const archive = new Archive(bytes);
  const qde = archive.find('project.qde');
  if (!qde) throw new ImportError('the archive holds no project.qde, so it is not a REFI-QDA project');
  const project = must(readProjectQde(archive.text(qde)));
  const skipped = [...project.skipped];
  const read: ReadSource[] = [];
  for (const source of project.sources) {
    const entry = source.content === null && source.path ? sourceEntry(archive, source.path) : undefined;
    const raw = source.content ?? (entry ? archive.text(entry) : null);
    const label = `“${source.name || source.guid}”`;
    if (raw === null) {
      skipped.push(`${label}: its text is not in the archive${source.path ? ` (${source.path})` : ''}`);
      continue;
    }
    const made = articleOf(source, raw);
    if (!made) skipped.push(`${label}: it has no text`);
    else read.push({ source, raw, ...made });
  }
  if (read.length === 0)
    throw new ImportError(
      `the project holds no text source Claimdesk can read${skipped.length ? ` (${skipped.join('; ')})` : ''}`,
    );
  return {
    file: name,
    format: 'text',
    encoding: 'utf-8',
    articles: read.map((r) => r.article),
    qda: {
      origin: project.origin,
      codes: project.codes,
      highlights: read.flatMap((r, i) => highlightsOf(project, r, i)),
      skipped,
    },
  };
}
