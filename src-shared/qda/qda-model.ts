// What a REFI-QDA project read off the main process hands to the library: the codes, and each
// coding already placed in its source's canonical text. Plain data, so it crosses the worker
// and IPC boundaries as it is.
import type { AnnotationTarget } from '../model';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface QdaCode {
  guid: string;
  name: string;
  /** #RRGGBB, or null when the tool gave none (or one that is not a colour). */
  color: string | null;
}

export interface QdaHighlight {
  /** The PlainTextSelection's GUID and the Coding's, which together name the highlight. */
  externalId: string;
  /** Index of the article (source) in the ParsedFile. */
  article: number;
  target: AnnotationTarget;
  /** False when the passage could not be found in the text: it is kept as an orphan. */
  placed: boolean;
  /** The Code applied, or null for a selection that carries only notes. */
  codeGuid: string | null;
  notes: string;
  author: string | null;
  created: string | null;
}

export interface QdaCodings {
  /** The tool that made the project (the Project's `origin`), when it says. */
  origin: string | null;
  codes: QdaCode[];
  highlights: QdaHighlight[];
  /** Sources that were left out, with why (pictures, PDFs, media, a missing text file…). */
  skipped: string[];
}
