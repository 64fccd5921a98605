// The store of a desk of one node: SQLite (better-sqlite3) in one file of the desk's directory,
// the same two tables as the PostgreSQL store, and nothing to install or start. Each write is one
// statement in SQLite's own transaction (write-ahead log, synchronous=FULL), so a full disk or a
// killed process leaves the previous state whole.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync } from 'node:fs';
import { hashToken, newToken, type DeskStore, type Member, type MemberRole } from './desk-store';

const SCHEMA = `
  create table if not exists desk_documents (
    name text primary key,
    state blob not null,
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  create table if not exists desk_members (
    name text primary key,
    token_hash text not null unique,
    role text not null check (role in ('editor', 'reader')),
    revoked_at text
  );
  create table if not exists desk_articles (
    id text primary key,
    body text not null
  );
`;

export interface SqliteDeskStoreOptions {
  /** Tests and benchmarks: no fsync (loses the last writes on a power cut, never corrupts). */
  fast?: boolean;
}

export class SqliteDeskStore implements DeskStore {
  readonly db: Database.Database;

  constructor(file: string, options: SqliteDeskStoreOptions = {}) {
    // The members' token hashes live here: readable by the desk's owner only, as are the
    // journal files SQLite creates beside it (they take the database file's mode).
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.fast ? 'OFF' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
  }

  migrate(): Promise<void> {
    this.db.exec(SCHEMA);
    return Promise.resolve();
  }

  // Async like the PostgreSQL store, so a failure arrives as a rejection on the same path.
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  fetchDocument(name: string): Promise<Uint8Array | null> {
    return this.run(() => {
      const row = this.db.prepare('select state from desk_documents where name = ?').get(name) as
        { state: Buffer } | undefined;
      return row ? new Uint8Array(row.state) : null;
    });
  }

  storeDocument(name: string, state: Uint8Array): Promise<void> {
    return this.run(() => {
      this.db
        .prepare(
          `insert into desk_documents (name, state) values (?, ?)
           on conflict (name) do update set state = excluded.state,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
        )
        .run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    });
  }

  addMember(name: string, role: MemberRole): Promise<string> {
    return this.run(() => {
      const token = newToken();
      this.db
        .prepare(
          `insert into desk_members (name, token_hash, role) values (?, ?, ?)
           on conflict (name) do update set token_hash = excluded.token_hash, role = excluded.role,
             revoked_at = null`,
        )
        .run(name, hashToken(token), role);
      return token;
    });
  }

  revokeMember(name: string): Promise<boolean> {
    return this.run(
      () =>
        this.db
          .prepare(
            `update desk_members set revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             where name = ? and revoked_at is null`,
          )
          .run(name).changes > 0,
    );
  }

  setRole(name: string, role: MemberRole): Promise<boolean> {
    return this.run(
      () =>
        this.db
          .prepare('update desk_members set role = ? where name = ? and revoked_at is null')
          .run(role, name).changes > 0,
    );
  }

  members(): Promise<Member[]> {
    return this.run(() =>
      (
        this.db
          .prepare('select name, role, revoked_at is not null as revoked from desk_members order by name')
          .all() as { name: string; role: MemberRole; revoked: number }[]
      ).map((m) => ({ ...m, revoked: m.revoked === 1 })),
    );
  }

  memberWithTokenHash(hash: string): Promise<Member | null> {
    return this.run(() => {
      const row = this.db
        .prepare('select name, role from desk_members where token_hash = ? and revoked_at is null')
        .get(hash) as { name: string; role: MemberRole } | undefined;
      return row ? { ...row, revoked: false } : null;
    });
  }

  putArticles(articles: { id: string; body: string }[]): Promise<void> {
    return this.run(() => {
      const insert = this.db.prepare(
        'insert into desk_articles (id, body) values (?, ?) on conflict (id) do nothing',
      );
      this.db.transaction(() => {
        for (const a of articles) insert.run(a.id, a.body);
      })();
    });
  }

  getArticles(ids: string[]): Promise<Map<string, string>> {
    return this.run(() => {
      const select = this.db.prepare('select body from desk_articles where id = ?');
      const found = new Map<string, string>();
      for (const id of ids) {
        const row = select.get(id) as { body: string } | undefined;
        if (row) found.set(id, row.body);
      }
      return found;
    });
  }

  heldArticles(ids: string[]): Promise<Set<string>> {
    return this.run(() => {
      const select = this.db.prepare('select 1 from desk_articles where id = ?');
      return new Set(ids.filter((id) => select.get(id) !== undefined));
    });
  }

  close(): Promise<void> {
    return this.run(() => void this.db.close());
  }
}
