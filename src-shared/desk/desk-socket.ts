// The desk's WebSocket link: Hocuspocus's own, except that nothing is queued while it is down.
//
// Hocuspocus's socket keeps every message sent while offline and replays them one by one on
// reconnect — one Yjs update per edit. The reconnect's sync exchange (step 1 / step 2) already
// carries everything the server lacks, in one message, so the replay is redundant; and it is
// costly: the Redis extension answers each replayed update with a sync round to every other node,
// which computes a diff against a state that is further behind each time. 1,000 offline edits
// kept a two-node desk's event loop busy for 8–10 s (quadratic in the number of edits); without
// the replay they arrive in one update. The provider still counts each edit as unsynced (the
// count shown while offline) and resets the count when the next sync starts.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/** WebSocket.OPEN, spelled out: the browser's and `ws`'s constants are not both in scope here. */
const OPEN = 1;

export class DeskSocket extends HocuspocusProviderWebsocket {
  override send(message: unknown): void {
    if (this.webSocket?.readyState !== OPEN) return;
    super.send(message);
  }
}
