// The visible saved state: every write to the library goes through `track`, so the window can
// say "Saving…", "All changes saved" or that a change could not be saved.
import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../src-shared/util/error-message';

export interface SaveState {
  pending: number;
  error: string | null;
  savedAt: number | null;
}

let state: SaveState = { pending: 0, error: null, savedAt: null };
const listeners = new Set<() => void>();
const set = (next: SaveState): void => {
  state = next;
  for (const l of listeners) l();
};

export async function track<T>(write: Promise<T>): Promise<T> {
  set({ ...state, pending: state.pending + 1 });
  try {
    const value = await write;
    set({ pending: state.pending - 1, error: null, savedAt: Date.now() });
    return value;
  } catch (error) {
    set({
      ...state,
      pending: state.pending - 1,
      error: errorMessage(error),
    });
    throw error;
  }
}

export function useSaveState(): SaveState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
