// Opening files by path: size cap before reading, clear per-file errors, argv parsing; plus
// the recent-files list and dialog filters the open/save flows use.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src-shared/result';
import { OPEN_FILTERS, saveFiltersFor } from '../../../src-main/main/dialog-filters';
import { filePathsFromArgv, importPath, importPaths, type Importer } from '../../../src-main/main/open-paths';
import { parseRecentList, RecentFiles, withRecent } from '../../../src-main/main/recent-files';
import { RPC_EVENT_NAMES, eventChannel, isRpcEventName } from '../../../src-main/main/channels';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-main-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const stubImporter = () =>
  vi.fn<Importer>(async (name) => ok({ file: name, format: 'text', encoding: 'utf-8', articles: [] }));

describe('importPath', () => {
  it('reads the file and hands its bare name and bytes to the importer', async () => {
    const path = join(dir, 'story.txt');
    await writeFile(path, 'Hello');
    const importer = stubImporter();
    expect((await importPath(path, importer)).ok).toBe(true);
    const [name, bytes] = importer.mock.calls[0] ?? [];
    expect(name).toBe('story.txt');
    expect(new TextDecoder().decode(bytes)).toBe('Hello');
  });

  it('refuses a file over the cap without reading it, naming the file', async () => {
    const path = join(dir, 'huge.pdf');
    await writeFile(path, '');
    await truncate(path, 2048); // sparse: size without content
    const importer = stubImporter();
    const result = await importPath(path, importer, 1024);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^huge\.pdf: the file is .* larger than/),
    });
    expect(importer).not.toHaveBeenCalled();
  });

  it('explains a missing file and a directory', async () => {
    const importer = stubImporter();
    expect(await importPath(join(dir, 'gone.md'), importer)).toEqual({
      ok: false,
      error: 'gone.md: the file does not exist',
    });
    expect(await importPath(dir, importer)).toEqual({
      ok: false,
      error: expect.stringContaining('not a file'),
    });
    expect(importer).not.toHaveBeenCalled();
  });

  it('gives one result per path, in order, a failure not stopping the rest', async () => {
    await writeFile(join(dir, 'a.txt'), 'a');
    await writeFile(join(dir, 'c.txt'), 'c');
    const results = await importPaths(
      [join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c.txt')],
      stubImporter(),
    );
    expect(results.map((r) => r.result.ok)).toEqual([true, false, true]);
    // The bytes of each file that opened come back for the renderer to keep; none for a failure.
    expect(results.map((r) => (r.bytes ? Buffer.from(r.bytes).toString() : null))).toEqual(['a', null, 'c']);
  });
});

describe('filePathsFromArgv', () => {
  const cwd = resolve('/home/ana/news');

  it('drops the executable and switches (packaged app)', () => {
    expect(
      filePathsFromArgv(['/opt/Claimdesk/claimdesk', '--no-sandbox', 'a.txt', '/tmp/b.pdf'], cwd, true),
    ).toEqual([join(cwd, 'a.txt'), resolve('/tmp/b.pdf')]);
  });

  it('also drops the entry script when unpackaged, even after reordered switches', () => {
    const argv = ['electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', 'x.docx'];
    expect(filePathsFromArgv(argv, cwd, false)).toEqual([join(cwd, 'x.docx')]);
    expect(filePathsFromArgv(['electron', 'out/main/index.js'], cwd, false)).toEqual([]);
    expect(filePathsFromArgv(['electron'], cwd, false)).toEqual([]);
  });
});

describe('RecentFiles', () => {
  it('keeps the most recent first, without duplicates, capped', () => {
    expect(withRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    expect(withRecent(['/a', '/b'], '/c', 2)).toEqual(['/c', '/a']);
  });

  it('ignores anything in the stored file that is not a list of absolute paths', () => {
    expect(parseRecentList({ paths: ['/a'] })).toEqual([]);
    expect(parseRecentList(['/a', 'relative.txt', 42, null, '/a', '/b'])).toEqual(['/a', '/b']);
  });

  it('persists, reloads, and survives a corrupt file', async () => {
    const file = join(dir, 'recent-files.json');
    const recent = new RecentFiles(file);
    await recent.load();
    expect(recent.list()).toEqual([]);
    await Promise.all([recent.add('/x/one.txt'), recent.add('/x/two.txt'), recent.add('relative.txt')]);
    const again = new RecentFiles(file);
    await again.load();
    expect(again.list()).toEqual(['/x/two.txt', '/x/one.txt']);
    await again.clear();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([]);

    await writeFile(file, '{not json');
    const corrupt = new RecentFiles(file);
    await corrupt.load();
    expect(corrupt.list()).toEqual([]);
  });
});

describe('dialog filters and event names', () => {
  it('offers the article types, then all files', () => {
    expect(OPEN_FILTERS[0]?.extensions).toEqual(['txt', 'md', 'html', 'htm', 'pdf', 'docx']);
    expect(OPEN_FILTERS.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
  });

  it('filters the save dialog by the export type', () => {
    expect(saveFiltersFor('text/csv')[0]?.extensions).toEqual(['csv']);
    expect(saveFiltersFor('application/ld+json')[0]?.extensions).toContain('jsonld');
  });

  it('allows exactly the declared events', () => {
    expect(Object.keys(RPC_EVENT_NAMES).sort()).toEqual(['backupRequested', 'filesOpened', 'menuCommand']);
    expect(isRpcEventName('filesOpened')).toBe(true);
    expect(isRpcEventName('__proto__')).toBe(false);
    expect(isRpcEventName('toString')).toBe(false);
    expect(eventChannel('menuCommand')).toBe('claimdesk:event:menuCommand');
  });
});
