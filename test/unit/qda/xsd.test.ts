// The exported project.qde validates against the REFI-QDA Project schema (Project-mrt2019.xsd,
// test/fixtures/refi-qda/SOURCE.md) with libxml2's xmllint; a broken one does not. No authentic
// copy of Codebook.xsd could be found, so the .qdc's Codes are validated against the Project
// schema's CodeBook (whose Code type is the codebook's plus NoteRef) and its root checked here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { codebookQdc, projectQde } from '../../../src-shared/qda/qde-write';
import { readCodebookQdc } from '../../../src-shared/qda/qde-read';
import { qdaLibrary } from './qda-library';

const FIXTURES = join(__dirname, '../../fixtures/refi-qda');
const schema = {
  fileName: 'Project-mrt2019.xsd',
  contents: readFileSync(join(FIXTURES, 'Project-mrt2019.xsd'), 'utf8'),
};
const options = { origin: 'Claimdesk test', now: new Date('2025-06-01T12:00:00Z') };

async function errorsOf(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'project.qde', contents: xml }, schema });
  return result.errors.map((e) => e.message);
}

describe('REFI-QDA schema validation', () => {
  it('passes for the exported project.qde', async () => {
    const { qde } = await projectQde(qdaLibrary(), options);
    expect(await errorsOf(qde)).toEqual([]);
    expect(qde).toContain('<Cases>');
    expect(qde).toContain('<Notes>');
  });

  it('fails for a broken one: a missing required attribute, elements out of order, a bad GUID', async () => {
    const { qde } = await projectQde(qdaLibrary(), options);
    expect((await errorsOf(qde.replace(/ startPosition="\d+"/, ''))).join('\n')).toMatch(/startPosition/);
    const misplaced = qde.replace(/(<Users>.*?<\/Users>)(<CodeBook>.*?<\/CodeBook>)/s, '$2$1');
    expect(await errorsOf(misplaced)).not.toEqual([]);
    expect((await errorsOf(qde.replace(/guid="[0-9A-F-]{36}"/, 'guid="not-a-guid"'))).join('\n')).toMatch(
      /not-a-guid|GUIDType|pattern/,
    );
  });

  it('passes for the .qdc codebook’s codes, whose root is a REFI-QDA CodeBook', async () => {
    const qdc = await codebookQdc(qdaLibrary().labels, 'Claimdesk test');
    const read = readCodebookQdc(qdc);
    expect(read.ok && read.value.codes.map((c) => c.name)).toEqual([
      'Claim',
      'Statistic',
      'Quote',
      'Opinion',
      'Prediction',
    ]);
    const asProject = qdc
      .replace(/<CodeBook [^>]*>/, '<Project xmlns="urn:QDA-XML:project:1.0" name="codebook"><CodeBook>')
      .replace('</CodeBook>', '</CodeBook></Project>');
    expect(await errorsOf(asProject)).toEqual([]);
  });

  it('reads the codebook ATLAS.ti exported (its namespace, nested sets and all)', () => {
    const read = readCodebookQdc(readFileSync(join(FIXTURES, 'atlas-ti-codebook.qdc'), 'utf8'));
    expect(read.ok && read.value).toEqual({
      origin: 'ATLAS.ti Win 23.4.0',
      codes: [{ guid: '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294', name: 'code1', color: '#46aa00' }],
    });
  });
});
