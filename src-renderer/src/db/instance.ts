// The renderer's one open library database and its undo history; text typed but not yet
// stored when a window was killed is written first.
import { openDatabase } from './database';
import { UndoHistory } from './annotation-changes';
import { replayTyping } from './typing-journal';

export const db = openDatabase();
export const history = new UndoHistory(db);
void replayTyping(db).catch(() => undefined);
