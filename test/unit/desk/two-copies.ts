// Two libraries (Dexie on fake-indexeddb) joined to one desk through Yjs documents wired by an
// in-memory link that can be cut: the set-up the desk binding's unit tests share.
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import { bindDesk, type DeskBinding } from '../../../src-renderer/src/desk/desk-binding';
import type { AnnotationRecord, ParsedFile } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

export const file: ParsedFile = {
  file: 'dump.txt',
  format: 'news-dump',
  encoding: 'utf-8',
  articles: [
    {
      title: 'الوزير يعلن الميزانية',
      caption: null,
      credit: null,
      author: null,
      published: null,
      direction: 'rtl',
      blocks: [{ kind: 'paragraph', text: 'قال الوزير إن الميزانية تضاعفت.' }],
      contentHash: 'hash-1',
    },
  ],
};

export interface Copy {
  db: ClaimdeskDb;
  doc: Y.Doc;
  binding: DeskBinding;
  problems: string[];
}

/** Relays updates between the copies' documents while `online`; catches up on reconnect. */
export class Link {
  online = true;
  constructor(private readonly copies: Copy[]) {
    for (const from of copies) {
      from.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (!this.online || origin === this) return;
        for (const to of copies) if (to !== from) Y.applyUpdate(to.doc, update, this);
      });
    }
  }
  reconnect(): void {
    this.online = true;
    const [a, b] = this.copies as [Copy, Copy];
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), this);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), this);
  }
}

let n = 0;
async function copy(
  names: string[],
  member: string,
  seed?: (db: ClaimdeskDb) => Promise<void>,
): Promise<Copy> {
  const name = `desk-binding-${n++}`;
  names.push(name);
  const db = openDatabase(name);
  await seed?.(db);
  const doc = new Y.Doc();
  const problems: string[] = [];
  return {
    db,
    doc,
    problems,
    binding: bindDesk(
      db,
      doc,
      () => member,
      (p) => problems.push(p),
    ),
  };
}

export async function settle(...copies: Copy[]): Promise<void> {
  for (let i = 0; i < 3; i++) for (const c of copies) await c.binding.settled();
}

export interface Desk {
  /** Huda's library, which holds the article at first. */
  a: Copy;
  /** Omar's, empty at first. */
  b: Copy;
  link: Link;
  close(): Promise<void>;
}

/** Two libraries on one desk, reconciled: Huda's with the article, Omar's that received it. */
export async function twoCopies(): Promise<Desk> {
  const names: string[] = [];
  const a = await copy(names, 'Huda', (db) => storeParsedFile(db, file).then(() => undefined));
  const b = await copy(names, 'Omar');
  const link = new Link([a, b]);
  await a.binding.reconcile();
  await b.binding.reconcile();
  await settle(a, b);
  return {
    a,
    b,
    link,
    async close() {
      for (const c of [a, b]) {
        c.binding.unbind();
        c.db.close();
      }
      await Promise.all(names.map((name) => Dexie.delete(name)));
    },
  };
}

/** Huda highlights a claim, and both libraries have it. */
export async function highlightOn(desk: Desk): Promise<AnnotationRecord> {
  const document = (await desk.a.db.documents.get('hash-1'))!;
  const ann = await createAnnotation(desk.a.db, {
    document,
    start: 4,
    end: 10,
    labelId: 'claim',
    author: 'Huda',
  });
  await settle(desk.a, desk.b);
  return ann;
}
