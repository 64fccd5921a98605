// What a desk keeps: each Yjs document's merged state, and the desk's members with their tokens
// (stored as SHA-256 hashes: a leaked database does not leak working tokens). Two stores hold the
// same tables: PostgreSQL for a desk of several nodes (every node reads the same tables, so a
// revoked member is refused by all), and SQLite in the desk's directory for a desk of one node
// (desk-store-sqlite.ts), which needs no system service.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

export type MemberRole = 'editor' | 'reader';

export interface Member {
  name: string;
  role: MemberRole;
  revoked: boolean;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newToken = (): string => randomBytes(24).toString('base64url');

export interface DeskStore {
  migrate(): Promise<void>;
  fetchDocument(name: string): Promise<Uint8Array | null>;
  /** Replaces a document's state in one statement: a failure leaves the previous state whole. */
  storeDocument(name: string, state: Uint8Array): Promise<void>;
  /** Adds a member (or gives a revoked one a fresh token) and returns the token, shown once. */
  addMember(name: string, role: MemberRole): Promise<string>;
  revokeMember(name: string): Promise<boolean>;
  setRole(name: string, role: MemberRole): Promise<boolean>;
  members(): Promise<Member[]>;
  /** The member whose token has this SHA-256 hash, or null when it is unknown or revoked. */
  memberWithTokenHash(hash: string): Promise<Member | null>;
  /** Stores article bodies (JSON of their blocks) by id, all or none; ids already held are kept. */
  putArticles(articles: { id: string; body: string }[]): Promise<void>;
  /** The bodies held of these ids. */
  getArticles(ids: string[]): Promise<Map<string, string>>;
  /** Which of these ids the store holds a body of (without reading the bodies). */
  heldArticles(ids: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

const SCHEMA = `
  create table if not exists desk_documents (
    name text primary key,
    state bytea not null,
    updated_at timestamptz not null default now()
  );
  create table if not exists desk_members (
    name text primary key,
    token_hash text not null unique,
    role text not null check (role in ('editor', 'reader')),
    revoked_at timestamptz
  );
  create table if not exists desk_articles (
    id text primary key,
    body text not null
  );
`;

export class PostgresDeskStore implements DeskStore {
  readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    // An idle pooled connection that the server drops (a restart, a shutdown) must not crash the
    // node: the pool replaces it, and the next query reports a real outage.
    this.pool.on('error', () => undefined);
  }

  async migrate(): Promise<void> {
    // Several nodes start at once: an advisory lock keeps their `create table`s from racing.
    const client = await this.pool.connect();
    try {
      await client.query('select pg_advisory_lock(7243001)');
      await client.query(SCHEMA);
    } finally {
      await client.query('select pg_advisory_unlock(7243001)').catch(() => undefined);
      client.release();
    }
  }

  async fetchDocument(name: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ state: Buffer }>(
      'select state from desk_documents where name = $1',
      [name],
    );
    return rows[0] ? new Uint8Array(rows[0].state) : null;
  }

  async storeDocument(name: string, state: Uint8Array): Promise<void> {
    await this.pool.query(
      `insert into desk_documents (name, state) values ($1, $2)
       on conflict (name) do update set state = excluded.state, updated_at = now()`,
      [name, Buffer.from(state)],
    );
  }

  async addMember(name: string, role: MemberRole): Promise<string> {
    const token = newToken();
    await this.pool.query(
      `insert into desk_members (name, token_hash, role) values ($1, $2, $3)
       on conflict (name) do update set token_hash = excluded.token_hash, role = excluded.role,
         revoked_at = null`,
      [name, hashToken(token), role],
    );
    return token;
  }

  async revokeMember(name: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'update desk_members set revoked_at = now() where name = $1 and revoked_at is null',
      [name],
    );
    return (rowCount ?? 0) > 0;
  }

  async setRole(name: string, role: MemberRole): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'update desk_members set role = $2 where name = $1 and revoked_at is null',
      [name, role],
    );
    return (rowCount ?? 0) > 0;
  }

  async members(): Promise<Member[]> {
    const { rows } = await this.pool.query<{ name: string; role: MemberRole; revoked: boolean }>(
      'select name, role, revoked_at is not null as revoked from desk_members order by name',
    );
    return rows;
  }

  async memberWithTokenHash(hash: string): Promise<Member | null> {
    const { rows } = await this.pool.query<{ name: string; role: MemberRole }>(
      'select name, role from desk_members where token_hash = $1 and revoked_at is null',
      [hash],
    );
    return rows[0] ? { ...rows[0], revoked: false } : null;
  }

  async putArticles(articles: { id: string; body: string }[]): Promise<void> {
    if (articles.length === 0) return;
    await this.pool.query(
      `insert into desk_articles (id, body) select * from unnest($1::text[], $2::text[])
       on conflict (id) do nothing`,
      [articles.map((a) => a.id), articles.map((a) => a.body)],
    );
  }

  async getArticles(ids: string[]): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; body: string }>(
      'select id, body from desk_articles where id = any($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.body]));
  }

  async heldArticles(ids: string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ id: string }>(
      'select id from desk_articles where id = any($1::text[])',
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
