// The renderer's one way to the privileged side: the desktop preload's API when present,
// otherwise the browser edition's HTTP transport. Both implement ClaimdeskBridge.
import type { ClaimdeskBridge } from '../../../src-shared/rpc-calls';
import { createWebBridge } from './web-bridge';

let bridge: ClaimdeskBridge | undefined;

export function getBridge(): ClaimdeskBridge {
  bridge ??= window.claimdesk ?? createWebBridge();
  return bridge;
}
