// Links in exports: only http(s), always serialised as valid RFC 3986 URIs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typedLinkHref, httpUrl } from '../../../src-shared/export/urls';
import { URI } from './w3c-suite';

describe('httpUrl', () => {
  it.each([
    ['http://x.example/a|', 'http://x.example/a%7C'],
    ['https://x.example/p?q={x}&r=^', 'https://x.example/p?q=%7Bx%7D&r=%5E'],
    ['https://x.example/100%zz#`x`', 'https://x.example/100%25zz#%60x%60'],
    ['https://x.example/ok%20already', 'https://x.example/ok%20already'],
    ['https://bücher.example/straße', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
    ['http://[::1]:8080/a', 'http://[::1]:8080/a'],
  ])('%s becomes %s', (raw, href) => {
    expect(httpUrl(raw)).toBe(href);
    expect(URI.test(href)).toBe(true);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'not a url', ''])(
    'refuses %s',
    (raw) => expect(httpUrl(raw)).toBeNull(),
  );

  it('gives a valid URI for any http(s) URL the browser accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (tail) => {
        const href = httpUrl(`https://x.example/${tail}`);
        if (href !== null) expect(URI.test(href)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('typedLinkHref', () => {
  it('completes an evidence URL stored without its scheme, as the editor now stores it', () => {
    expect(typedLinkHref('kremlin.ru/events/president/news/73585')).toBe(
      'https://kremlin.ru/events/president/news/73585',
    );
    expect(typedLinkHref('https://x.example/a|')).toBe('https://x.example/a%7C');
  });

  it.each(['javascript:alert(1)', 'not a url', 'kremlin', '', null])('links nothing for %j', (raw) =>
    expect(typedLinkHref(raw)).toBeNull(),
  );
});
