// Test helpers: the corpus fixtures (test/fixtures/corpus) and what expected.json says of them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedArticle } from '../../../src-shared/model';

export const corpusDir = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

export interface ExpectedArticle {
  title: string;
  caption: string | null;
  credit: string | null;
  paragraphs: number;
  first: string;
  direction: 'ltr' | 'rtl';
  author?: string;
  published?: string;
}

export interface Expected {
  files: Record<string, { encoding: string; articles: ExpectedArticle[] }>;
  edge: Record<string, string>;
}

export const expected = JSON.parse(readFileSync(`${corpusDir}expected.json`, 'utf8')) as Expected;

export const corpusBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(corpusDir + name));

/** Body paragraphs as expected.json counts them: paragraphs, quotes and list items, not headings. */
export const bodyBlocks = (a: ParsedArticle): ParsedArticle['blocks'] =>
  a.blocks.filter((b) => b.kind !== 'heading');

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
