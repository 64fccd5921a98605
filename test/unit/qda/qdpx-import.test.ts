// Export → import: a .qdpx made from a library and read back into a fresh one (through the
// importer the worker runs, then the one-transaction attach) keeps every highlight's quote and
// label, in Arabic and around emoji; a project made by another tool imports; hostile or broken
// archives are refused with the file and the problem named, and the library is left unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';
import type { ParsedFile } from '../../../src-shared/model';
import { readProjectQde } from '../../../src-shared/qda/qde-read';
import { projectQde, qdpxArchive } from '../../../src-shared/qda/qde-write';
import { writeZip } from '../../../src-shared/safe-zip';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { attachQdpx, describeQdpx, type QdpxOutcome } from '../../../src-renderer/src/db/qdpx-attach';
import { libraryCounts, readSnapshot, restoreSnapshot } from '../../../src-renderer/src/db/snapshot';
import { arabicDoc, emojiDoc, highlights, qdaLibrary } from './qda-library';
import { rawZip } from './zip-safety';

const FIXTURES = join(__dirname, '../../fixtures/refi-qda');
const options = { origin: 'Claimdesk test', now: new Date('2025-06-01T12:00:00Z') };

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-qdpx-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

async function importInto(name: string, bytes: Uint8Array): Promise<QdpxOutcome> {
  const parsed = await parseFile(name, bytes);
  const attached = await attachQdpx(db, parsed);
  if (!attached.ok) throw new Error(attached.error);
  return attached.value;
}

/** Each highlight as the analyst sees it: document title, quote, label name. */
async function seen(): Promise<string[]> {
  const lib = await readSnapshot(db);
  return lib.annotations
    .map((a) => {
      const doc = lib.documents.find((d) => d.id === a.documentId);
      const label = lib.labels.find((l) => l.id === a.labelId);
      return `${doc?.title} | ${a.target.quote.exact} | ${label?.name}${a.orphaned ? ' (orphan)' : ''}`;
    })
    .sort();
}

describe('REFI-QDA export → import', () => {
  it('keeps every highlight’s quote, label and place in Arabic and emoji text', async () => {
    const library = qdaLibrary();
    const { bytes } = await qdpxArchive(library, options);
    const outcome = await importInto('library.qdpx', bytes);
    expect(outcome).toMatchObject({ documents: 2, attached: highlights.length, orphaned: 0, duplicates: 0 });
    // Same canonical text, so the same documents (content hash) and the same ranges.
    const lib = await readSnapshot(db);
    expect(lib.documents.map((d) => d.id).sort()).toEqual([arabicDoc.id, emojiDoc.id].sort());
    const ranges = (list: typeof highlights) =>
      list
        .map(
          (a) =>
            `${a.documentId}:${a.target.position.start}-${a.target.position.end}:${a.target.quote.exact}`,
        )
        .sort();
    expect(ranges(lib.annotations)).toEqual(ranges(highlights));
    const labelName = (id: string) => library.labels.find((l) => l.id === id)?.name;
    const title = (id: string) => library.documents.find((d) => d.id === id)?.title;
    expect(await seen()).toEqual(
      highlights
        .map((a) => `${title(a.documentId)} | ${a.target.quote.exact} | ${labelName(a.labelId)}`)
        .sort(),
    );
    expect(lib.annotations.find((a) => a.target.quote.exact.startsWith('البطالة'))?.notes).toBe(
      'Check the ILO figure.',
    );
    expect(lib.annotations.every((a) => a.author === 'Rana Haddad')).toBe(true);
  });

  it('writes positions in code points: the emoji before a highlight count once', async () => {
    const { qde } = await projectQde(qdaLibrary(), options);
    const read = readProjectQde(qde);
    if (!read.ok) throw new Error(read.error);
    const source = read.value.sources.find((s) => s.name === emojiDoc.title);
    const e2 = highlights.find((a) => a.id === 'e2');
    const selection = source?.selections.find(
      (s) => s.start === [...emojiDoc.text.slice(0, e2?.target.position.start)].length,
    );
    expect(selection).toBeDefined();
    expect(selection?.end).toBe([...emojiDoc.text.slice(0, e2?.target.position.end)].length);
    expect(e2 && e2.target.position.start - (selection?.start ?? 0)).toBeGreaterThan(0);
  });

  it('gives the same GUIDs on every export, and adds nothing when imported twice', async () => {
    const first = await projectQde(qdaLibrary(), options);
    const again = await projectQde(qdaLibrary(), { ...options, now: new Date('2026-01-01T00:00:00Z') });
    const guids = (xml: string) => xml.match(/guid="[^"]+"/g);
    expect(guids(again.qde)).toEqual(guids(first.qde));
    const { bytes } = await qdpxArchive(qdaLibrary(), options);
    await importInto('library.qdpx', bytes);
    const twice = await importInto('library.qdpx', bytes);
    expect(twice).toMatchObject({ attached: 0, duplicates: highlights.length });
  });

  it('finds the highlights of a library it came from as already there', async () => {
    await restoreSnapshot(db, qdaLibrary());
    const { bytes } = await qdpxArchive(qdaLibrary(), options);
    expect(await importInto('library.qdpx', bytes)).toMatchObject({
      attached: 0,
      duplicates: highlights.length,
    });
  });
});

