// The renderer's one open library database and its undo history.
import { openDatabase } from './database';
import { UndoHistory } from './annotation-changes';

export const db = openDatabase();
export const history = new UndoHistory(db);
