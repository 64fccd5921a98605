// dispatchRpc: unknown methods and invalid arguments never reach a handler; a throwing handler
// becomes an error reply.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src-shared/result';
import { dispatchRpc, type RpcImplementation } from '../../../src-main/services/rpc-dispatch';

function stubImpl() {
  return {
    importFile: vi.fn<RpcImplementation['importFile']>(async (name) =>
      ok({ file: name, format: 'text' as const, encoding: 'utf-8', articles: [] }),
    ),
    openFiles: vi.fn<RpcImplementation['openFiles']>(async () => ok([])),
    saveFile: vi.fn<RpcImplementation['saveFile']>(async () => ok({ path: null })),
    openExternal: vi.fn<RpcImplementation['openExternal']>(async () => ok(null)),
    importStatus: vi.fn<RpcImplementation['importStatus']>(async () => ok(null)),
    cancelImport: vi.fn<RpcImplementation['cancelImport']>(async () => ok(null)),
    printToPdf: vi.fn<RpcImplementation['printToPdf']>(async () => ok({ path: null })),
    storeBackup: vi.fn<RpcImplementation['storeBackup']>(async () =>
      ok({ name: 'b.json', createdAt: '', size: 0 }),
    ),
    listBackups: vi.fn<RpcImplementation['listBackups']>(async () => ok([])),
    readBackup: vi.fn<RpcImplementation['readBackup']>(async () => ok('')),
  } satisfies RpcImplementation;
}

describe('dispatchRpc', () => {
  let impl: ReturnType<typeof stubImpl>;
  const noHandlerCalled = (): void => {
    for (const handler of Object.values(impl)) expect(handler).not.toHaveBeenCalled();
  };
  beforeEach(() => {
    impl = stubImpl();
  });

  it.each([
    'nope',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'ImportFile',
    '',
    7,
    null,
    {},
  ])('refuses the unknown method %j', async (method) => {
    expect(await dispatchRpc(impl, method, [])).toEqual({ ok: false, error: 'unknown request' });
    noHandlerCalled();
  });

  it.each([
    ['importFile', ['../x', new Uint8Array(1), {}]],
    ['importFile', ['a.txt', [1, 2, 3], {}]],
    ['importFile', ['a.txt', new Uint8Array(1)]],
    ['importFile', ['a.txt', new Uint8Array(1), { encoding: 'utf-8', path: '/etc/passwd' }]],
    ['importFile', 'a.txt'],
    ['importStatus', [42]],
    ['cancelImport', []],
    ['printToPdf', [{ suggestedName: 'a.pdf', html: '<p>x</p>', path: '/tmp' }]],
    ['storeBackup', ['{}', 'whenever']],
    ['listBackups', ['x']],
    ['readBackup', ['../backup.json']],
    ['openFiles', ['surprise']],
    ['saveFile', [{ suggestedName: 'a.html', mime: 'text/html', content: 'x', path: '/etc/passwd' }]],
    ['saveFile', [{ suggestedName: 'a/b.html', mime: 'text/html', content: 'x' }]],
    ['openExternal', [42]],
    ['openExternal', undefined],
  ])('refuses bad arguments to %s without calling it', async (method, args) => {
    const result = await dispatchRpc(impl, method, args);
    expect(result.ok).toBe(false);
    noHandlerCalled();
  });

  it('calls the handler with the validated arguments', async () => {
    const bytes = new Uint8Array([1, 2]);
    const result = await dispatchRpc(impl, 'importFile', ['a.txt', bytes, { encoding: 'windows-1256' }]);
    expect(result.ok).toBe(true);
    expect(impl.importFile).toHaveBeenCalledExactlyOnceWith('a.txt', bytes, { encoding: 'windows-1256' });
    expect(impl.saveFile).not.toHaveBeenCalled();
  });

  it.each([
    ['importStatus', ['job-1']],
    ['cancelImport', ['job-1']],
    ['listBackups', []],
    ['readBackup', ['backup.json']],
    ['storeBackup', ['{}', 'quit']],
  ] as const)('routes %s to its handler', async (method, args) => {
    expect((await dispatchRpc(impl, method, args)).ok).toBe(true);
    expect(impl[method]).toHaveBeenCalledExactlyOnceWith(...args);
  });

  it('passes a validated copy of the save request, not the caller object', async () => {
    const request = { suggestedName: 'r.csv', mime: 'text/csv', content: 'a,b' };
    await dispatchRpc(impl, 'saveFile', [request]);
    const [received] = impl.saveFile.mock.calls[0] ?? [];
    expect(received).toEqual(request);
    expect(received).not.toBe(request);
  });

  it('turns a throwing handler into an error reply', async () => {
    impl.openExternal.mockRejectedValueOnce(new Error('boom'));
    expect(await dispatchRpc(impl, 'openExternal', ['https://example.org/'])).toEqual({
      ok: false,
      error: 'request failed: boom',
    });
  });
});
