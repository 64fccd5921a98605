// Loads the edited versions of a corpus article (test/fixtures/edited) as canonical text, the
// form annotations are anchored in: blank-line-separated blocks, each canonicalised.
import { readFileSync } from 'node:fs';
import { BLOCK_SEPARATOR } from '../../../src-shared/canonical';
import { canonicalBlockText } from '../shared/canonical-oracle';

export type EditedArticle = 'original' | 'words-inserted' | 'paragraphs-moved' | 'typos' | 'passage-deleted';

export function editedArticle(name: EditedArticle): string {
  const raw = readFileSync(new URL(`../../fixtures/edited/asharq-${name}.txt`, import.meta.url), 'utf8');
  return raw
    .split(/\n\s*\n/)
    .map(canonicalBlockText)
    .filter((block) => block !== '')
    .join(BLOCK_SEPARATOR);
}
