// Stores the fact-checks of a ClaimReview file (read and checked by the import service) in the
// library's factChecks table, in one transaction. A review already stored (same page, same
// claim) is not added again, so importing a file twice adds nothing the second time.
import {
  factCheckKey,
  type FactCheckRecord,
  type ImportedFactCheck,
} from '../../../src-shared/factcheck/fact-check';
import { err, ok, type Result } from '../../../src-shared/result';
import type { ClaimdeskDb } from './database';
import { plural } from '../../../src-shared/util/plural';
import { sha256Hex } from '../../../src-shared/util/sha256';

export interface FactCheckOutcome {
  added: number;
  duplicates: number;
}

export const factCheckId = async (f: ImportedFactCheck): Promise<string> =>
  `fc-${(await sha256Hex(factCheckKey(f))).slice(0, 32)}`;

export async function storeFactChecks(
  db: ClaimdeskDb,
  file: string,
  reviews: readonly ImportedFactCheck[],
  now = new Date(),
): Promise<Result<FactCheckOutcome>> {
  // Ids first: a transaction that waits on Web Crypto is committed under it.
  const ids = await Promise.all(reviews.map(factCheckId));
  const importedAt = now.toISOString();
  try {
    return ok(
      await db.transaction('rw', db.factChecks, async () => {
        const stored = new Set((await db.factChecks.bulkGet(ids)).flatMap((r) => (r ? [r.id] : [])));
        const added: FactCheckRecord[] = [];
        reviews.forEach((review, i) => {
          const id = ids[i] as string;
          if (stored.has(id)) return;
          stored.add(id);
          added.push({ ...review, id, file, importedAt });
        });
        await db.factChecks.bulkAdd(added);
        return { added: added.length, duplicates: reviews.length - added.length };
      }),
    );
  } catch (error) {
    return err(`${file}: the fact-checks could not be saved, and none were added (${String(error)})`);
  }
}

export function describeFactChecks(file: string, { added, duplicates }: FactCheckOutcome): string {
  const parts = [`${file}: imported ${plural(added, 'fact-check', 'fact-checks')}`];
  if (duplicates > 0) parts.push(`${plural(duplicates, 'was', 'were')} already in the library`);
  return `${parts.join('; ')}.`;
}
