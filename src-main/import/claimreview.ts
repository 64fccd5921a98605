// A ClaimReview JSON-LD file (fact-checks as publishers put them on the web) → a ParsedFile with
// no articles and its reviews in `factChecks`. Read in the import worker, like every file.
import { MAX_CLAIMREVIEW_BYTES, parseClaimReviewText } from '../../src-shared/factcheck/claimreview-read';
import type { ParsedFile } from '../../src-shared/model';
import { ImportError } from './errors';

export function parseClaimReviewFile(name: string, bytes: Uint8Array): ParsedFile {
  if (bytes.byteLength > MAX_CLAIMREVIEW_BYTES)
    throw new ImportError(`the ClaimReview file is larger than ${MAX_CLAIMREVIEW_BYTES / 1024 / 1024} MB`);
  let source: string;
  try {
    // JSON is UTF-8 (RFC 8259): anything else is a damaged file, not another encoding.
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('the ClaimReview file is not UTF-8 text');
  }
  const read = parseClaimReviewText(source);
  if (!read.ok) throw new ImportError(read.error);
  return { file: name, format: 'text', encoding: 'utf-8', articles: [], factChecks: read.value };
}
