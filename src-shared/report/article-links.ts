// The article's own links as reports list them: each linked text with its address, web
// addresses only (anything else cannot be followed from a report), in reading order.
import { httpUrl } from '../export/urls';
import type { DocumentRecord } from '../model';

export interface ArticleLink {
  text: string;
  href: string;
}

export function articleLinks(doc: DocumentRecord): ArticleLink[] {
  const links: ArticleLink[] = [];
  for (const block of doc.blocks)
    for (const link of block.links ?? []) {
      const href = httpUrl(link.href);
      const text = block.text.slice(link.start, link.end).trim();
      if (href && text) links.push({ text, href });
    }
  return links;
}
