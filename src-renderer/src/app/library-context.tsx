// How the UI reaches the library: the composition root (main.tsx) opens the database and its
// undo history once and hands them, with the window's notices, to every component and hook
// through this context. Components neither import a database of their own nor are passed one.
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { UndoHistory } from '../db/annotation-changes';
import type { ClaimdeskDb } from '../db/database';
import type { NoticeBoard } from './notices';

export interface Library {
  db: ClaimdeskDb;
  /** The one undo history every annotation change and library step goes through. */
  history: UndoHistory;
  /** Where failures and confirmations are reported to the analyst. */
  notices: NoticeBoard;
}

const LibraryContext = createContext<Library | null>(null);

export function LibraryProvider({
  library,
  children,
}: {
  library: Library;
  children: ReactNode;
}): ReactElement {
  return <LibraryContext.Provider value={library}>{children}</LibraryContext.Provider>;
}

export function useLibrary(): Library {
  const library = useContext(LibraryContext);
  if (!library) throw new Error('useLibrary needs a LibraryProvider above it');
  return library;
}

/** A helper made once per library on first use (a search index), and kept as long as the library. */
export function perLibrary<T>(make: (db: ClaimdeskDb) => T): (db: ClaimdeskDb) => T {
  const made = new WeakMap<ClaimdeskDb, T>();
  return (db) => {
    if (!made.has(db)) made.set(db, make(db));
    return made.get(db) as T;
  };
}
