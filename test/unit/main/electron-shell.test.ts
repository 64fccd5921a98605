// The Electron-facing modules run against a stand-in `electron` module (no binary exists on the
// build machine): the app:// handler, the IPC sender check, window hardening and the preload.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/csp';
import { ok } from '../../../src-shared/result';
import type { RpcImplementation } from '../../../src-main/services/rpc-dispatch';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const rendererListeners = new Map<string, (...args: unknown[]) => unknown>();
  return {
    ipcHandlers,
    rendererListeners,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    exposed: new Map<string, unknown>(),
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
    openExternal: vi.fn(async (_url: string) => undefined),
    appListeners: new Map<string, (...args: unknown[]) => unknown>(),
  };
});

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      electron.protocolHandlers.set(scheme, handler),
  },
  ipcMain: { handle: (channel: string, handler: Handler) => electron.ipcHandlers.set(channel, handler) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: Handler) => electron.rendererListeners.set(channel, listener),
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  shell: { openExternal: electron.openExternal },
  app: { on: (event: string, listener: Handler) => electron.appListeners.set(event, listener) },
}));

const { registerAppScheme, serveRenderer } = await import('../../../src-main/main/app-protocol');
const { registerRpcChannel } = await import('../../../src-main/main/ipc');
const { hardenAllWebContents } = await import('../../../src-main/main/security');
const { isTrustedSenderUrl } = await import('../../../src-main/main/trusted-sender');

