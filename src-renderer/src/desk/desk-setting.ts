// Where the library keeps its desk connection (this analyst's own setting: never shared), and
// whether it is on a desk now — asked by operations that must not run on a shared library.
import type { ClaimdeskDb } from '../db/database';
import type { DeskConnection } from './desk-session';

export const DESK_CONNECTION_KEY = 'desk.connection';

export interface SavedDeskConnection extends DeskConnection {
  /** Whether to connect when the app starts (the analyst last pressed Connect, not Disconnect). */
  connected: boolean;
}

export async function savedDeskConnection(db: ClaimdeskDb): Promise<SavedDeskConnection | null> {
  const row = await db.settings.get(DESK_CONNECTION_KEY);
  return (row?.value as SavedDeskConnection | undefined) ?? null;
}

export async function isOnDesk(db: ClaimdeskDb): Promise<boolean> {
  return (await savedDeskConnection(db))?.connected === true;
}
