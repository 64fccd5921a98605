// The RPC argument validators: good calls pass unchanged, anything else is refused, never coerced.
import { describe, expect, it } from 'vitest';
import type { RpcMethod } from '../../../src-shared/rpc-calls';
import { isBareFileName, isRpcMethod, MAX_IMPORT_BYTES, validateRpcArgs } from '../../../src-shared/validate';

const refused = (method: RpcMethod, args: unknown): boolean => !validateRpcArgs(method, args).ok;
const goodSave = { suggestedName: 'report.html', mime: 'text/html', content: '<p>hi</p>' };

const PATH_LIKE_NAMES = [
  '../x',
  '..',
  '.',
  'a/b',
  'a\\b',
  'C:\\x',
  'C:x',
  '/etc/passwd',
  'a\u0000b',
  'a\nb',
  'a\rb',
  'tab\there',
  'del\u007F',
  ' padded',
  'padded ',
  '',
  'x'.repeat(256),
];

describe('isBareFileName', () => {
  it.each(['article.txt', 'Bericht über Wahlen.docx', 'تقرير.pdf', 'a..b.md', '.hidden', 'x'.repeat(255)])(
    'accepts %j',
    (name) => expect(isBareFileName(name)).toBe(true),
  );
  it.each(PATH_LIKE_NAMES)('refuses %j', (name) => expect(isBareFileName(name)).toBe(false));
  it.each([42, null, undefined, {}, ['a.txt'], new String('a.txt')])('refuses the non-string %j', (value) =>
    expect(isBareFileName(value)).toBe(false),
  );
});

describe('isRpcMethod', () => {
  it.each([
    'importFile',
    'importStatus',
    'cancelImport',
    'openFiles',
    'saveFile',
    'openExternal',
    'printToPdf',
    'storeBackup',
    'listBackups',
    'readBackup',
  ])('knows %s', (m) => expect(isRpcMethod(m)).toBe(true));
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'ImportFile', 'nope', '', 42, null])(
    'does not know %j',
    (m) => expect(isRpcMethod(m)).toBe(false),
  );
});

