// The renderer's one open library database.
import { openDatabase } from './database';

export const db = openDatabase();
