// window.claimdesk: the bridge the desktop preload exposes (absent in the browser edition, which
// talks to its host over HTTP instead).
import type { ClaimdeskBridge } from '../../../src-shared/rpc-calls';

declare global {
  interface Window {
    claimdesk?: ClaimdeskBridge;
  }
}

export {};
