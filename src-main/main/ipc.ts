// The one IPC channel the renderer may call: checks that the call comes from the app's own
// main frame, then hands it to dispatchRpc, which validates the method and its arguments.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { RpcEvent, RpcEvents } from '../../src-shared/rpc-calls';
import { err } from '../../src-shared/result';
import { dispatchRpc, type RpcImplementation } from '../services/rpc-dispatch';
import { RPC_CHANNEL, eventChannel } from './channels';
import { isTrustedSenderUrl } from './trusted-sender';

function isTrustedSender(event: IpcMainInvokeEvent, devOrigin: string | null): boolean {
  const frame = event.senderFrame;
  // null when the frame navigated away or was destroyed while the call was in flight.
  if (frame === null || frame.isDestroyed()) return false;
  // Only the top-level document: subframes (even same-origin ones) get no privileged calls.
  if (frame.parent !== null) return false;
  return isTrustedSenderUrl(frame.url, devOrigin);
}

export function registerRpcChannel(impl: RpcImplementation, devOrigin: string | null): void {
  ipcMain.handle(RPC_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event, devOrigin)) return err('request refused: it did not come from the app');
    return dispatchRpc(impl, method, args);
  });
}

/** Pushes an event to the renderer; the preload delivers it to listeners of that name. */
export function sendRpcEvent<E extends RpcEvent>(
  contents: WebContents,
  event: E,
  payload: RpcEvents[E],
): void {
  if (!contents.isDestroyed()) contents.send(eventChannel(event), payload);
}
