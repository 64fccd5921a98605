// vetExternalUrl: only absolute http(s) URLs with a host and no credentials leave the app,
// however the URL is dressed up.
import { describe, expect, it } from 'vitest';
import { completeWebAddress, vetExternalUrl } from '../../../src-shared/url-trust';

describe('vetExternalUrl', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/Path', 'https://example.org/Path'],
    ['  https://example.org/  ', 'https://example.org/'],
    ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
    ['https://bücher.example/straße', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
    ['https://example.org:8443/x', 'https://example.org:8443/x'],
    // The URL standard reads the first path segment as the host; the normalised form, which is
    // what gets opened, says so plainly.
    ['https:///path', 'https://path/'],
  ])('accepts %j as %j', (raw, normalised) => expect(vetExternalUrl(raw)).toBe(normalised));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'file:///etc/passwd',
    'file://host/share/x',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.org/uuid',
    'vbscript:msgbox(1)',
    'ftp://example.org/',
    'mailto:a@example.org',
    'app://claimdesk/x',
    'chrome://settings',
    'about:blank',
    'https://user:pass@example.org/',
    'https://user@example.org/',
    'https://good.example@evil.example/',
    'https://good.example:pw@evil.example/',
    'http://',
    '//evil.example',
    '/relative/path',
    'example.org',
    '',
    'https://exa mple.org/',
    `https://example.org/${'a'.repeat(4096)}`,
  ])('refuses %j', (raw) => expect(vetExternalUrl(raw)).toBeNull());

  it.each([undefined, null, 42, {}, new URL('https://example.org/'), ['https://example.org/']])(
    'refuses the non-string %j',
    (raw) => expect(vetExternalUrl(raw)).toBeNull(),
  );

  it('accepts a long URL up to the limit', () => {
    const url = `https://example.org/${'a'.repeat(4096 - 'https://example.org/'.length)}`;
    expect(url).toHaveLength(4096);
    expect(vetExternalUrl(url)).toBe(url);
  });
});

describe('completeWebAddress', () => {
  it.each([
    ['kremlin.ru/events/president/news/73585', 'https://kremlin.ru/events/president/news/73585'],
    ['  www.example.org  ', 'https://www.example.org'],
    ['//example.org/a', 'https://example.org/a'],
    ['kremlin.ru:8080/x', 'https://kremlin.ru:8080/x'],
    ['news.bbc.co.uk/2/hi', 'https://news.bbc.co.uk/2/hi'],
    ['bücher.example/straße', 'https://bücher.example/straße'],
    ['192.0.2.7/report', 'https://192.0.2.7/report'],
    ['https://example.org/a', 'https://example.org/a'],
    ['HTTP://Example.org', 'HTTP://Example.org'],
  ])('keeps %j as %j', (typed, kept) => expect(completeWebAddress(typed)).toBe(kept));

  it.each([
    'javascript:alert(1)',
    'mailto:desk@example.org',
    'file:///etc/passwd',
    'not a link',
    'kremlin',
    'kremlin.',
    'report.2024',
    '1.',
    '1.2',
    '1.http://x.example/a',
    'example.org:x/y',
    'https://user:pw@example.org/',
    'example.org/a b',
    '',
  ])('keeps nothing for %j', (typed) => expect(completeWebAddress(typed)).toBeNull());
});