describe('importFile arguments', () => {
  const bytes = new Uint8Array([104, 105]);

  it('accepts a bare name, bytes and empty options, unchanged', () => {
    const result = validateRpcArgs('importFile', ['a.txt', bytes, {}]);
    expect(result).toEqual({ ok: true, value: ['a.txt', bytes, {}] });
    expect(result.ok && result.value[1]).toBe(bytes);
  });

  it('accepts an encoding and a job id, returning a fresh options object', () => {
    const options = { encoding: 'windows-1256', jobId: '3f2a-9c' };
    const result = validateRpcArgs('importFile', ['a.txt', bytes, options]);
    expect(result).toEqual({ ok: true, value: ['a.txt', bytes, options] });
    expect(result.ok && result.value[2]).not.toBe(options);
  });

  it.each(['utf-8', 'UTF-16LE', 'iso-8859-6', 'x-mac-roman', 'cp1256', 'ISO_8859-1:1987', 'csISO.x'])(
    'accepts the encoding name %j',
    (encoding) => expect(validateRpcArgs('importFile', ['a.txt', bytes, { encoding }]).ok).toBe(true),
  );

  it('accepts an options object without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { jobId: 'a1' });
    expect(validateRpcArgs('importFile', ['a.txt', bytes, bare]).ok).toBe(true);
  });

  it('accepts a Uint8Array subclass (a Node Buffer)', () => {
    class Bytes extends Uint8Array {}
    expect(validateRpcArgs('importFile', ['a.txt', new Bytes(3), {}]).ok).toBe(true);
    expect(validateRpcArgs('importFile', ['a.txt', Buffer.from('hi'), {}]).ok).toBe(true);
  });

  it.each([
    ['no arguments', []],
    ['one argument', ['a.txt']],
    ['two arguments (no options)', ['a.txt', new Uint8Array(1)]],
    ['four arguments', ['a.txt', new Uint8Array(1), {}, 'extra']],
    ['not an array', { 0: 'a.txt', 1: new Uint8Array(1), 2: {}, length: 3 }],
    ['null', null],
    ['a plain array of numbers', ['a.txt', [104, 105], {}]],
    ['a string body', ['a.txt', 'hi', {}]],
    ['an ArrayBuffer', ['a.txt', new ArrayBuffer(2), {}]],
    ['another typed array', ['a.txt', new Uint16Array(2), {}]],
    ['a DataView', ['a.txt', new DataView(new ArrayBuffer(2)), {}]],
    ['a bytes-shaped object', ['a.txt', { byteLength: 2, 0: 1, 1: 2 }, {}]],
    ['a numeric name', [42, new Uint8Array(1), {}]],
    ['null options', ['a.txt', new Uint8Array(1), null]],
    ['string options', ['a.txt', new Uint8Array(1), 'utf-8']],
    ['array options', ['a.txt', new Uint8Array(1), ['utf-8']]],
    ['a class instance as options', ['a.txt', new Uint8Array(1), new (class Options {})()]],
    ['an unknown option', ['a.txt', new Uint8Array(1), { path: '/etc/passwd' }]],
    ['a numeric encoding', ['a.txt', new Uint8Array(1), { encoding: 1256 }]],
    ['an empty encoding', ['a.txt', new Uint8Array(1), { encoding: '' }]],
    ['an encoding with a space', ['a.txt', new Uint8Array(1), { encoding: 'utf 8' }]],
    ['an encoding with a slash', ['a.txt', new Uint8Array(1), { encoding: '../utf-8' }]],
    ['an overlong encoding', ['a.txt', new Uint8Array(1), { encoding: 'x'.repeat(41) }]],
    ['a numeric job id', ['a.txt', new Uint8Array(1), { jobId: 7 }]],
    ['an empty job id', ['a.txt', new Uint8Array(1), { jobId: '' }]],
    ['a job id with a dot', ['a.txt', new Uint8Array(1), { jobId: 'a.b' }]],
    ['an overlong job id', ['a.txt', new Uint8Array(1), { jobId: 'a'.repeat(65) }]],
  ])('refuses %s', (_label, args) => expect(refused('importFile', args)).toBe(true));

  it('refuses an inherited option disguised as own', () => {
    const sneaky = Object.create({ encoding: 'utf-8' }) as Record<string, unknown>;
    sneaky.jobId = 'a1';
    const result = validateRpcArgs('importFile', ['a.txt', bytes, sneaky]);
    expect(result.ok).toBe(false);
  });

  it.each(PATH_LIKE_NAMES)('refuses the name %j', (name) =>
    expect(refused('importFile', [name, new Uint8Array(1), {}])).toBe(true),
  );

  it('refuses content over the size limit, naming the file', () => {
    // A view that claims more bytes than the cap, without allocating them.
    const huge = new Proxy(new Uint8Array(1), {
      get: (target, key) => (key === 'byteLength' ? MAX_IMPORT_BYTES + 1 : Reflect.get(target, key)),
    });
    const result = validateRpcArgs('importFile', ['big.pdf', huge, {}]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^big\.pdf: .*larger than 256 MB/);
  });
});

describe.each(['importStatus', 'cancelImport'] as const)('%s arguments', (method) => {
  it('accepts one job id', () =>
    expect(validateRpcArgs(method, ['0b6c1f9e-7f7e-4c55-9f61-2f0c7f1f5d2a'])).toEqual({
      ok: true,
      value: ['0b6c1f9e-7f7e-4c55-9f61-2f0c7f1f5d2a'],
    }));
  it.each([[[]], [['a', 'b']], [[7]], [['']], [['../x']], [['a'.repeat(65)]], [[{ jobId: 'a' }]], ['a']])(
    'refuses %j',
    (args) => expect(refused(method, args)).toBe(true),
  );
});

describe('openFiles arguments', () => {
  it('accepts no arguments', () => expect(validateRpcArgs('openFiles', [])).toEqual({ ok: true, value: [] }));
  it.each([[['x']], [[undefined]], [null], [undefined], [{}], ['']])('refuses %j', (args) =>
    expect(refused('openFiles', args)).toBe(true),
  );
});

