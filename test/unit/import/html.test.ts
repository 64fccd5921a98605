// HTML import: article extraction and, above all, that hostile markup never reaches the output.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';
import { isoDate } from '../../../src-main/import/html';
import { utf8 } from './corpus-helpers';

const HOSTILE = `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=https://evil.example.net/refresh">
<title>Harbour Board Approves Dredging Plan</title>
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2026-04-02T07:15:00+02:00">
<meta property="og:site_name" content="Velmora Courier">
<script>globalThis.__claimdeskPwned = 'head-script';</script>
<base href="javascript:alert('base')">
</head>
<body onload="globalThis.__claimdeskPwned = 'onload'">
<nav><a href="https://example.org/">Home</a> <a href="https://example.org/sport">Sport</a></nav>
<article>
<h1>Harbour Board Approves Dredging Plan</h1>
<p>The harbour board approved a plan to dredge the <a href="javascript:alert('link')">main channel</a> to a depth of fourteen metres, the board said on <a href="https://example.org/minutes" onclick="alert('click')">Wednesday</a>.</p>
<p>Fishermen said the work would disturb spawning grounds <img src="x" onerror="globalThis.__claimdeskPwned='img'"> during the spring season, and asked for a delay of two months.</p>
<iframe src="https://evil.example.net/frame" srcdoc="<script>alert('srcdoc')</script>"></iframe>
<svg><script>globalThis.__claimdeskPwned='svg'</script><a href="javascript:alert('svg')"><text>svg text</text></a></svg>
<h2>Costs</h2>
<p>The board put the cost at 3.2 million, to be paid from port fees. <a href="data:text/html,<script>alert(1)</script>">Details</a></p>
<blockquote><p>"We cannot let the channel silt up," said board chair Tomas Reyes.</p></blockquote>
<ul><li>Work starts in <b>June</b>.</li><li>It ends in <a href="mailto:press@example.org">September</a>.</li></ul>
<math><mi xlink:href="javascript:alert('math')">x</mi></math>
<form action="https://evil.example.net/post"><input name="q" value="form input"><button>Send</button></form>
<object data="https://evil.example.net/x.swf"></object><embed src="https://evil.example.net/y.swf">
<p style="background:url(javascript:alert('css'))">A final paragraph with enough words to be kept by the extractor as article text.</p>
</article>
<aside><h3>Most read</h3><ul><li>Unrelated story</li></ul></aside>
<div class="ad">ADVERTISEMENT: buy now</div>
<footer>© 2026 Velmora Courier <a href="/privacy">Privacy</a></footer>
<script>globalThis.__claimdeskPwned = 'body-script';</script>
</body></html>`;

const FORBIDDEN = [
  'alert',
  'javascript:',
  'onerror',
  'onload',
  'onclick',
  '<script',
  'iframe',
  'srcdoc',
  'evil.example.net',
  'svg text',
  'form input',
  'data:text',
  '__claimdeskPwned',
  'ADVERTISEMENT',
  'Most read',
  'Privacy',
];

describe('HTML import', () => {
  it('keeps no script, handler, javascript: URL, iframe, svg or refresh from a hostile page', async () => {
    const parsed = await parseFile('hostile.html', utf8(HOSTILE));
    const json = JSON.stringify(parsed);
    for (const bad of FORBIDDEN) expect(json, bad).not.toContain(bad);
    expect((globalThis as { __claimdeskPwned?: unknown }).__claimdeskPwned).toBeUndefined();
  });

  it('extracts the article: title, metadata, blocks by kind, safe links only', async () => {
    const { articles } = await parseFile('hostile.html', utf8(HOSTILE));
    const [a] = articles;
    expect(a?.title).toBe('Harbour Board Approves Dredging Plan');
    expect(a?.author).toBe('Ana Ruiz');
    expect(a?.published).toBe('2026-04-02T05:15:00Z');
    expect(a?.siteName).toBe('Velmora Courier');
    expect(a?.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'quote',
      'list-item',
      'list-item',
      'paragraph',
    ]);
    expect(a?.blocks[0]?.text).toContain('dredge the main channel to a depth');
    const hrefs = a?.blocks.flatMap((b) =>
      (b.links ?? []).map((l) => [b.text.slice(l.start, l.end), l.href]),
    );
    expect(hrefs).toEqual([
      ['Wednesday', 'https://example.org/minutes'],
      ['September', 'mailto:press@example.org'],
    ]);
    expect(a?.blocks[5]?.text).toBe('Work starts in June.');
  });

  it('turns a figure caption into caption and credit, and skips the byline paragraph', async () => {
    const html = `<html><head><title>Bridge Reopens</title><meta name="author" content="Li Wei"></head><body><article>
      <p class="byline">By Li Wei, May 2</p>
      <figure><img src="https://example.org/b.jpg"><figcaption>The bridge at dawn (Reuters)</figcaption></figure>
      <p>The old bridge reopened to traffic on Monday after two years of repairs costing 40 million.</p>
      <p>Drivers queued from six in the morning to be among the first to cross the river again.</p>
      </article></body></html>`;
    const [a] = (await parseFile('bridge.html', utf8(html))).articles;
    expect(a).toMatchObject({
      title: 'Bridge Reopens',
      caption: 'The bridge at dawn (Reuters)',
      credit: 'Reuters',
    });
    expect(a?.author).toBe('Li Wei');
    expect(a?.blocks.map((b) => b.text.slice(0, 12))).toEqual(['The old brid', 'Drivers queu']);
  });

  it('reads an article whose wrapper has an author-named class (WordPress `author-<name>`)', async () => {
    const html = `<html><head><title>Ferry Timetable Changes</title></head><body>
      <article class="entry author-dana post type-post">
      <div class="entry-byline"><a rel="author" href="/author/dana">Dana Kowalski</a> May 3</div>
      <p>The island ferry will leave the harbour every forty minutes from June, the operator said.</p>
      <p>Evening crossings are cut to two an hour after nine, to the dismay of late-shift workers.</p>
      </article></body></html>`;
    const [a] = (await parseFile('ferry.html', utf8(html))).articles;
    expect(a?.title).toBe('Ferry Timetable Changes');
    expect(a?.blocks.map((b) => b.text.slice(0, 12))).toEqual(['The island f', 'Evening cros']);
  });

  it('reads an HTML page with no text as "no text found"', async () => {
    await expect(
      parseFile('empty.html', utf8('<html><body><script>x()</script></body></html>')),
    ).rejects.toThrow(/no text found/);
  });

  it('normalises dates to ISO 8601 and drops non-dates', () => {
    expect(isoDate('2026-03-14T09:30:00Z')).toBe('2026-03-14T09:30:00Z');
    expect(isoDate('2026-03-14T09:30:00.250Z')).toBe('2026-03-14T09:30:00.250Z');
    expect(isoDate('yesterday')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
});
