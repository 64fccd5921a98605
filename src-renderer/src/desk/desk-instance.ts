// The renderer's one desk session, the connection settings it keeps in the library's settings
// table, and the React hook the toolbar and Settings read its status through.
import { liveQuery } from 'dexie';
import { useSyncExternalStore } from 'react';
import { db } from '../db/instance';
import { setSetting } from '../db/library';
import { DESK_CONNECTION_KEY, savedDeskConnection as saved, type SavedDeskConnection } from './desk-setting';
import { DeskSession, type DeskConnection, type DeskStatus } from './desk-session';

let memberName = '';
liveQuery(() => db.settings.get('analystName')).subscribe((row) => {
  memberName = typeof row?.value === 'string' ? row.value : '';
});

export const desk = new DeskSession(db, () => memberName || 'an analyst');

export function savedDeskConnection(): Promise<SavedDeskConnection | null> {
  return saved(db);
}

export async function connectDesk(connection: DeskConnection): Promise<void> {
  await setSetting(db, DESK_CONNECTION_KEY, { ...connection, connected: true });
  await desk.start(connection);
}

export async function disconnectDesk(): Promise<void> {
  const saved = await savedDeskConnection();
  if (saved) await setSetting(db, DESK_CONNECTION_KEY, { ...saved, connected: false });
  await desk.stop();
}

/** Reconnects at start-up to the desk the analyst was connected to. */
export async function resumeDesk(): Promise<void> {
  const saved = await savedDeskConnection();
  if (saved?.connected) await desk.start(saved);
}

const subscribe = (listener: () => void): (() => void) => desk.subscribe(listener);
const current = (): DeskStatus => desk.status;

export function useDeskStatus(): DeskStatus {
  return useSyncExternalStore(subscribe, current);
}

/** The status in a few words, for the toolbar and Settings. */
export function describeDeskStatus(status: DeskStatus): string {
  switch (status.state) {
    case 'off':
      return 'Not connected';
    case 'connecting':
      return 'Desk: connecting…';
    case 'online':
      return status.readOnly ? 'Desk: online, read-only' : 'Desk: online';
    case 'offline':
      return status.unsynced > 0 ? `Desk: offline, ${status.unsynced} to send` : 'Desk: offline';
    case 'refused':
      return `Desk refused: ${status.reason}`;
  }
}