describe('a project made by another tool', () => {
  it('imports the requal (RE-QDA) test project: inline text, non-standard GUIDs, a memo-only selection', async () => {
    const qde = readFileSync(join(FIXTURES, 'requal-project.qde'));
    const doc = readFileSync(join(FIXTURES, 'requal-doc1.txt'));
    const zip = writeZip({ 'project.qde': new Uint8Array(qde), 'doc1.txt': new Uint8Array(doc) });
    const outcome = await importInto('requal.qdpx', zip);
    expect(outcome).toMatchObject({
      documents: 1,
      attached: 3,
      orphaned: 0,
      labelsCreated: ['Theme A', 'Theme B'],
    });
    // Selection 32–55 of the source text, as requal's own test reads it.
    expect(await seen()).toEqual([
      'Document 1 | This is the content of the firs | Theme A',
      'Document 1 | document. It contains | Theme B',
      'Document 1 | that will be coded | Claim',
    ]);
    const lib = await readSnapshot(db);
    expect(lib.labels.find((l) => l.name === 'Theme A')?.color).toBe('#ffff00');
    expect(lib.annotations.find((a) => a.target.quote.exact === 'that will be coded')?.notes).toBe(
      'This is a test note.',
    );
    expect(describeQdpx(outcome)).toMatch(
      /^Imported 1 document and 3 highlights; new labels: Theme A, Theme B\.$/,
    );
  });

  it('reads a source from sources/ by internal:// path, passing over elements it does not know', async () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="MAXQDA 24">
  <Users><User guid="{AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA}" name="Coder"/></Users>
  <CodeBook><Codes><Code guid="C0DE0000-0000-4000-8000-000000000001" name="Parent" isCodable="false">
    <Code guid="C0DE0000-0000-4000-8000-000000000002" name="Child" isCodable="true" color="#0af"/>
  </Code></Codes></CodeBook>
  <Graphs><Graph guid="00000000-0000-4000-8000-000000000009"/></Graphs>
  <Sources>
    <PictureSource guid="00000000-0000-4000-8000-00000000000a" path="internal://x.png"/>
    <TextSource guid="5EC0A1B2-0000-4000-8000-000000000003" name="Interview" plainTextPath="internal://5EC0A1B2.txt">
      <PlainTextSelection guid="5E1E0000-0000-4000-8000-000000000004" startPosition="17" endPosition="26"
          creatingUser="aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa">
        <Coding guid="C0D10000-0000-4000-8000-000000000005"><CodeRef targetGUID="c0de0000-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
    const zip = writeZip({
      'project.qde': new TextEncoder().encode(qde),
      'sources/5EC0A1B2.txt': new TextEncoder().encode('Q: 🎤 Tell me\r\nA: the water was cold.'),
    });
    // 17–26 in code points (the emoji counts once, CR LF twice) is “the water”.
    const outcome = await importInto('maxqda.qdpx', zip);
    expect(outcome.skipped).toEqual(['1 picture source (Claimdesk holds text only)']);
    expect(await seen()).toEqual(['Interview | the water | Child']);
    expect((await readSnapshot(db)).annotations[0]?.author).toBe('Coder');
  });
});

describe('a hostile or broken .qdpx', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    [
      'bomb.qdpx',
      rawZip([{ name: 'project.qde', data: new Uint8Array(4 * 1024 * 1024), deflate: true }]),
      /zip bomb/,
    ],
    [
      'escape.qdpx',
      rawZip([{ name: '../../evil.qde', data: new Uint8Array(1) }]),
      /“..\/..\/evil.qde” has a path that leaves/,
    ],
    ['absolute.qdpx', rawZip([{ name: '/etc/cron.d/x', data: new Uint8Array(1) }]), /absolute path/],
    [
      'huge.qdpx',
      rawZip([{ name: 'project.qde', data: new Uint8Array(1), declaredSize: 3_000_000_000 }]),
      /declares 2861 MB/,
    ],
    ['empty.qdpx', writeZip({ 'readme.txt': new Uint8Array(1) }), /no project.qde/],
    [
      'xxe.qdpx',
      writeZip({
        'project.qde': new TextEncoder().encode(
          '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Project/>',
        ),
      }),
      /DOCTYPE/,
    ],
    [
      'other.qdpx',
      writeZip({ 'project.qde': new TextEncoder().encode('<Book/>') }),
      /not a REFI-QDA project/,
    ],
  ];

  it.each(cases)(
    '%s is refused with a clear message and the library is unchanged',
    async (name, bytes, message) => {
      await restoreSnapshot(db, qdaLibrary());
      const before = await libraryCounts(db);
      let parsed: ParsedFile | null = null;
      let error = '';
      try {
        parsed = await parseFile(name, bytes);
      } catch (e) {
        error = (e as Error).message;
      }
      expect(parsed).toBeNull();
      expect(error).toMatch(message);
      expect(await libraryCounts(db)).toEqual(before);
    },
  );

  it('a project whose storing fails changes nothing (one transaction)', async () => {
    const parsed = await parseFile('library.qdpx', (await qdpxArchive(qdaLibrary(), options)).bytes);
    // An annotation pointing at an article the file does not have makes bulkAdd see a bad key.
    const broken: ParsedFile = {
      ...parsed,
      qda: {
        ...parsed.qda!,
        highlights: [
          ...parsed.qda!.highlights,
          { ...parsed.qda!.highlights[0]!, externalId: 'x', target: null as never },
        ],
      },
    };
    const result = await attachQdpx(db, broken);
    expect(result.ok).toBe(false);
    expect(await libraryCounts(db)).toMatchObject({ documents: 0, annotations: 0 });
  });
});
