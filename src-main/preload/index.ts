// Preload (sandboxed, built as CommonJS): exposes window.claimdesk, a fixed set of RPC calls
// over one IPC channel and subscription to allow-listed events. ipcRenderer itself, and the
// IPC event objects, never reach the page.
import { contextBridge, ipcRenderer } from 'electron';
import type {
  ClaimdeskBridge,
  RpcArgs,
  RpcEvent,
  RpcEvents,
  RpcMethod,
  RpcResult,
} from '../../src-shared/rpc-calls';
import { RPC_CHANNEL, RPC_EVENT_NAMES, eventChannel, isRpcEventName } from '../main/channels';

const call =
  <M extends RpcMethod>(method: M) =>
  (...args: RpcArgs<M>): Promise<RpcResult<M>> =>
    ipcRenderer.invoke(RPC_CHANNEL, method, args) as Promise<RpcResult<M>>;

type Listener = (payload: unknown) => void;
const MAX_BUFFERED = 32;
const listeners = new Map<RpcEvent, Set<Listener>>();
// Events can arrive before React has subscribed (files given on the command line are sent as
// soon as the page has loaded), so each event is held until its first listener appears.
const buffered = new Map<RpcEvent, unknown[]>();

for (const event of Object.keys(RPC_EVENT_NAMES) as RpcEvent[]) {
  listeners.set(event, new Set());
  buffered.set(event, []);
  ipcRenderer.on(eventChannel(event), (_ipcEvent, payload: unknown) => {
    const current = listeners.get(event);
    if (current && current.size > 0) {
      for (const listener of current) listener(payload);
      return;
    }
    const queue = buffered.get(event);
    if (queue && queue.length < MAX_BUFFERED) queue.push(payload);
  });
}

const api = {
  edition: 'desktop',
  importFile: call('importFile'),
  openFiles: call('openFiles'),
  saveFile: call('saveFile'),
  openExternal: call('openExternal'),
  importStatus: call('importStatus'),
  cancelImport: call('cancelImport'),
  printToPdf: call('printToPdf'),
  storeBackup: call('storeBackup'),
  listBackups: call('listBackups'),
  readBackup: call('readBackup'),
  on<E extends RpcEvent>(event: E, listener: (payload: RpcEvents[E]) => void): () => void {
    const set = isRpcEventName(event) ? listeners.get(event) : undefined;
    if (!set) throw new Error(`claimdesk.on: unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('claimdesk.on: the listener must be a function');
    const wrapped: Listener = (payload) => listener(payload as RpcEvents[E]);
    set.add(wrapped);
    const queue = buffered.get(event);
    if (queue && queue.length > 0) for (const payload of queue.splice(0)) wrapped(payload);
    return () => {
      set.delete(wrapped);
    };
  },
} as const satisfies ClaimdeskBridge;

contextBridge.exposeInMainWorld('claimdesk', api);
