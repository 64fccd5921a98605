// `claimdesk report --format qdpx|qdc`: the same REFI-QDA files the app exports, from a backup.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';
import { serialiseBackup } from '../../../src-shared/export/backup';
import { readCodebookQdc, readProjectQde } from '../../../src-shared/qda/qde-read';
import { listZip, readEntry } from '../../../src-shared/safe-zip';
import { qdaLibrary } from './qda-library';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-qda-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const backup = join(dir, 'library.json');
writeFileSync(backup, serialiseBackup(qdaLibrary(), { app: 'test', createdAt: '2025-06-01T00:00:00Z' }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err };
}

describe('claimdesk report --format qdpx / qdc', () => {
  it('writes a .qdpx whose project names every document and highlight', async () => {
    const out = join(dir, 'library.qdpx');
    expect(await cli('report', backup, '--format', 'qdpx', '-o', out)).toEqual({ code: 0, out: '', err: [] });
    const bytes = new Uint8Array(readFileSync(out));
    const listed = listZip(bytes);
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.value.map((e) => e.name).filter((n) => n.startsWith('sources/'))).toHaveLength(2);
    const qde = listed.value.find((e) => e.name === 'project.qde');
    const read = qde ? readEntry(bytes, qde) : null;
    const project = read?.ok ? readProjectQde(new TextDecoder().decode(read.value)) : null;
    expect(project?.ok && project.value.sources.flatMap((s) => s.selections)).toHaveLength(5);
  });

  it('prints the .qdc codebook, and refuses a .qdpx to standard output', async () => {
    const qdc = await cli('report', backup, '--format', 'qdc');
    expect(qdc.code).toBe(0);
    const codes = readCodebookQdc(qdc.out);
    expect(codes.ok && codes.value.codes).toHaveLength(5);
    const stdout = await cli('report', backup, '--format', 'qdpx');
    expect(stdout.code).toBe(2);
    expect(stdout.err.join('\n')).toMatch(/ZIP archive: give the file to write with -o OUT/);
  });
});
