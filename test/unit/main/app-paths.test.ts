// The app:// resolver: requests map onto files inside the renderer build, and nothing else.
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppAssetPath } from '../../../src-main/main/app-paths';

const root = resolve('/srv/claimdesk/out/renderer');
const at = (url: string): string | null => resolveAppAssetPath(root, url);

describe('resolveAppAssetPath', () => {
  it.each([
    ['app://claimdesk/', 'index.html'],
    ['app://claimdesk', 'index.html'],
    ['app://claimdesk/index.html', 'index.html'],
    ['app://claimdesk/assets/index-abc123.js', join('assets', 'index-abc123.js')],
    ['app://claimdesk/index.html?x=1', 'index.html'],
    ['app://claimdesk/index.html#/doc/1', 'index.html'],
    ['app://claimdesk/?q=../../etc/passwd', 'index.html'],
    ['app://claimdesk/assets/a%20b.css', join('assets', 'a b.css')],
    ['app://claimdesk/assets/caf%C3%A9.woff2', join('assets', 'café.woff2')],
  ])('maps %s to %s', (url, file) => expect(at(url)).toBe(join(root, file)));

  it.each([
    'app://claimdesk/../../etc/passwd',
    'app://claimdesk/assets/../../../etc/passwd',
    'app://claimdesk/./index.html',
    'app://claimdesk/..',
    'app://claimdesk/%2e%2e/%2e%2e/etc/passwd',
    'app://claimdesk/%2E%2E%2Fetc%2Fpasswd',
    'app://claimdesk/assets%2f..%2f..%2fsecret',
    'app://claimdesk/%252e%252e/secret',
    'app://claimdesk/..%5c..%5cwindows',
    'app://claimdesk/..\\..\\windows\\win.ini',
    'app://claimdesk/assets\\index.js',
    'app://claimdesk//etc/passwd',
    'app://claimdesk/assets//index.js',
    'app://claimdesk/C:/Windows/win.ini',
    'app://claimdesk/C:%5CWindows',
    'app://claimdesk/index.html%00.png',
    'app://claimdesk/a%0Ab',
    'app://claimdesk/%E0%A4%A',
    'app://other/index.html',
    'app://claimdesk.evil/index.html',
    'app://evil.claimdesk/index.html',
    'app://claimdesk:8080/index.html',
    'app://user@claimdesk/index.html',
    'app://claimdesk@evil/index.html',
    'http://claimdesk/index.html',
    'file:///etc/passwd',
    '/etc/passwd',
    'index.html',
    '',
  ])('refuses %s', (url) => expect(at(url)).toBeNull());

  it('never returns a path outside the root, whatever the input', () => {
    const probes = ['..', '%2e', '.', '/', '\\', '%2f', 'a', '%00', ':', '%', '?', '#'];
    for (const a of probes)
      for (const b of probes)
        for (const c of probes) {
          const result = at(`app://claimdesk/${a}${b}/${c}`);
          if (result !== null) expect(result.startsWith(root + sep)).toBe(true);
        }
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['pdf.worker.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['noext', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});
