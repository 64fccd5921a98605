// Articles by hash through the desk binding: two libraries (Dexie on fake-indexeddb) on one
// desk document, and an in-memory node that keeps bodies as a real one does (verified puts). The
// document carries stubs only; a library that joins later gets the bodies from the node and the
// annotations on them with them; annotations wait for a body the node does not have yet; a
// tampered body is reported and never stored. The same through real nodes: test/integration.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';
import type { ArticleLink } from '../../../src-renderer/src/desk/article-fetch';
import { bindDesk } from '../../../src-renderer/src/desk/desk-binding';
import { articleDocBlocks, canonicalText, contentHash } from '../../../src-shared/canonical';
import { verifyArticle, type ArticleBody } from '../../../src-shared/desk/article-messages';
import { documentsOf, needsBody } from '../../../src-shared/desk/desk-doc';
import type { DocBlock, ParsedFile } from '../../../src-shared/model';
import { Link, type Copy } from './two-copies';

/** What a node does with bodies: keeps those that hash to their id; `tamper` sends wrong bytes. */
class MemoryNode {
  readonly bodies = new Map<string, DocBlock[]>();
  tamper = false;
  gets = 0;
  link(): ArticleLink {
    return {
      put: async (articles: ArticleBody[]) => {
        const stored: string[] = [];
        const refused: string[] = [];
        for (const a of articles) {
          if (await verifyArticle(a)) {
            this.bodies.set(a.id, a.blocks);
            stored.push(a.id);
          } else refused.push(a.id);
        }
        return { stored, refused };
      },
      get: async (ids: string[]) => {
        this.gets++;
        const articles: ArticleBody[] = [];
        const rejected: string[] = [];
        for (const id of ids) {
          const blocks = this.bodies.get(id);
          if (!blocks) continue;
          const sent = this.tamper ? blocks.map((b) => ({ ...b, text: `${b.text}!` })) : blocks;
          if (await verifyArticle({ id, blocks: sent })) articles.push({ id, blocks: sent });
          else rejected.push(id);
        }
        return { articles, missing: ids.filter((id) => !this.bodies.has(id)), rejected };
      },
      lacking: (ids: string[]) => Promise.resolve(ids.filter((id) => !this.bodies.has(id))),
    };
  }
}

async function dumpFile(): Promise<ParsedFile> {
  const article = {
    title: 'الوزير يعلن الميزانية',
    caption: null,
    credit: null,
    author: null,
    published: null,
    direction: 'rtl' as const,
    blocks: [{ kind: 'paragraph' as const, text: 'قال الوزير إن الميزانية تضاعفت.' }],
  };
  return {
    file: 'dump.txt',
    format: 'news-dump',
    encoding: 'utf-8',
    articles: [{ ...article, contentHash: await contentHash(canonicalText(articleDocBlocks(article))) }],
  };
}

const names: string[] = [];
const copies: Copy[] = [];
let n = 0;

