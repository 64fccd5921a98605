// Importing W3C Web Annotation and Hypothesis files into the library on fake-indexeddb:
// annotations find their documents, are placed by their selectors, come back as orphans when
// the text changed, are never added twice, and a bad file changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAnnotationCollection } from '../../../src-shared/export/w3c-export';
import type { AnnotationRecord, LibrarySnapshot } from '../../../src-shared/model';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { readSnapshot, restoreSnapshot } from '../../../src-renderer/src/db/snapshot';
import {
  attachW3cAnnotations,
  describeAttach,
  recordIdFor,
  type AttachOutcome,
} from '../../../src-renderer/src/db/w3c-attach';
import { arabic, cloneSnapshot, english } from '../export/fixture-snapshot';

const OPTIONS = {
  id: 'urn:uuid:7d0f5c1e-2b9a-4e3f-8c6d-1a2b3c4d5e6f',
  generator: { id: 'urn:claimdesk:app', name: 'Claimdesk' },
};

let db: ClaimdeskDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-w3c-attach-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

/** The fixture library without its annotations, and the W3C file of those annotations. */
async function libraryWithoutAnnotations(lib: LibrarySnapshot = cloneSnapshot()): Promise<string> {
  const file = JSON.stringify(toAnnotationCollection(lib, OPTIONS));
  await restoreSnapshot(db, { ...lib, annotations: [] });
  return file;
}

