// Real Redis and PostgreSQL from Debian's packages, started by local-services on loopback, each
// behind a password. These fail (never skip) with the missing-package message when the servers are
// absent: .ci/run installs them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
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

const PASSWORD = 'Lf0-test_password';
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
    const redis = track(await startRedis({ dir: tempDir(), password: PASSWORD }));
    const client = new Redis({ host: '127.0.0.1', port: redis.port, password: PASSWORD, lazyConnect: true });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    await client.set('claimdesk:test', 'round trip');
    expect(await client.get('claimdesk:test')).toBe('round trip');
    await client.quit();
    await redis.stop();
    expect(gone(redis.pid)).toBe(true);
  });

  it('starts PostgreSQL on loopback, creates the database, writes and reads, and stops', async () => {
    const postgres = track(
      await startPostgres({ dir: tempDir(), database: 'desk_test', password: PASSWORD, fast: true }),
    );
    expect(postgres.connectionString).toBe(
      `postgres://claimdesk:${PASSWORD}@127.0.0.1:${postgres.port}/desk_test`,
    );
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
    const first = track(await startPostgres({ dir, password: PASSWORD, fast: true }));
    await query(first.connectionString, 'create table kept (v text)');
    await query(first.connectionString, "insert into kept values ('survives')");
    await first.stop();
    const second = track(await startPostgres({ dir, password: PASSWORD, fast: true }));
    expect(await query(second.connectionString, 'select v from kept')).toEqual([{ v: 'survives' }]);
  });

  it('names the Debian package when a server is missing', async () => {
    const empty = tempDir();
    const search = { searchPath: empty, postgresLibDir: empty };
    for (const name of ['redis-server', 'postgres', 'initdb', 'pg_ctl'] as const) {
      expect(findServerBinary(name, search)).toBeNull();
    }
    const redis = startRedis({ dir: tempDir(), password: PASSWORD, ...search });
    await expect(redis).rejects.toBeInstanceOf(MissingServerError);
    await expect(redis).rejects.toThrow(
      `redis-server not found: install Debian's package "redis-server" (apt-get install -y redis-server)`,
    );
    const postgres = startPostgres({ dir: tempDir(), password: PASSWORD, ...search });
    await expect(postgres).rejects.toBeInstanceOf(MissingServerError);
    await expect(postgres).rejects.toThrow(`postgres not found: install Debian's package "postgresql"`);
  });

  it('refuses a Redis client without the password, and one with a wrong one', async () => {
    const redis = track(await startRedis({ dir: tempDir(), password: PASSWORD }));
    // Raw commands, as any local program could send them, and Redis's first reply line.
    const ask = (command: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: redis.port });
        let reply = '';
        socket.on('connect', () => socket.write(`${command}\r\n`));
        socket.on('data', (data) => {
          reply += String(data);
          if (!reply.includes('\r\n')) return;
          socket.destroy();
          resolve(reply.split('\r\n')[0]!);
        });
        socket.on('error', reject);
      });
    expect(await ask('GET claimdesk:x')).toMatch(/^-NOAUTH/);
    expect(await ask('KEYS *')).toMatch(/^-NOAUTH/);
    expect(await ask('AUTH wrong')).toMatch(/^-WRONGPASS/);
    expect(await ask(`AUTH ${PASSWORD}`)).toBe('+OK');
  });

  it('refuses PostgreSQL logins without the password, with a wrong one, and over its socket', async () => {
    const dir = tempDir();
    const postgres = track(await startPostgres({ dir, password: PASSWORD, fast: true }));
    const attempt = (config: pg.ClientConfig) => {
      const client = new pg.Client({ user: 'claimdesk', database: 'postgres', ...config });
      return client.connect().finally(() => client.end().catch(() => undefined));
    };
    await expect(attempt({ host: '127.0.0.1', port: postgres.port })).rejects.toThrow(/password/i);
    await expect(attempt({ host: '127.0.0.1', port: postgres.port, password: 'wrong' })).rejects.toThrow(
      /password authentication failed/,
    );
    // The Unix socket beside the data (-k DIR): no line of pg_hba.conf lets it in.
    await expect(attempt({ host: dir, port: postgres.port, password: PASSWORD })).rejects.toThrow(
      /pg_hba\.conf/,
    );
    const hba = readFileSync(join(dir, 'pg_hba.conf'), 'utf8');
    expect(hba.split('\n').filter(Boolean)).toEqual([
      'host all all 127.0.0.1/32 scram-sha-256',
      'host all all ::1/128 scram-sha-256',
    ]);
    expect(await query(postgres.connectionString, 'select 1 as one')).toEqual([{ one: 1 }]);
  });
});