describe('app:// protocol', () => {
  let root: string;
  let outside: string;
  let serve: (url: string, method?: string) => Promise<Response>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimdesk-proto-'));
    root = join(dir, 'renderer');
    outside = join(dir, 'secret.txt');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Claimdesk</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(outside, 'secret');
    await symlink(outside, join(root, 'assets', 'escape.txt'));
    registerAppScheme();
    serveRenderer(root);
    const handler = electron.protocolHandlers.get('app');
    if (!handler) throw new Error('no app: handler registered');
    serve = (url, method = 'GET') => handler(new Request(url, { method }));
  });
  afterAll(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('registers app: as a standard, secure scheme with fetch support', () => {
    expect(electron.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html for / with the CSP and the right type', async () => {
    const response = await serve('app://claimdesk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Claimdesk</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await serve('app://claimdesk/assets/app.js?v=1');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it.each([
    'app://claimdesk/missing.js',
    'app://claimdesk/assets',
    'app://claimdesk/assets/escape.txt',
    'app://claimdesk/%2e%2e/secret.txt',
    'app://other/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serve('app://claimdesk/index.html', 'POST')).status).toBe(405);
    const head = await serve('app://claimdesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
  });
});

describe('IPC channel', () => {
  const impl = {
    importFile: vi.fn(),
    openFiles: vi.fn(async () => ok([])),
    saveFile: vi.fn(),
    openExternal: vi.fn(),
  } as unknown as RpcImplementation;
  const frame = (url: string, parent: unknown = null, destroyed = false) => ({
    url,
    parent,
    isDestroyed: () => destroyed,
  });
  let call: (senderFrame: unknown, method: unknown, args: unknown) => Promise<unknown>;

  beforeAll(() => {
    registerRpcChannel(impl, null);
    expect([...electron.ipcHandlers.keys()]).toEqual(['claimdesk:rpc']);
    const handler = electron.ipcHandlers.get('claimdesk:rpc');
    if (!handler) throw new Error('no handler');
    call = async (senderFrame, method, args) => handler({ senderFrame }, method, args);
  });
  beforeEach(() => vi.mocked(impl.openFiles).mockClear());

  it('dispatches calls from the app main frame', async () => {
    expect(await call(frame('app://claimdesk/index.html'), 'openFiles', [])).toEqual({ ok: true, value: [] });
    expect(impl.openFiles).toHaveBeenCalledOnce();
  });

  it.each([
    ['a subframe of the app', frame('app://claimdesk/index.html', frame('app://claimdesk/index.html'))],
    ['another origin', frame('https://evil.example/')],
    ['a look-alike host', frame('app://claimdesk.evil/')],
    ['a file page', frame('file:///tmp/x.html')],
    ['a destroyed frame', frame('app://claimdesk/index.html', null, true)],
    ['no frame', null],
  ])('refuses %s before dispatch', async (_label, senderFrame) => {
    expect(await call(senderFrame, 'openFiles', [])).toEqual({
      ok: false,
      error: expect.stringContaining('refused'),
    });
    expect(impl.openFiles).not.toHaveBeenCalled();
  });

  it('still validates method names from a trusted frame', async () => {
    expect(await call(frame('app://claimdesk/'), 'constructor', [])).toEqual({
      ok: false,
      error: 'unknown request',
    });
  });
});

describe('webContents hardening', () => {
  const contentsListeners = new Map<string, Handler>();
  let windowOpen: (details: { url: string }) => { action: string };
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };

  beforeAll(() => {
    hardenAllWebContents((url) => isTrustedSenderUrl(url));
    const created = electron.appListeners.get('web-contents-created');
    if (!created) throw new Error('web-contents-created not handled');
    created(
      {},
      {
        session,
        on: (event: string, listener: Handler) => contentsListeners.set(event, listener),
        setWindowOpenHandler: (handler: typeof windowOpen) => {
          windowOpen = handler;
        },
      },
    );
  });

  const navigate = (event: string, url: string): boolean => {
    const preventDefault = vi.fn();
    contentsListeners.get(event)?.({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s stays on app://claimdesk',
    (event) => {
      expect(contentsListeners.has(event)).toBe(true);
      expect(navigate(event, 'app://claimdesk/index.html')).toBe(false);
      expect(navigate(event, 'https://example.org/')).toBe(true);
      expect(navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(navigate(event, 'app://claimdesk.evil/')).toBe(true);
    },
  );

  it('denies every new window, handing only vetted http(s) links to the browser', () => {
    electron.openExternal.mockClear();
    expect(windowOpen({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    expect(windowOpen({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(windowOpen({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(windowOpen({ url: 'app://claimdesk/index.html' })).toEqual({ action: 'deny' });
    expect(electron.openExternal.mock.calls).toEqual([['https://example.org/a']]);
  });

  it('blocks <webview> and denies all permissions', () => {
    const preventDefault = vi.fn();
    contentsListeners.get('will-attach-webview')?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as Handler;
    const callback = vi.fn();
    request({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as Handler;
    expect(check({}, 'clipboard-read', 'app://claimdesk', {})).toBe(false);
  });
});

describe('preload bridge', () => {
  let bridge: Record<string, unknown> & {
    on: (event: string, listener: (payload: unknown) => void) => () => void;
  };
  const push = (event: string, payload: unknown): void => {
    electron.rendererListeners.get(`claimdesk:event:${event}`)?.({ sender: 'ipc-event' }, payload);
  };

  beforeAll(async () => {
    await import('../../../src-main/preload/index');
    bridge = electron.exposed.get('claimdesk') as typeof bridge;
  });

  it('exposes exactly the RPC calls, edition and on: no ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['claimdesk']);
    expect(Object.keys(bridge).sort()).toEqual([
      'cancelImport',
      'edition',
      'importFile',
      'importStatus',
      'listBackups',
      'on',
      'openExternal',
      'openFiles',
      'printToPdf',
      'readBackup',
      'saveFile',
      'storeBackup',
    ]);
    expect(bridge.edition).toBe('desktop');
    expect(Object.values(bridge).some((v) => v === electron.invoke)).toBe(false);
  });

  it('sends every call over the one channel as (method, args)', async () => {
    const bytes = new Uint8Array([1]);
    await (bridge.importFile as (...a: unknown[]) => Promise<unknown>)('a.txt', bytes, { jobId: 'j1' });
    expect(electron.invoke).toHaveBeenLastCalledWith('claimdesk:rpc', 'importFile', [
      'a.txt',
      bytes,
      { jobId: 'j1' },
    ]);
    await (bridge.cancelImport as (id: string) => Promise<unknown>)('j1');
    expect(electron.invoke).toHaveBeenLastCalledWith('claimdesk:rpc', 'cancelImport', ['j1']);
    await (bridge.openFiles as () => Promise<unknown>)();
    expect(electron.invoke).toHaveBeenLastCalledWith('claimdesk:rpc', 'openFiles', []);
  });

  it('subscribes only to allow-listed events', () => {
    expect([...electron.rendererListeners.keys()].sort()).toEqual([
      'claimdesk:event:backupRequested',
      'claimdesk:event:filesOpened',
      'claimdesk:event:menuCommand',
    ]);
    expect(() => bridge.on('evil', () => undefined)).toThrow(/unknown event/);
    expect(() => bridge.on('__proto__', () => undefined)).toThrow(/unknown event/);
  });

  it('holds early events for the first listener, then delivers payloads only, until unsubscribed', () => {
    push('filesOpened', ['early']);
    const seen: unknown[] = [];
    const off = bridge.on('filesOpened', (payload) => seen.push(payload));
    expect(seen).toEqual([['early']]);
    push('filesOpened', ['later']);
    expect(seen).toEqual([['early'], ['later']]);
    off();
    push('menuCommand', 'export-report');
    push('filesOpened', ['after']);
    expect(seen).toHaveLength(2);
  });
});
