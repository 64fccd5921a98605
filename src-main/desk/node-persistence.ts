// How a desk node loads and stores its documents, and what it does when the store fails. A stored
// state that does not decode is reported in one line and left exactly as it is (never served,
// never overwritten); a store that fails (database gone, disk full) is reported once, the node
// keeps the document in memory and serving, and retries until it can store it again. Each store is
// one statement, so a failure leaves the previous state whole.
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { DeskStore } from './desk-store';
import { errorMessage } from '../../src-shared/util/error-message';

export const STORE_RETRY_MS = 5_000;

const firstLine = (error: unknown): string => errorMessage(error).split('\n')[0]!.slice(0, 200);

/** A refusal without a message: Hocuspocus logs hook errors that have one, with a stack. */
const refusal = (reason: string) => ({ code: 4500, reason });

export interface Persistence {
  extension: Extension;
  /** Stores every document still waiting for a retry; resolves when all are stored or failed. */
  flush(): Promise<void>;
  /** Documents whose latest state the store does not hold yet. */
  pending(): number;
  stop(): void;
}

export function persistence(node: string, store: DeskStore, log: (line: string) => void): Persistence {
  const waiting = new Map<string, Y.Doc>();
  let failing = false;
  let timer: NodeJS.Timeout | null = null;

  async function storeNow(name: string, document: Y.Doc): Promise<void> {
    try {
      await store.storeDocument(name, Y.encodeStateAsUpdate(document));
      waiting.delete(name);
      if (failing && waiting.size === 0) {
        failing = false;
        log(`desk: ${node} stores documents again`);
      }
    } catch (error) {
      if (!failing)
        log(`desk: ${node} cannot store ${name}, keeping it in memory and retrying: ${firstLine(error)}`);
      failing = true;
      waiting.set(name, document);
      timer ??= setTimeout(() => {
        timer = null;
        void flush();
      }, STORE_RETRY_MS);
    }
  }

  async function flush(): Promise<void> {
    for (const [name, document] of [...waiting]) await storeNow(name, document);
  }

  const extension: Extension = {
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
      let state: Uint8Array | null;
      try {
        state = await store.fetchDocument(documentName);
      } catch (error) {
        log(`desk: ${node} cannot read ${documentName} from its store: ${firstLine(error)}`);
        throw refusal('the desk cannot read its store; try again later');
      }
      if (!state) return;
      const check = new Y.Doc();
      let damaged: boolean;
      try {
        Y.applyUpdate(check, state);
        // An update cut short can decode without an error and leave structs waiting for the rest.
        damaged = check.store.pendingStructs !== null || check.store.pendingDs !== null;
      } catch {
        damaged = true;
      }
      check.destroy();
      if (damaged) {
        log(
          `desk: ${node}: the stored ${documentName} is damaged (${state.length} bytes); kept as it is, not served`,
        );
        throw refusal('the desk document is damaged on the server; ask the administrator');
      }
      Y.applyUpdate(document, state);
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
      await storeNow(documentName, document);
    },
  };

  return {
    extension,
    flush,
    pending: () => waiting.size,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