describe('saveFile arguments', () => {
  it.each(['text/html', 'text/markdown', 'text/csv', 'application/json', 'application/ld+json'])(
    'accepts the type %s',
    (mime) => expect(validateRpcArgs('saveFile', [{ ...goodSave, mime }]).ok).toBe(true),
  );

  it('returns a fresh object with exactly the known fields', () => {
    const result = validateRpcArgs('saveFile', [goodSave]);
    expect(result).toEqual({ ok: true, value: [goodSave] });
    expect(result.ok && result.value[0]).not.toBe(goodSave);
  });

  it('accepts an object without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, goodSave);
    expect(validateRpcArgs('saveFile', [bare]).ok).toBe(true);
  });

  it.each([
    ['no arguments', []],
    ['two arguments', [goodSave, goodSave]],
    ['a non-array', goodSave],
    ['null request', [null]],
    ['an array request', [['report.html', 'text/html', 'x']]],
    ['a string request', ['report.html']],
    ['an extra field', [{ ...goodSave, path: '/etc/passwd' }]],
    ['a missing field', [{ suggestedName: 'r.html', mime: 'text/html' }]],
    ['an unknown type', [{ ...goodSave, mime: 'application/x-msdownload' }]],
    ['a type with parameters', [{ ...goodSave, mime: 'text/html; charset=utf-8' }]],
    ['non-text content', [{ ...goodSave, content: new Uint8Array(2) }]],
    ['numeric content', [{ ...goodSave, content: 42 }]],
    ['a class instance', [Object.assign(new (class Request {})(), goodSave)]],
    ['a Map', [new Map(Object.entries(goodSave))]],
    ['a Date', [new Date()]],
  ])('refuses %s', (_label, args) => expect(refused('saveFile', args)).toBe(true));

  it('refuses an inherited field disguised as own', () => {
    const sneaky = Object.create({ content: 'x' }) as Record<string, unknown>;
    sneaky.suggestedName = 'r.html';
    sneaky.mime = 'text/html';
    expect(refused('saveFile', [sneaky])).toBe(true);
  });

  it.each(PATH_LIKE_NAMES)('refuses the suggested name %j', (suggestedName) =>
    expect(refused('saveFile', [{ ...goodSave, suggestedName }])).toBe(true),
  );

  it('refuses oversized content', () => {
    const content = { length: 512 * 1024 * 1024 + 1 } as unknown as string;
    expect(refused('saveFile', [{ ...goodSave, content }])).toBe(true);
  });
});

describe('openExternal arguments', () => {
  it('accepts one string (the URL itself is vetted by the handler)', () =>
    expect(validateRpcArgs('openExternal', ['https://example.org/'])).toEqual({
      ok: true,
      value: ['https://example.org/'],
    }));
  it.each([
    [[]],
    [['https://a.example/', 'https://b.example/']],
    [[new URL('https://example.org/')]],
    [[{ href: 'https://example.org/' }]],
    [[42]],
    ['https://example.org/'],
  ])('refuses %j', (args) => expect(refused('openExternal', args)).toBe(true));
});

describe('printToPdf arguments', () => {
  const good = { suggestedName: 'report.pdf', html: '<p>hi</p>' };
  it('accepts a request with exactly the known fields, as a fresh object', () => {
    const result = validateRpcArgs('printToPdf', [good]);
    expect(result).toEqual({ ok: true, value: [good] });
    expect(result.ok && result.value[0]).not.toBe(good);
  });
  it.each([
    ['no arguments', []],
    ['a non-object', ['report.pdf']],
    ['an extra field', [{ ...good, path: '/tmp/x.pdf' }]],
    ['a missing field', [{ suggestedName: 'report.pdf' }]],
    ['a path as name', [{ ...good, suggestedName: '../report.pdf' }]],
    ['non-text html', [{ ...good, html: 42 }]],
  ])('refuses %s', (_label, args) => expect(refused('printToPdf', args)).toBe(true));
});

describe('backup arguments', () => {
  it('storeBackup accepts the content and a known reason', () => {
    expect(validateRpcArgs('storeBackup', ['{}', 'quit'])).toEqual({ ok: true, value: ['{}', 'quit'] });
    expect(validateRpcArgs('storeBackup', ['{}', 'daily']).ok).toBe(true);
  });
  it.each([[[]], [['{}']], [['{}', 'hourly']], [[{}, 'quit']], [['{}', 'quit', 'x']]])(
    'storeBackup refuses %j',
    (args) => expect(refused('storeBackup', args)).toBe(true),
  );
  it('listBackups takes no arguments', () => {
    expect(validateRpcArgs('listBackups', [])).toEqual({ ok: true, value: [] });
    expect(refused('listBackups', ['x'])).toBe(true);
  });
  it('readBackup takes one bare file name', () => {
    expect(validateRpcArgs('readBackup', ['backup-1.json'])).toEqual({ ok: true, value: ['backup-1.json'] });
    expect(refused('readBackup', [])).toBe(true);
  });
  it.each(PATH_LIKE_NAMES)('readBackup refuses the name %j', (name) =>
    expect(refused('readBackup', [name])).toBe(true),
  );
});
