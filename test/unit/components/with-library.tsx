// Rendering a component as the window does: inside the library context, with a database of the
// test's own (fake-indexeddb), its undo history and a notice board the test can read.
import type { ReactElement } from 'react';
import { LibraryProvider, type Library } from '../../../src-renderer/src/app/library-context';
import { NoticeBoard } from '../../../src-renderer/src/app/notices';
import { UndoHistory } from '../../../src-renderer/src/db/annotation-changes';
import type { ClaimdeskDb } from '../../../src-renderer/src/db/database';

export function testLibrary(db: ClaimdeskDb): Library {
  return { db, history: new UndoHistory(db), notices: new NoticeBoard() };
}

export function withLibrary(library: Library, element: ReactElement): ReactElement {
  return <LibraryProvider library={library}>{element}</LibraryProvider>;
}

/** The texts of the notices the analyst would see now, oldest first. */
export const noticeTexts = (library: Library): string[] => library.notices.current().map((n) => n.text);