async function attach(text: string): Promise<AttachOutcome> {
  const result = await attachW3cAnnotations(db, text, new Date('2025-04-01T00:00:00Z'));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const byId = async (): Promise<Map<string, AnnotationRecord>> =>
  new Map((await db.annotations.toArray()).map((a) => [a.id, a]));

describe('attaching W3C annotations', () => {
  it('restores a ClaimDesk export into its documents: ids, places and every field the format carries', async () => {
    const lib = cloneSnapshot();
    const file = await libraryWithoutAnnotations(lib);
    const outcome = await attach(file);
    expect(outcome).toMatchObject({ attached: 5, orphaned: 0, duplicates: 0, unmatched: 0 });
    expect(outcome.labelsCreated).toEqual([]);
    const stored = await byId();
    for (const original of lib.annotations) {
      const a = stored.get(original.id);
      expect(a, original.id).toBeDefined();
      expect(a).toMatchObject({
        documentId: original.documentId,
        target: original.target,
        labelId: original.labelId,
        verdict: original.verdict,
        rationale: original.rationale,
        notes: original.notes,
        claimantId: original.claimantId,
        author: original.author,
        created: original.created,
        modified: original.modified,
        orphaned: false,
      });
      // Only http(s) evidence travels, with its title and stance.
      expect(a!.evidence.map((e) => [e.url.normalize(), e.title, e.stance])).toEqual(
        original.evidence
          .filter((e) => e.url.startsWith('https:'))
          .map((e) => [new URL(e.url).href.normalize(), e.title, e.stance]),
      );
    }
  });

  it('recognises what is already there: the same ids, or the same passage of the same document', async () => {
    const file = await libraryWithoutAnnotations();
    await attach(file);
    const again = await attach(file);
    expect(again).toMatchObject({ attached: 0, orphaned: 0, duplicates: 5 });
    // Another tool's copy of a passage already annotated is the same annotation.
    const copy = JSON.parse(file) as { first: { items: { id: string }[] } };
    for (const item of copy.first.items) item.id = `https://elsewhere.example/anno/${item.id.slice(-6)}`;
    expect(await attach(JSON.stringify(copy))).toMatchObject({ attached: 0, duplicates: 5 });
    expect(await db.annotations.count()).toBe(5);
  });

  it('keeps an annotation whose passage is gone as an orphan on its document', async () => {
    const lib = cloneSnapshot();
    const file = JSON.stringify(toAnnotationCollection(lib, OPTIONS));
    // The English article as it reads now: the jobs quote was rewritten.
    const changed = lib.documents[0]!;
    changed.text = changed.text.replace('We have created 200,000 jobs,', 'Jobs were created,');
    changed.blocks = changed.blocks.map((b) => ({
      ...b,
      text: b.text.replace('We have created 200,000 jobs,', 'Jobs were created,'),
    }));
    await restoreSnapshot(db, { ...lib, annotations: [] });
    const outcome = await attach(file);
    expect(outcome).toMatchObject({ attached: 4, orphaned: 1 });
    const orphan = (await db.annotations.toArray()).find((a) => a.orphaned)!;
    expect(orphan.documentId).toBe(english.id);
    expect(orphan.target.quote.exact).toBe('We have created 200,000 jobs,');
    // The others moved with the edit: placed again, selectors rewritten for the new text.
    const moved = (await db.annotations.toArray()).find((a) =>
      a.target.quote.exact.startsWith('=HYPERLINK'),
    )!;
    expect(changed.text.slice(moved.target.position.start, moved.target.position.end)).toBe(
      '=HYPERLINK("http://evil.example")',
    );
  });

  it('puts annotations of a replaced version on its latest version', async () => {
    const lib = cloneSnapshot();
    const file = JSON.stringify(toAnnotationCollection(lib, OPTIONS));
    const newer = { ...lib.documents[1]!, id: 'arabic-v2', text: `${lib.documents[1]!.text}\n\nتحديث.` };
    newer.blocks = [...newer.blocks, { kind: 'paragraph', text: 'تحديث.', direction: 'rtl' }];
    lib.documents[1] = { ...lib.documents[1]!, supersededBy: 'arabic-v2' };
    lib.documents.push({ ...newer, previousVersionId: arabic.id });
    await restoreSnapshot(db, { ...lib, annotations: [] });
    await attach(file);
    const onArabic = (await db.annotations.toArray()).filter((a) => a.target.quote.exact.includes('٣٪'));
    expect(onArabic.map((a) => [a.documentId, a.orphaned])).toEqual([
      ['arabic-v2', false],
      ['arabic-v2', false],
    ]);
  });

  it('finds documents of Hypothesis annotations by address or title, and creates labels and claimants', async () => {
    await libraryWithoutAnnotations();
    const hypothesis = {
      total: 3,
      rows: [
        {
          id: 'hyp-1',
          uri: 'https://news.example.org/ar/economy/1234',
          user: 'acct:sara@hypothes.is',
          created: '2025-03-05T10:00:00.000000+00:00',
          updated: '2025-03-05T11:00:00.000000+00:00',
          text: 'تحقق من الرقم',
          tags: ['Rumour', 'False'],
          target: [
            {
              source: 'https://news.example.org/ar/economy/1234',
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: 'وفرت مئتي ألف وظيفة',
                  prefix: 'وأضاف أن الحكومة ',
                  suffix: '',
                },
              ],
            },
          ],
          document: { title: ['الوزير: البطالة انخفضت إلى ٣٪'] },
        },
        {
          id: 'hyp-2',
          uri: 'file:///home/sara/minister-speech.md',
          user: 'acct:sara@hypothes.is',
          text: '',
          tags: [],
          target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'Growth was 2.5% in Q4' }] }],
        },
        {
          id: 'hyp-3',
          uri: 'https://unknown.example/story',
          user: 'acct:sara@hypothes.is',
          tags: [],
          target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'anything' }] }],
          document: { title: ['A story we never opened'] },
        },
      ],
    };
    const outcome = await attach(JSON.stringify(hypothesis));
    expect(outcome).toMatchObject({
      attached: 2,
      orphaned: 0,
      unmatched: 1,
      unmatchedDocuments: ['A story we never opened'],
      labelsCreated: ['Rumour'],
    });
    const stored = await byId();
    const first = stored.get(await recordIdFor('hyp-1'))!;
    expect(first).toMatchObject({
      documentId: arabic.id,
      verdict: 'false',
      notes: 'تحقق من الرقم',
      author: 'sara',
      status: 'to-check',
    });
    expect(arabic.text.slice(first.target.position.start, first.target.position.end)).toBe(
      'وفرت مئتي ألف وظيفة',
    );
    const label = await db.labels.get(first.labelId);
    expect(label?.name).toBe('Rumour');
    const second = stored.get(await recordIdFor('hyp-2'))!;
    expect(second).toMatchObject({ documentId: english.id, labelId: 'claim' });
    expect(describeAttach(outcome)).toBe(
      'Imported 2 annotations; 1 annotation belongs to articles not in the library (“A story we never opened”): open those articles, then import again; new labels: Rumour.',
    );
    expect((await attach(JSON.stringify(hypothesis))).duplicates).toBe(2);
  });

  it('creates a claimant the library lacks and reuses one it has (by name or alias)', async () => {
    const lib = cloneSnapshot();
    lib.sources = lib.sources.filter((s) => s.id !== 'src-ar');
    const file = JSON.stringify(toAnnotationCollection(cloneSnapshot(), OPTIONS));
    await restoreSnapshot(db, { ...lib, annotations: [] });
    const outcome = await attach(file);
    expect(outcome.sourcesCreated).toEqual(['وكالة الأنباء الرسمية']);
    expect(await db.sources.count()).toBe(3);
    const claimants = new Set((await db.annotations.toArray()).map((a) => a.claimantId));
    expect(claimants.has('src-minister')).toBe(true);
  });

  it('refuses a malformed file with a clear message and changes nothing', async () => {
    const file = await libraryWithoutAnnotations();
    const before = await readSnapshot(db);
    const broken = JSON.parse(file) as { first: { items: unknown[] } };
    broken.first.items.push({ type: 'Annotation', id: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
    const cases: [string, RegExp][] = [
      ['{"type": "Annotation",', /not valid JSON/],
      ['{"hello": 1}', /not a W3C Annotation/],
      [JSON.stringify(broken), /has no target/],
      ['[]', /holds no annotations/],
    ];
    for (const [text, message] of cases) {
      const result = await attachW3cAnnotations(db, text);
      expect(result.ok ? 'accepted' : result.error).toMatch(message);
      expect(await readSnapshot(db)).toEqual(before);
    }
  });

  it('maps ids: ClaimDesk ids come back, foreign ids to a stable id', async () => {
    expect(await recordIdFor('urn:uuid:0B6C3F1E-8A2D-4C59-9F0E-2D4B8C6A1E37')).toBe(
      '0b6c3f1e-8a2d-4c59-9f0e-2d4b8c6a1e37',
    );
    expect(await recordIdFor('urn:claimdesk:annotation:ann-2')).toBe('ann-2');
    expect(await recordIdFor('hyp-1')).toMatch(/^w3c-[0-9a-f]{32}$/);
    expect(await recordIdFor('hyp-1')).toBe(await recordIdFor('hyp-1'));
    expect(await recordIdFor(null)).not.toBe(await recordIdFor(null));
  });
});
