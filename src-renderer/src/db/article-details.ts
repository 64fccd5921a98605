// An article's details (web address, publication date, outlet, author) as the analyst corrects
// them. An edit writes only the changed details and the list of details the analyst set, so
// opening the file again — or a changed version of the article — keeps the analyst's values.
import { vetExternalUrl } from '../../../src-shared/url-trust';
import { ARTICLE_DETAILS, type ArticleDetail, type DocumentRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from './database';

export type ArticleDetails = Record<ArticleDetail, string | null>;

export function articleDetails(doc: DocumentRecord): ArticleDetails {
  return { url: doc.url ?? null, published: doc.published, outlet: doc.outlet ?? null, author: doc.author };
}

/** Copies the details the analyst set on an earlier version to its replacement (before it is stored). */
export function keepAnalystDetails(old: DocumentRecord, doc: DocumentRecord): void {
  const set = old.analystFields ?? [];
  if (set.length === 0) return;
  const from = articleDetails(old);
  const into = doc as unknown as Record<ArticleDetail, string | null>;
  for (const field of set) into[field] = from[field];
  doc.analystFields = [...set];
}

/** The value stored for a typed detail: trimmed, empty as null, a checked address, a date as ISO. */
function checkedValue(field: ArticleDetail, raw: string | null): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (field === 'url') {
    const url = vetExternalUrl(text);
    if (url === null) throw new Error(`“${text}” is not a web address (http:// or https://).`);
    return url;
  }
  if (field === 'published') {
    // A calendar date as typed in a date field stays a date, not a midnight in some timezone.
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) throw new Error(`“${text}” is not a date.`);
    return date.toISOString().replace('.000Z', 'Z');
  }
  return text;
}

/** Stores the analyst's details, field by field, in one transaction; returns the stored record. */
export async function updateArticleDetails(
  db: ClaimdeskDb,
  id: string,
  patch: Partial<ArticleDetails>,
): Promise<DocumentRecord> {
  return db.transaction('rw', db.documents, async () => {
    const doc = await db.documents.get(id);
    if (!doc) throw new Error('The article is no longer in the library.');
    const now = articleDetails(doc);
    const changes: Partial<DocumentRecord> = {};
    const set = new Set(doc.analystFields ?? []);
    for (const field of ARTICLE_DETAILS) {
      if (!(field in patch)) continue;
      const value = checkedValue(field, patch[field] ?? null);
      if (value === now[field]) continue;
      (changes as Record<string, unknown>)[field] = value;
      set.add(field);
    }
    if (Object.keys(changes).length === 0) return doc;
    changes.analystFields = ARTICLE_DETAILS.filter((f) => set.has(f));
    await db.documents.update(id, changes);
    return { ...doc, ...changes };
  });
}