function copy(member: string, seed?: (db: ClaimdeskDb) => Promise<unknown>): Promise<Copy> {
  const name = `desk-articles-${n++}`;
  names.push(name);
  const db = openDatabase(name);
  const doc = new Y.Doc();
  const problems: string[] = [];
  const c: Copy = {
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
  copies.push(c);
  return (seed?.(db) ?? Promise.resolve()).then(() => c);
}

afterEach(async () => {
  for (const c of copies.splice(0)) {
    c.binding.unbind();
    c.db.close();
  }
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Huda's library with the article and a highlight on it, merged into the desk and linked to `node`. */
async function hudaOnTheDesk(node: MemoryNode | null): Promise<{ a: Copy; id: string; annotation: string }> {
  const file = await dumpFile();
  const id = file.articles[0]!.contentHash;
  const a = await copy('Huda', async (db) => {
    await storeParsedFile(db, file);
    const document = (await db.documents.get(id))!;
    await createAnnotation(db, { document, start: 4, end: 10, labelId: 'claim', author: 'Huda' });
  });
  const annotation = (await a.db.annotations.toArray())[0]!.id;
  await a.binding.reconcile();
  if (node) {
    a.binding.setLink(node.link(), false);
    await a.binding.uploaded();
  }
  return { a, id, annotation };
}

describe('articles by hash through the binding', () => {
  it('shares a stub, puts the body, and a library joining later gets both with the annotation', async () => {
    const node = new MemoryNode();
    const { a, id, annotation } = await hudaOnTheDesk(node);
    expect(needsBody(a.doc, id)).toBe(true);
    expect(documentsOf(a.doc).get(id)).not.toHaveProperty('blocks');
    expect(node.bodies.has(id)).toBe(true);

    const b = await copy('Omar');
    new Link([a, b]).reconnect();
    b.binding.setLink(node.link(), false);
    await b.binding.reconcile(); // the first merge of Omar's empty library with the desk
    await until(async () => (await b.db.annotations.get(annotation)) !== undefined, 'the annotation');
    expect(await b.db.documents.get(id)).toEqual(await a.db.documents.get(id));
    expect((await b.db.libraryFiles.get('dump.txt'))?.entries.map((e) => e.id)).toEqual([id]);
    expect(b.problems).toEqual([]);
  });

  it('keeps annotations back until their article\u2019s body arrives, then stores both', async () => {
    const node = new MemoryNode();
    const { a, id, annotation } = await hudaOnTheDesk(null); // Huda has not reached the node yet
    const b = await copy('Omar');
    new Link([a, b]).reconnect();
    b.binding.setLink(node.link(), false);
    await b.binding.reconcile();
    await until(() => Promise.resolve(node.gets > 0 && b.binding.waitingBodies() === 1), 'a miss');
    await b.binding.settled();
    expect(await b.db.documents.get(id)).toBeUndefined();
    expect(await b.db.annotations.get(annotation)).toBeUndefined();

    a.binding.setLink(node.link(), false); // Huda's upload goes through; Omar asks again
    await until(async () => (await b.db.annotations.get(annotation)) !== undefined, 'the annotation');
    expect(await b.db.documents.get(id)).toMatchObject({ id, title: 'الوزير يعلن الميزانية' });
    expect(b.binding.waitingBodies()).toBe(0);
  });

  it('reports a body that does not hash to its id and never stores it', async () => {
    const node = new MemoryNode();
    const { a, id, annotation } = await hudaOnTheDesk(node);
    node.tamper = true;
    const b = await copy('Omar');
    new Link([a, b]).reconnect();
    b.binding.setLink(node.link(), false);
    await b.binding.reconcile();
    await until(() => Promise.resolve(b.problems.length > 0), 'the report');
    expect(b.problems[0]).toMatch(/did not match its content hash and was not stored/);
    await b.binding.settled();
    expect(await b.db.documents.get(id)).toBeUndefined();
    expect(await b.db.annotations.get(annotation)).toBeUndefined();
    expect(b.binding.waitingBodies()).toBe(1);

    node.tamper = false; // asked again later, the right bytes are kept
    await until(async () => (await b.db.annotations.get(annotation)) !== undefined, 'the annotation');
    expect(await b.db.documents.get(id)).toBeDefined();
  });

  it('shares whole an article whose body does not hash to its id (a node will not take it)', async () => {
    const node = new MemoryNode();
    const file = await dumpFile();
    const odd = 'f'.repeat(64);
    const a = await copy('Huda', (db) =>
      storeParsedFile(db, { ...file, articles: [{ ...file.articles[0]!, contentHash: odd }] }),
    );
    await a.binding.reconcile();
    a.binding.setLink(node.link(), false);
    await a.binding.uploaded();
    expect(node.bodies.size).toBe(0);
    expect(needsBody(a.doc, odd)).toBe(false);
    const b = await copy('Omar');
    new Link([a, b]).reconnect();
    await b.binding.reconcile();
    await until(async () => (await b.db.documents.get(odd)) !== undefined, 'the article');
  });
});
