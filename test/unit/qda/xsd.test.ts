// The exported project.qde and .qdc validate against the REFI-QDA schemas (Project-mrt2019.xsd and
// Codebook-mrt2019.xsd, test/fixtures/refi-qda/SOURCE.md) with libxml2's xmllint; broken ones do not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { codebookQdc, projectQde } from '../../../src-shared/qda/qde-write';
import { readCodebookQdc } from '../../../src-shared/qda/qde-read';
import { qdaLibrary } from './qda-library';

const FIXTURES = join(__dirname, '../../fixtures/refi-qda');
const schemaFile = (fileName: string) => ({
  fileName,
  contents: readFileSync(join(FIXTURES, fileName), 'utf8'),
});
const projectSchema = schemaFile('Project-mrt2019.xsd');
const codebookSchema = schemaFile('Codebook-mrt2019.xsd');
const options = { origin: 'Claimdesk test', now: new Date('2025-06-01T12:00:00Z') };

async function errorsOf(xml: string, schema = projectSchema): Promise<string[]> {
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

  it('passes for the exported .qdc codebook, and fails for a broken one', async () => {
    const qdc = await codebookQdc(qdaLibrary().labels, 'Claimdesk test');
    const read = readCodebookQdc(qdc);
    expect(read.ok && read.value.codes.map((c) => c.name)).toEqual([
      'Claim',
      'Statistic',
      'Quote',
      'Opinion',
      'Prediction',
    ]);
    expect(await errorsOf(qdc, codebookSchema)).toEqual([]);
    expect((await errorsOf(qdc.replace(/ isCodable="true"/, ''), codebookSchema)).join('\n')).toMatch(
      /isCodable/,
    );
    expect(
      (await errorsOf(qdc.replace(/ color="#[0-9a-f]{6}"/, ' color="yellow"'), codebookSchema)).join('\n'),
    ).toMatch(/yellow|RGBType|pattern/);
  });

  it('the codebook schema accepts the codebook ATLAS.ti exported', async () => {
    const atlas = readFileSync(join(FIXTURES, 'atlas-ti-codebook.qdc'), 'utf8');
    expect(await errorsOf(atlas, codebookSchema)).toEqual([]);
  });

  it('reads the codebook ATLAS.ti exported (its namespace, nested sets and all)', () => {
    const read = readCodebookQdc(readFileSync(join(FIXTURES, 'atlas-ti-codebook.qdc'), 'utf8'));
    expect(read.ok && read.value).toEqual({
      origin: 'ATLAS.ti Win 23.4.0',
      codes: [{ guid: '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294', name: 'code1', color: '#46aa00' }],
    });
  });
});
