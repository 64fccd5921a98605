// IPC channel names shared by the main process and the preload: one invoke channel for every
// RPC call, and one push channel per event name in the allow-list.
import type { RpcEvent } from '../../src-shared/rpc-calls';

export const RPC_CHANNEL = 'claimdesk:rpc';

/** Every event the preload will subscribe to; `satisfies` keeps it in step with RpcEvents. */
export const RPC_EVENT_NAMES = {
  filesOpened: true,
  menuCommand: true,
  backupRequested: true,
} as const satisfies Record<RpcEvent, true>;

export function isRpcEventName(value: unknown): value is RpcEvent {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RPC_EVENT_NAMES, value);
}

export const eventChannel = (event: RpcEvent): string => `claimdesk:event:${event}`;
