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
  it.each(['importFile', 'openFiles', 'saveFile', 'openExternal'])('knows %s', (m) =>
    expect(isRpcMethod(m)).toBe(true),
  );
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'ImportFile', 'nope', '', 42, null])(
    'does not know %j',
    (m) => expect(isRpcMethod(m)).toBe(false),
  );
});

describe('importFile arguments', () => {
  const bytes = new Uint8Array([104, 105]);

  it('accepts a bare name and bytes, unchanged', () => {
    const result = validateRpcArgs('importFile', ['a.txt', bytes]);
    expect(result).toEqual({ ok: true, value: ['a.txt', bytes] });
    expect(result.ok && result.value[1]).toBe(bytes);
  });

  it('accepts a Uint8Array subclass (a Node Buffer)', () => {
    class Bytes extends Uint8Array {}
    expect(validateRpcArgs('importFile', ['a.txt', new Bytes(3)]).ok).toBe(true);
    expect(validateRpcArgs('importFile', ['a.txt', Buffer.from('hi')]).ok).toBe(true);
  });

  it.each([
    ['no arguments', []],
    ['one argument', ['a.txt']],
    ['three arguments', ['a.txt', new Uint8Array(1), 'extra']],
    ['not an array', { 0: 'a.txt', 1: new Uint8Array(1), length: 2 }],
    ['null', null],
    ['a plain array of numbers', ['a.txt', [104, 105]]],
    ['a string body', ['a.txt', 'hi']],
    ['an ArrayBuffer', ['a.txt', new ArrayBuffer(2)]],
    ['another typed array', ['a.txt', new Uint16Array(2)]],
    ['a DataView', ['a.txt', new DataView(new ArrayBuffer(2))]],
    ['a bytes-shaped object', ['a.txt', { byteLength: 2, 0: 1, 1: 2 }]],
    ['a numeric name', [42, new Uint8Array(1)]],
  ])('refuses %s', (_label, args) => expect(refused('importFile', args)).toBe(true));

  it.each(PATH_LIKE_NAMES)('refuses the name %j', (name) =>
    expect(refused('importFile', [name, new Uint8Array(1)])).toBe(true),
  );

  it('refuses content over the size limit, naming the file', () => {
    // A view that claims more bytes than the cap, without allocating them.
    const huge = new Proxy(new Uint8Array(1), {
      get: (target, key) => (key === 'byteLength' ? MAX_IMPORT_BYTES + 1 : Reflect.get(target, key)),
    });
    const result = validateRpcArgs('importFile', ['big.pdf', huge]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^big\.pdf: .*larger than 256 MB/);
  });
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
