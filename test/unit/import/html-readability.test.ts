// HTML import on a real page from Mozilla Readability's test suite (test/fixtures/html/SOURCE.md):
// what the app imports must be the article Readability finds, without the page's chrome.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src-main/import/index';

const pageDir = fileURLToPath(new URL('../../fixtures/html/readability-wordpress/', import.meta.url));
const metadata = JSON.parse(readFileSync(`${pageDir}expected-metadata.json`, 'utf8')) as {
  title: string;
};

async function importPage() {
  const bytes = new Uint8Array(readFileSync(`${pageDir}source.html`));
  const { articles } = await parseFile('source.html', bytes);
  expect(articles).toHaveLength(1);
  return articles[0]!;
}

describe('HTML import of Readability test page "wordpress"', () => {
  it('finds the article Readability finds: title, site, date and body blocks', async () => {
    const a = await importPage();
    expect(a.title).toBe(metadata.title);
    expect(a.siteName).toBe('WordPress Tavern');
    expect(a.published).toBe('2017-03-09T23:16:02Z');
    // Readability's expected.html: eight text paragraphs and one blockquote (image-only paragraphs
    // hold no text).
    expect(a.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'quote',
      'paragraph',
      'paragraph',
    ]);
    expect(a.blocks[0]?.text).toBe(
      'Stack Overflow published its analysis of 2017 hiring trends based on the targeting options ' +
        'employers selected when posting to Stack Overflow Jobs. The report, which compares data ' +
        'from 200 companies since 2015, ranks ReactJS, Docker, and Ansible at the top of the ' +
        'fastest growing skills in demand. When comparing the percentage change from 2015 to 2016, ' +
        'technologies like AJAX, Backbone.js, jQuery, and WordPress are less in demand.',
    );
    expect(a.blocks[6]?.text).toMatch(
      /^I wonder how many of these skills are no longer listed because they are “table stakes”\./,
    );
    expect(a.blocks[8]?.text).toMatch(
      /These are both highly portable skills that are in demand on the web\.$/,
    );
    const first = a.blocks[0]!;
    expect(first.links?.map((l) => [first.text.slice(l.start, l.end), l.href])).toContainEqual([
      '2017 hiring trends',
      'https://stackoverflow.blog/2017/03/09/developer-hiring-trends-2017/',
    ]);
  });

  it('leaves out navigation, sharing, related posts, comments, forms, sidebar and footer', async () => {
    const json = JSON.stringify(await importPage());
    for (const chrome of [
      'Comment Policy', // primary menu
      'Expand Search Form', // search form in the menu
      'Share this:',
      'Click to share on Twitter',
      'Like this:',
      'Stack Overflow Documentation is Now in Beta', // related posts
      'Posted in', // entry footer
      'There are 13 comments',
      'If there were really no demand for WordPress developers', // first comment
      'Your email address will not be published', // comment form
      'Notify me of follow-up comments',
      'Previous Post:',
      'Currently On Tap', // sidebar
      'Subscribe to Blog via Email',
      'Copyright ©', // site footer
      'javascript:', // comments' report links
    ]) {
      expect(json, chrome).not.toContain(chrome);
    }
  });
});
