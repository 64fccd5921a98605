// The desk's merge rules on real Yjs documents exchanging updates as two offline copies would.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyClaim } from '../../../src-shared/claim-defaults';
import { canonicalText, contentHash } from '../../../src-shared/canonical';
import {
  deleteRecord,
  deskContents,
  documentsOf,
  documentStub,
  needsBody,
  readDocument,
  readRecord,
  writeDocument,
  writeRecord,
} from '../../../src-shared/desk/desk-doc';
import { stubOf } from '../../../src-shared/desk/article-stub';
import type { AnnotationRecord, EvidenceItem } from '../../../src-shared/model';
import { documentRecord } from '../../integration/desk-records';

const claim = (over: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
  ...emptyClaim(),
  id: 'a1',
  documentId: 'd1',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'the minister said', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 17 },
  },
  labelId: 'claim',
  author: 'Huda',
  created: '2026-12-01T10:00:00.000Z',
  modified: '2026-12-01T10:00:00.000Z',
  orphaned: false,
  ...over,
});

const evidence = (id: string, title: string): EvidenceItem => ({
  id,
  url: `https://example.org/${id}`,
  title,
  stance: 'supports',
  note: '',
  accessed: null,
  sourceId: null,
});

/** Two copies that start from the same state and then edit without seeing each other. */
function twoCopies(seed: (doc: Y.Doc) => void): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  seed(a);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

describe('desk document', () => {
  it('reads back exactly the record it was given', () => {
    const doc = new Y.Doc();
    const record = claim({ evidence: [evidence('e1', 'Budget'), evidence('e2', 'Census')] });
    writeRecord(doc, 'annotations', record);
    expect(readRecord(doc, 'annotations', 'a1')).toEqual(record);
  });

  it('keeps both analysts\u2019 changes to different fields of one claim', () => {
    const [a, b] = twoCopies((d) => writeRecord(d, 'annotations', claim()));
    writeRecord(a, 'annotations', claim({ verdict: 'false' }), ['verdict']);
    writeRecord(b, 'annotations', claim({ notes: 'Check the 2019 census' }), ['notes']);
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(readRecord(doc, 'annotations', 'a1')).toMatchObject({
        verdict: 'false',
        notes: 'Check the 2019 census',
      });
    }
    expect(deskContents(a)).toEqual(deskContents(b));
  });

  it('keeps evidence added on two copies at once', () => {
    const [a, b] = twoCopies((d) => writeRecord(d, 'annotations', claim()));
    writeRecord(a, 'annotations', claim({ evidence: [evidence('e1', 'Budget')] }), ['evidence']);
    writeRecord(b, 'annotations', claim({ evidence: [evidence('e2', 'Census')] }), ['evidence']);
    exchange(a, b);
    const titles = readRecord(a, 'annotations', 'a1')?.evidence.map((e) => e.title);
    expect(titles?.sort()).toEqual(['Budget', 'Census']);
    expect(deskContents(a)).toEqual(deskContents(b));
  });

  it('lets a deletion beat a concurrent edit, and refuses later writes to the deleted claim', () => {
    const [a, b] = twoCopies((d) => writeRecord(d, 'annotations', claim()));
    deleteRecord(a, 'annotations', 'a1', { at: '2026-12-02T00:00:00.000Z', by: 'Huda' });
    writeRecord(b, 'annotations', claim({ verdict: 'true' }), ['verdict']);
    exchange(a, b);
    expect(readRecord(a, 'annotations', 'a1')).toBeUndefined();
    expect(readRecord(b, 'annotations', 'a1')).toBeUndefined();
    expect(writeRecord(b, 'annotations', claim({ verdict: 'mixed' }))).toBe(false);
    expect(readRecord(b, 'annotations', 'a1')).toBeUndefined();
  });

  it('writes nothing when the values are already there (an echo)', () => {
    const doc = new Y.Doc();
    writeRecord(doc, 'annotations', claim({ evidence: [evidence('e1', 'Budget')] }));
    let updates = 0;
    doc.on('update', () => updates++);
    writeRecord(doc, 'annotations', claim({ evidence: [evidence('e1', 'Budget')] }));
    writeDocument(doc, documentRecord('d1'));
    writeDocument(doc, documentRecord('d1'));
    expect(updates).toBe(1);
  });

  it('holds a document once whoever adds it', () => {
    const [a, b] = twoCopies(() => undefined);
    writeDocument(a, documentRecord('d1'));
    writeDocument(b, documentRecord('d1'));
    exchange(a, b);
    expect(Object.keys(deskContents(a)['documents'] as object)).toEqual(['d1']);
    expect(deskContents(a)).toEqual(deskContents(b));
  });
});

describe('articles on the desk', () => {
  async function hashed(title = 'العنوان', text = 'قال الوزير إن الأرقام صحيحة.') {
    const blocks = [
      { kind: 'title' as const, text: title, direction: 'rtl' as const },
      { kind: 'paragraph' as const, text, direction: 'rtl' as const },
    ];
    return documentRecord(await contentHash(canonicalText(blocks)), {
      title,
      blocks,
      text: canonicalText(blocks),
    });
  }

  it('holds an article by its hash as a stub: no body, read back only with its body', async () => {
    const doc = new Y.Doc();
    const record = await hashed();
    writeDocument(doc, record);
    const held = documentsOf(doc).get(record.id) as Record<string, unknown>;
    expect(held).toEqual(stubOf(record));
    expect(held).not.toHaveProperty('blocks');
    expect(held).not.toHaveProperty('text');
    expect(needsBody(doc, record.id)).toBe(true);
    expect(readDocument(doc, record.id)).toBeUndefined();
    expect(readDocument(doc, record.id, record.blocks)).toEqual(record);
  });

  it('keeps an older desk’s whole record, and reads it as it is', async () => {
    const doc = new Y.Doc();
    const record = await hashed();
    writeDocument(doc, record, true);
    let updates = 0;
    doc.on('update', () => updates++);
    writeDocument(doc, record); // a library with the same article writes its stub: nothing changes
    expect(updates).toBe(0);
    expect(needsBody(doc, record.id)).toBe(false);
    expect(readDocument(doc, record.id)).toEqual(record);
    expect(documentStub(doc, record.id)).toEqual(stubOf(record));
    // Its metadata changed: the stub replaces it (the writer puts the body on its node).
    writeDocument(doc, { ...record, title: 'عنوان آخر' });
    expect(readDocument(doc, record.id)).toBeUndefined();
    expect(documentStub(doc, record.id)?.title).toBe('عنوان آخر');
  });

  it('holds a record whole when its id is not a content hash', () => {
    const doc = new Y.Doc();
    writeDocument(doc, documentRecord('d1'));
    expect(needsBody(doc, 'd1')).toBe(false);
    expect(readDocument(doc, 'd1')).toEqual(documentRecord('d1'));
  });

  it('merges two copies adding the same article into one stub', async () => {
    const record = await hashed();
    const [a, b] = twoCopies(() => undefined);
    writeDocument(a, record);
    writeDocument(b, { ...record, importedAt: '2026-12-07T00:00:00.000Z' });
    exchange(a, b);
    expect(deskContents(a)).toEqual(deskContents(b));
    expect(Object.keys(deskContents(a)['documents'] as object)).toEqual([record.id]);
  });
});
