// Which frame URLs may call the RPC channel (and be navigated to): app://claimdesk only.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src-main/main/app-origin';
import { isTrustedSenderUrl } from '../../../src-main/main/trusted-sender';

describe('isTrustedSenderUrl', () => {
  it('pins the origin IndexedDB is keyed by', () => {
    expect(APP_ORIGIN).toBe('app://claimdesk');
    expect(APP_ENTRY_URL).toBe('app://claimdesk/index.html');
  });

  it.each([
    'app://claimdesk/index.html',
    'app://claimdesk/',
    'app://claimdesk',
    'app://claimdesk/index.html#x?y',
  ])('trusts %s', (url) => expect(isTrustedSenderUrl(url)).toBe(true));

  it.each([
    'app://claimdesk.evil/',
    'app://evil.claimdesk/',
    'app://evil/',
    'app://claimdesk:1234/',
    'app://user@claimdesk/',
    'app://claimdesk@evil/',
    'apps://claimdesk/',
    'http://claimdesk/',
    'https://claimdesk/',
    'http://127.0.0.1',
    'http://localhost:5173/',
    'file:///',
    'file:///work/main/out/renderer/index.html',
    'about:blank',
    'about:srcdoc',
    'data:text/html,hi',
    'blob:app://claimdesk/uuid',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('does not trust %s', (url) => expect(isTrustedSenderUrl(url)).toBe(false));

  it.each([undefined, null, 42, {}, new URL('app://claimdesk/')])('does not trust the non-string %j', (url) =>
    expect(isTrustedSenderUrl(url)).toBe(false),
  );

  describe('with a dev-server origin (unpackaged `electron-vite dev` only)', () => {
    const dev = 'http://localhost:5173';
    it('trusts that origin exactly', () => {
      expect(isTrustedSenderUrl('http://localhost:5173/index.html', dev)).toBe(true);
      expect(isTrustedSenderUrl('app://claimdesk/index.html', dev)).toBe(true);
    });
    it.each([
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://u@localhost:5173/',
    ])('still refuses %s', (url) => expect(isTrustedSenderUrl(url, dev)).toBe(false));
    it('never matches opaque origins', () => {
      expect(isTrustedSenderUrl('file:///x', 'null')).toBe(false);
      expect(isTrustedSenderUrl('data:text/html,x', 'null')).toBe(false);
    });
  });
});
