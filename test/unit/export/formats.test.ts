// The one format table the app's Export dialogs and `claimdesk report` share: each format makes
// its file from a snapshot with the extension and MIME type it is saved under.
import { describe, expect, it } from 'vitest';
import { EXPORTS, EXPORT_FORMATS, documentIdOf } from '../../../src-shared/export/formats';
import { DOCUMENT_IRI_PREFIX } from '../../../src-shared/export/w3c-vocabulary';
import { cloneSnapshot } from './fixture-snapshot';

const now = new Date('2026-12-07T12:00:00Z');

describe('the export format table', () => {
  it.each(EXPORT_FORMATS)('%s: makes a file of its kind from a snapshot', async (format) => {
    const snapshot = cloneSnapshot();
    const { extension, mime, label, make } = EXPORTS[format];
    expect(extension).toMatch(/^[a-z]+$/);
    expect(label).not.toBe('');
    const made = await make(snapshot, { documentIds: snapshot.documents.map((d) => d.id), now });
    if (mime === 'application/zip') {
      expect(made.content).toBeInstanceOf(Uint8Array);
      expect([...(made.content as Uint8Array).subarray(0, 2)]).toEqual([0x50, 0x4b]); // "PK"
    } else {
      expect(typeof made.content).toBe('string');
      if (mime.endsWith('json')) expect(() => JSON.parse(made.content as string)).not.toThrow();
      if (mime === 'application/xml') expect(made.content).toMatch(/^<\?xml/);
    }
  });

  it('says which claims ClaimReview leaves out, and that the file then holds none', async () => {
    const snapshot = cloneSnapshot();
    snapshot.settings.organisationName = '';
    const ids = snapshot.annotations.map((a) => a.id);
    const made = await EXPORTS.claimreview.make(snapshot, { documentIds: [], annotationIds: ids, now });
    expect(made.items).toBe(0);
    expect(made.leftOut).toHaveLength(ids.length);
    expect(made.leftOut[0]).toMatch(/^claim “.+” left out: it lacks .*organisation name/);
  });

  it('gives W3C annotations of documents that were never ClaimDesk’s the address they came with', async () => {
    const snapshot = cloneSnapshot();
    const doc = snapshot.documents[0]!;
    const iri = 'https://news.example.org/ar/economy/1234';
    const made = await EXPORTS.w3c.make(snapshot, {
      documentIds: [],
      now,
      sourceIris: new Map([[doc.id, iri]]),
    });
    const sources = (
      JSON.parse(made.content as string) as { first: { items: { target: { source: { id: string } } }[] } }
    ).first.items.map((i) => i.target.source.id);
    expect(sources).toContain(iri);
    expect(sources).not.toContain(`${DOCUMENT_IRI_PREFIX}${doc.id}`);
    expect(documentIdOf(`${DOCUMENT_IRI_PREFIX}${encodeURIComponent('a b')}`)).toBe('a b');
    expect(documentIdOf(`${DOCUMENT_IRI_PREFIX}%E0%A4%A`)).toBe('%E0%A4%A');
  });
});
