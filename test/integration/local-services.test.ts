// Real Redis and PostgreSQL from Debian's packages, started by local-services on loopback. These
// fail (never skip) with the missing-package message when the servers are absent: .ci/run installs them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findServerBinary,
  MissingServerError,
  startPostgres,
  startRedis,
  type RunningService,
} from '../../src-main/desk/local-services';

const services: RunningService[] = [];
const dirs: string[] = [];

// Each service gets a mkdtemp dir of its own: as root, PostgreSQL runs as `postgres`, which must
// own its data dir and could not enter a root-only parent.
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-services-'));
  dirs.push(dir);
  return dir;
}

function track<T extends RunningService>(service: T): T {
  services.push(service);
  return service;
}

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function query<R extends pg.QueryResultRow>(
  connectionString: string,
  sql: string,
  params: unknown[] = [],
) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('local services', () => {
  it('starts Redis on loopback, answers PING and SET/GET, and stops', async () => {
    const redis = track(await startRedis({ dir: tempDir() }));
    const client = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    await client.set('claimdesk:test', 'round trip');
    expect(await client.get('claimdesk:test')).toBe('round trip');
    await client.quit();
    await redis.stop();
    expect(gone(redis.pid)).toBe(true);
  });

  it('starts PostgreSQL on loopback, creates the database, writes and reads, and stops', async () => {
    const postgres = track(await startPostgres({ dir: tempDir(), database: 'desk_test', fast: true }));
    expect(postgres.connectionString).toBe(`postgres://claimdesk@127.0.0.1:${postgres.port}/desk_test`);
    expect(postgres.port).not.toBe(5432);
    expect(await query(postgres.connectionString, 'select 1 as one')).toEqual([{ one: 1 }]);
    await query(postgres.connectionString, 'create table notes (id int primary key, body text)');
    await query(postgres.connectionString, 'insert into notes values ($1, $2)', [1, 'checked']);
    expect(await query(postgres.connectionString, 'select body from notes')).toEqual([{ body: 'checked' }]);
    await postgres.stop();
    expect(gone(postgres.pid)).toBe(true);
  });

  it('keeps PostgreSQL data across a restart on the same dir', async () => {
    const dir = tempDir();
    const first = track(await startPostgres({ dir, fast: true }));
    await query(first.connectionString, 'create table kept (v text)');
    await query(first.connectionString, "insert into kept values ('survives')");
    await first.stop();
    const second = track(await startPostgres({ dir, fast: true }));
    expect(await query(second.connectionString, 'select v from kept')).toEqual([{ v: 'survives' }]);
  });

  it('names the Debian package when a server is missing', async () => {
    const empty = tempDir();
    const search = { searchPath: empty, postgresLibDir: empty };
    for (const name of ['redis-server', 'postgres', 'initdb', 'pg_ctl'] as const) {
      expect(findServerBinary(name, search)).toBeNull();
    }
    const redis = startRedis({ dir: tempDir(), ...search });
    await expect(redis).rejects.toBeInstanceOf(MissingServerError);
    await expect(redis).rejects.toThrow(
      `redis-server not found: install Debian's package "redis-server" (apt-get install -y redis-server)`,
    );
    const postgres = startPostgres({ dir: tempDir(), ...search });
    await expect(postgres).rejects.toBeInstanceOf(MissingServerError);
    await expect(postgres).rejects.toThrow(`postgres not found: install Debian's package "postgresql"`);
  });
});
