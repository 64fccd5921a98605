// The messages between the renderer and its suggestions worker: a request carries an article's
// canonical text; the reply carries its suggested sentences, or why there are none.
import type { SuggestedSentence } from '../../../src-shared/intel/suggest';

export interface SuggestRequest {
  id: number;
  text: string;
}

export type SuggestReply =
  { id: number; ok: true; value: SuggestedSentence[] } | { id: number; ok: false; error: string };
