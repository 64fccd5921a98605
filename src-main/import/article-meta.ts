// Where and when an article was published, read from what its file declares: a page's canonical
// link, Open Graph and article: meta, and JSON-LD (NewsArticle and kin); Markdown front matter.
// Every value is optional; a web address is kept only if it is an absolute http(s) URL.
import { vetExternalUrl } from '../../src-shared/url-trust';

export interface DeclaredMeta {
  url: string | null;
  /** ISO 8601, as isoDate makes it. */
  published: string | null;
  outlet: string | null;
  author: string | null;
}

/** An ISO 8601 timestamp ("2026-03-14T09:30:00Z"), or null when the value is not a date. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

const clean = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' || text.length > 300 ? null : text;
};

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

/** The JSON-LD objects of a page that describe an article (top level, in arrays or @graph). */
function articleObjects(scripts: readonly string[]): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 4 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const obj = node as Json;
    const types = ([] as unknown[]).concat(obj['@type'] ?? []);
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) found.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
  };
  for (const text of scripts) {
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // A page's broken JSON-LD is not the analyst's problem: the other sources still count.
    }
  }
  return found;
}

const nameOf = (value: unknown): string | null => {
  const first = Array.isArray(value) ? value[0] : value;
  return clean(typeof first === 'object' && first !== null ? (first as Json).name : first);
};
const urlOf = (value: unknown): string | null =>
  vetExternalUrl(typeof value === 'object' && value !== null ? (value as Json)['@id'] : value);

/** The outlet a title ends with (" - BBC News", " | Reuters"), when it looks like a name. */
export function titleSuffixOutlet(title: string): string | null {
  const match = /\s[-–—|]\s([^-–—|]{2,40})$/.exec(title.trim());
  const suffix = match?.[1]?.trim() ?? '';
  return /^\p{Lu}/u.test(suffix) && suffix.split(/\s+/).length <= 4 ? suffix : null;
}

/** What a web page declares about its article (read before scripts are removed: JSON-LD is one). */
export function pageMeta(document: Document): DeclaredMeta {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const el = document.querySelector(`meta[property="${key}" i], meta[name="${key}" i]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(
    (s) => s.textContent ?? '',
  );
  const ld = articleObjects(scripts)[0] ?? {};
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const outlet =
    meta('og:site_name') ?? nameOf(ld.publisher) ?? titleSuffixOutlet(document.title ?? '') ?? null;
  const authorMeta = meta('article:author', 'og:article:author', 'author');
  // article:author is often a profile URL, and some outlets name themselves as the author.
  const author = nameOf(ld.author) ?? (authorMeta && !/^https?:/i.test(authorMeta) ? authorMeta : null);
  return {
    url:
      vetExternalUrl(canonical) ??
      vetExternalUrl(meta('og:url')) ??
      urlOf(ld.url) ??
      urlOf(ld.mainEntityOfPage),
    published:
      isoDate(clean(ld.datePublished)) ??
      isoDate(
        meta('article:published_time', 'og:article:published_time', 'date', 'pubdate', 'dc.date.issued'),
      ),
    outlet,
    author: author !== null && author === outlet ? null : author,
  };
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const FRONT_KEYS: Record<keyof DeclaredMeta | 'title', readonly string[]> = {
  title: ['title', 'headline'],
  url: ['url', 'link', 'source_url', 'canonical_url', 'canonical'],
  published: ['date', 'published', 'published_at', 'publishdate', 'datepublished'],
  outlet: ['outlet', 'source', 'site', 'site_name', 'publisher'],
  author: ['author', 'byline', 'authors'],
};

/**
 * A Markdown file's YAML front matter (simple `key: value` lines), if it opens with one: its
 * declared details and title, and the text after it.
 */
export function frontMatter(
  text: string,
): { meta: DeclaredMeta & { title: string | null }; body: string } | null {
  const match = FRONT_MATTER.exec(text);
  if (!match) return null;
  const values = new Map<string, string>();
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const raw = (pair[2] ?? '').trim().replace(/^\[(.*)\]$/, '$1');
    const value = raw.replace(/^(['"])(.*)\1$/, '$2').trim();
    if (value !== '') values.set((pair[1] ?? '').toLowerCase(), value);
  }
  const pick = (field: keyof typeof FRONT_KEYS): string | null =>
    clean(FRONT_KEYS[field].map((k) => values.get(k)).find((v) => v !== undefined));
  return {
    meta: {
      title: pick('title'),
      url: vetExternalUrl(pick('url')),
      published: isoDate(pick('published')),
      outlet: pick('outlet'),
      author: pick('author'),
    },
    body: text.slice(match[0].length),
  };
}
