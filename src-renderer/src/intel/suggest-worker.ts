// The suggestions worker: ranks and attributes an article's sentences off the UI thread, with the
// model bundled into this worker (decoded once, on the first article).
import { defaultModel } from '../../../src-shared/intel/checkworthy-model';
import { suggestSentences } from '../../../src-shared/intel/suggest';
import type { SuggestReply, SuggestRequest } from './suggest-protocol';
import { errorMessage } from '../../../src-shared/util/error-message';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SuggestRequest>) => void) | null;
  postMessage(message: SuggestReply): void;
};

scope.onmessage = ({ data }) => {
  if (typeof data?.id !== 'number' || typeof data.text !== 'string') return;
  try {
    scope.postMessage({ id: data.id, ok: true, value: suggestSentences(defaultModel(), data.text) });
  } catch (error) {
    scope.postMessage({
      id: data.id,
      ok: false,
      error: errorMessage(error),
    });
  }
};
