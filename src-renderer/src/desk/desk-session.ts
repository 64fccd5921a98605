// A library's connection to a desk: the desk's Yjs document loaded from this database (y-dexie),
// bound to the library's tables, and synced with a Hocuspocus server while one can be reached.
// Offline first: edits made with no connection are kept in the document's stored updates and
// reach the desk when the provider reconnects, whether or not the app was restarted meanwhile.
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { DexieYProvider } from 'y-dexie';
import { DESK_DOCUMENT } from '../../../src-shared/desk/desk-doc';
import { parseRoleMessage } from '../../../src-shared/desk/article-messages';
import { DeskSocket } from '../../../src-shared/desk/desk-socket';
import type { ClaimdeskDb } from '../db/database';
import { ArticleChannel } from './article-fetch';
import { bindDesk, type DeskBinding } from './desk-binding';

/** The close code a desk node refuses a member with (a wrong, revoked or demoted token). */
const REFUSED = 4403;

export interface DeskConnection {
  /** The server's WebSocket address, e.g. ws://desk.example.org:1234. */
  url: string;
  token: string;
}

export type DeskStatus =
  | { state: 'off' }
  | { state: 'connecting' }
  | { state: 'online'; readOnly: boolean; unsynced: number }
  | { state: 'offline'; unsynced: number }
  | { state: 'refused'; reason: string };

type Listener = (status: DeskStatus) => void;

/** Whether an address is one the session will try: ws: or wss: with a host. */
export function deskUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The desk address is not a URL (e.g. ws://127.0.0.1:1234).';
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
    return 'The desk address must start with ws:// or wss://.';
  if (!parsed.hostname) return 'The desk address has no host.';
  return null;
}

export class DeskSession {
  private provider: HocuspocusProvider | null = null;
  private socket: DeskSocket | null = null;
  private binding: DeskBinding | null = null;
  private channel: ArticleChannel | null = null;
  private doc: DexieYProvider['doc'] = null;
  private current: DeskStatus = { state: 'off' };
  private readonly listeners = new Set<Listener>();
  private readonly problemListeners = new Set<(message: string) => void>();
  private readOnly = false;
  private unsynced = 0;
  private wasOnline = false;

  constructor(
    private readonly db: ClaimdeskDb,
    private readonly member: () => string,
  ) {}

  get status(): DeskStatus {
    return this.current;
  }

  /** Problems with what arrived from the desk (a malformed record, a failed write), in words. */
  onProblem(listener: (message: string) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(status: DeskStatus): void {
    this.current = status;
    for (const l of this.listeners) l(status);
  }

  async start({ url, token }: DeskConnection): Promise<void> {
    await this.stop();
    this.set({ state: 'connecting' });
    if (!(await this.db.desks.get(url))) await this.db.desks.add({ id: url, joinedAt: null } as never);
    const row = (await this.db.desks.get(url))!;
    const doc = row.doc;
    await DexieYProvider.load(doc).whenLoaded;
    this.doc = doc;
    const binding = bindDesk(this.db, doc, this.member, (message) => {
      for (const l of this.problemListeners) l(message);
    });
    this.binding = binding;
    // A library that joined before is reconciled now, so a change caught between a Dexie commit
    // and its Yjs update being stored (a crash) is not lost; a new one waits for the desk's state.
    if (row.joinedAt) await binding.reconcile();
    let joined = !!row.joinedAt;
    this.wasOnline = false;
    // Retries back off to at most 5 s: after a server restart the analyst is back within
    // seconds, not the library default's 30.
    const socket = new DeskSocket({
      url,
      delay: 500,
      minDelay: 500,
      factor: 2,
      maxDelay: 5_000,
    });
    this.socket = socket;
    this.provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: DESK_DOCUMENT,
      document: doc,
      token,
      onAuthenticated: ({ scope }) => {
        this.readOnly = scope === 'readonly';
      },
      // The node says at once when the member's role changes, on this connection.
      onStateless: ({ payload }) => {
        const message = parseRoleMessage(payload);
        if (!message) return;
        this.readOnly = message.role === 'reader';
        if (this.current.state === 'online') {
          binding.setLink(this.channel, this.readOnly);
          this.set({ ...this.current, readOnly: this.readOnly });
        }
      },
      onAuthenticationFailed: ({ reason }) => this.refuse(socket, reason),
      onStatus: ({ status }) => {
        if (this.current.state === 'refused') return;
        if (status === WebSocketStatus.Connected) return; // online once authenticated and synced
        if (status === WebSocketStatus.Disconnected || this.wasOnline)
          this.set({ state: 'offline', unsynced: this.unsynced });
      },
      onSynced: ({ state }) => {
        if (!state) return;
        this.wasOnline = true;
        // Article bodies travel on this link from now on (until it closes).
        binding.setLink(this.channel, this.readOnly);
        if (!joined) {
          joined = true;
          void binding
            .reconcile()
            .then(() => this.db.desks.update(url, { joinedAt: new Date().toISOString() }));
        }
        this.set({ state: 'online', readOnly: this.readOnly, unsynced: this.unsynced });
      },
      onUnsyncedChanges: ({ number }) => {
        this.unsynced = number;
        const s = this.current;
        if (s.state === 'online' || s.state === 'offline') this.set({ ...s, unsynced: number });
      },
      onClose: ({ event }) => {
        binding.setLink(null, this.readOnly);
        if (this.current.state === 'refused' || this.current.state === 'off') return;
        if (event.code === REFUSED) {
          this.refuse(socket, event.reason || 'refused by the desk');
          return;
        }
        // The node closed the library but not the link (it refuses a member mid-session this
        // way): ask again at once, rather than when the link has been silent for 30 s, so a
        // refusal is seen as one within a second or two.
        if (socket.status === WebSocketStatus.Connected) socket.webSocket?.close();
        this.set({ state: 'offline', unsynced: this.unsynced });
      },
    });
    this.channel = new ArticleChannel(this.provider);
    this.provider.attach();
  }

  /** Stops retrying: nothing waiting to be sent goes anywhere until the analyst connects again. */
  private refuse(socket: DeskSocket, reason: string): void {
    socket.disconnect();
    this.set({ state: 'refused', reason });
  }

  /** Resolves when every remote change received so far is in the library's tables. */
  settled(): Promise<void> {
    return this.binding?.settled() ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.channel?.destroy();
    this.channel = null;
    this.provider?.destroy();
    this.provider = null;
    this.socket?.destroy();
    this.socket = null;
    this.binding?.unbind();
    this.binding = null;
    if (this.doc) DexieYProvider.release(this.doc);
    this.doc = null;
    if (this.current.state !== 'off') this.set({ state: 'off' });
  }
}
