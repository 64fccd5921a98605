// The bridge the desktop preload exposes (and the browser edition installs) as window.claimdesk.
import type { ClaimdeskBridge } from '../../../src-shared/rpc-calls';

declare global {
  interface Window {
    claimdesk?: ClaimdeskBridge;
  }
}

export {};
