// Test helper: an importer's articles must carry exactly the canonical text, directions and
// content hash the shared rules (src-shared/canonical.ts) define.
import { expect } from 'vitest';
import { articleDocBlocks, canonicalText, contentHash, detectDirection } from '../../../src-shared/canonical';
import type { ParsedArticle } from '../../../src-shared/model';
import { canonicalBlockText } from '../shared/canonical-oracle';

export async function expectShared(articles: readonly ParsedArticle[]): Promise<void> {
  for (const article of articles) {
    const blocks = articleDocBlocks(article);
    expect(article.contentHash).toBe(await contentHash(canonicalText(blocks)));
    expect(article.direction).toBe(detectDirection(blocks.map((b) => b.text).join(' ')));
    for (const b of article.blocks) {
      expect(b.text).toBe(canonicalBlockText(b.text));
      expect(b.direction).toBe(detectDirection(b.text));
    }
  }
}
