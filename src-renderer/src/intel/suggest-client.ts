// The renderer's side of the suggestions worker: one worker, started on first use, answering one
// article at a time in the order asked; answers are kept for the most recent articles, so going
// back to an article costs nothing. Articles are ranked when opened (a 10,000-article dump is
// never ranked all at once), and the reader's thread only posts text and receives results.
import type { SuggestedSentence } from '../../../src-shared/intel/suggest';
import type { SuggestReply, SuggestRequest } from './suggest-protocol';

const KEEP = 64;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (s: SuggestedSentence[]) => void; reject: (e: Error) => void }>();
const answers = new Map<string, Promise<SuggestedSentence[]>>();

function started(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./suggest-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = ({ data }: MessageEvent<SuggestReply>) => {
    const pending = waiting.get(data.id);
    if (!pending) return;
    waiting.delete(data.id);
    if (data.ok) pending.resolve(data.value);
    else pending.reject(new Error(data.error));
  };
  w.onerror = (event) => {
    // A worker that failed to start or crashed answers nothing more: fail what waits, start anew next time.
    event.preventDefault();
    for (const pending of waiting.values())
      pending.reject(new Error(event.message || 'the suggestions worker stopped'));
    waiting.clear();
    answers.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/** Every sentence of a document's text, scored and attributed (cached by document id). */
export function suggestionsFor(documentId: string, text: string): Promise<SuggestedSentence[]> {
  const known = answers.get(documentId);
  if (known) {
    answers.delete(documentId);
    answers.set(documentId, known);
    return known;
  }
  const answer = new Promise<SuggestedSentence[]>((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { resolve, reject });
    const request: SuggestRequest = { id, text };
    started().postMessage(request);
  });
  answer.catch(() => answers.delete(documentId));
  answers.set(documentId, answer);
  if (answers.size > KEEP) answers.delete(answers.keys().next().value as string);
  return answer;
}
