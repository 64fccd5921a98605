// Local Redis and PostgreSQL for a desk's scale mode: starts Debian's packaged servers on loopback,
// each in a directory of our own on a free port and each behind a password (Redis `requirepass`
// from a 0600 config file, PostgreSQL scram-sha-256 with pg_hba allowing only loopback), so the
// Hocuspocus nodes (which scale out through Redis and persist to PostgreSQL) and their integration
// tests start with one command and no other local user can read or write the desk.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, lchownSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { chownSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { writeSecret } from './desk-secrets';

export type ServerBinary = 'redis-server' | 'postgres' | 'initdb' | 'pg_ctl';

/** Where binaries are looked for; injectable so tests can play a machine without the packages. */
export interface BinarySearch {
  /** PATH-style list; defaults to process.env.PATH. */
  searchPath?: string;
  /** Debian installs PostgreSQL per major version under here, off PATH. */
  postgresLibDir?: string;
}

export interface RunningService {
  name: string;
  pid: number;
  port: number;
  stop(): Promise<void>;
}

export interface RedisOptions extends BinarySearch {
  dir: string;
  /** Required by the server from every client (Redis AUTH, PostgreSQL scram-sha-256). */
  password: string;
  port?: number;
  host?: string;
  timeoutMs?: number;
}

export interface PostgresOptions extends RedisOptions {
  database?: string;
  /** Tests only: fsync and synchronous_commit off, initdb --no-sync. Loses data on a crash. */
  fast?: boolean;
}

const DEBIAN_PACKAGE: Record<ServerBinary, string> = {
  'redis-server': 'redis-server',
  postgres: 'postgresql',
  initdb: 'postgresql',
  pg_ctl: 'postgresql',
};
const PG_USER = 'claimdesk';
const STOP_TIMEOUT_MS = 10_000;

export class MissingServerError extends Error {
  override name = 'MissingServerError';
  constructor(
    readonly missing: string,
    readonly debianPackage: string,
  ) {
    super(
      `${missing} not found: install Debian's package "${debianPackage}" (apt-get install -y ${debianPackage})`,
    );
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function findServerBinary(name: ServerBinary, search: BinarySearch = {}): string | null {
  const dirs = (search.searchPath ?? process.env.PATH ?? '').split(delimiter).filter(Boolean);
  if (name !== 'redis-server') {
    const root = search.postgresLibDir ?? '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)) : [];
    versions.sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => join(root, v, 'bin')));
  }
  return dirs.map((dir) => join(dir, name)).find(isExecutable) ?? null;
}

function requireBinary(name: ServerBinary, search: BinarySearch): string {
  const found = findServerBinary(name, search);
  if (!found) throw new MissingServerError(name, DEBIAN_PACKAGE[name]);
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Account {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root, so as root (CI) it runs as Debian's `postgres` user. */
export function postgresAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid)
    throw new MissingServerError('user "postgres" (PostgreSQL will not run as root)', 'postgresql');
  return { uid: Number(uid), gid: Number(gid) };
}

function chownRecursive(path: string, { uid, gid }: Account): void {
  lchownSync(path, uid, gid);
  if (statSync(path).isDirectory())
    for (const entry of readdirSync(path)) chownRecursive(join(path, entry), { uid, gid });
}

/** A mkdtemp parent (mode 0700, root's) would stop the postgres user before it reaches its own dir. */
function assertReachable(dir: string, { uid, gid }: Account): void {
  for (let d = dirname(dir); ; d = dirname(d)) {
    const { mode, uid: owner, gid: group } = statSync(d);
    const bit = owner === uid ? 0o100 : group === gid ? 0o010 : 0o001;
    if (!(mode & bit))
      throw new Error(`user "postgres" cannot enter ${d}: put the data dir elsewhere (e.g. /tmp)`);
    if (d === dirname(d)) return;
  }
}

function launch(
  name: string,
  file: string,
  args: string[],
  port: number,
  signal: NodeJS.Signals,
  as?: Account,
) {
  const child = spawn(file, args, { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let tail = '';
  let done = false;
  const keep = (chunk: Buffer | string) => void (tail = (tail + String(chunk)).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // The servers must not outlive us; 'exit' handlers are synchronous, so only a signal fits here.
  const onParentExit = () => child.kill(signal);
  process.on('exit', onParentExit);
  const exit = new Promise<number | null>((resolveExit) => {
    const finish = (code: number | null) => {
      done = true;
      process.off('exit', onParentExit);
      resolveExit(code);
    };
    child.once('exit', finish);
    child.once('error', (error) => (keep(`\n${error.message}`), finish(null)));
  });
  const stop = async () => {
    if (done) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exit.finally(() => clearTimeout(timer));
  };
  const service: RunningService = { name, pid: child.pid ?? -1, port, stop };
  return { service, exit, output: () => tail.trim(), exited: () => done };
}
type Supervised = ReturnType<typeof launch>;

async function waitFor(s: Supervised, what: string, timeoutMs: number, probe: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (s.exited()) throw new Error(`${s.service.name} exited before it would ${what}:\n${s.output()}`);
    if (await probe()) return;
    if (Date.now() > deadline) {
      await s.service.stop();
      throw new Error(`${s.service.name} did not ${what} within ${timeoutMs} ms:\n${s.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** RESP, so a password with spaces or quotes reaches Redis as one argument. */
const resp = (...args: string[]): string =>
  `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

function pingRedis(host: string, port: number, password: string): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect({ host, port });
    let reply = '';
    const end = (ok: boolean) => (socket.destroy(), answer(ok));
    socket.setTimeout(1000, () => end(false));
    socket.on('error', () => end(false));
    socket.on('connect', () => socket.write(resp('AUTH', password) + resp('PING')));
    // While loading, Redis answers -LOADING: not ready yet.
    socket.on('data', (data) => {
      reply += String(data);
      const lines = reply.split('\r\n');
      if (lines.length >= 3) end(lines[0] === '+OK' && lines[1] === '+PONG');
    });
  });
}

/** Hard limit, soft limit and its seconds for a subscriber's pending output. */
const REDIS_PUBSUB_LIMIT = '1gb 256mb 60';

export async function startRedis(options: RedisOptions): Promise<RunningService> {
  const binary = requireBinary('redis-server', options);
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  // The password goes in a config file only we can read (a command line is visible to every local
  // user); everything else on the command line. Nothing persisted: Yjs state lives in PostgreSQL.
  const config = join(dir, 'redis.conf');
  if (!/^[\w-]+$/.test(options.password)) throw new Error('a Redis password is letters, digits, - and _');
  writeSecret(config, `requirepass ${options.password}\n`);
  const args = [
    config,
    '--port',
    String(port),
    '--bind',
    host,
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  // Nodes exchange Yjs diffs over pub/sub, and one imported news dump is a diff of tens of MB.
  // Redis's default cuts a subscriber off at 32 MB of pending output, and since the diff is sent
  // again whole on every retry, the nodes would never converge.
  args.push('--client-output-buffer-limit', `pubsub ${REDIS_PUBSUB_LIMIT}`);
  const s = launch('redis-server', binary, [...args, '--protected-mode', 'yes'], port, 'SIGTERM');
  await waitFor(s, 'answer PING', options.timeoutMs ?? 30_000, () => pingRedis(host, port, options.password));
  return s.service;
}

async function run(file: string, args: string[], as?: Account): Promise<void> {
  const s = launch(basename(file), file, args, 0, 'SIGTERM', as);
  if ((await s.exit) !== 0) throw new Error(`${file} failed:\n${s.output()}`);
}

export async function startPostgres(
  options: PostgresOptions,
): Promise<RunningService & { connectionString: string }> {
  const postgres = requireBinary('postgres', options);
  // initdb must match the server's major version: take the one beside it when there is one.
  const sibling = join(dirname(postgres), 'initdb');
  const initdb = isExecutable(sibling) ? sibling : requireBinary('initdb', options);
  const account = postgresAccount();
  const dir = resolve(options.dir);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'claimdesk';
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (account) assertReachable(dir, account);
  if (account) chownRecursive(dir, account);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    const sync = options.fast ? ['--no-sync'] : [];
    // initdb reads the superuser's password from a file, which must sit outside the (empty) data
    // dir: beside it, mode 0600 and the postgres user's, only while initdb runs.
    const pwfile = join(dirname(dir), `.${basename(dir)}-initdb-password`);
    writeSecret(pwfile, `${options.password}\n`);
    if (account) chownSync(pwfile, account.uid, account.gid);
    try {
      await run(
        initdb,
        [
          '-D',
          dir,
          '-U',
          PG_USER,
          '-E',
          'UTF8',
          '--locale=C',
          '--auth=scram-sha-256',
          `--pwfile=${pwfile}`,
          ...sync,
        ],
        account,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  // Only loopback, only with the password: no socket logins, no replication, no trust.
  writeFileSync(
    join(dir, 'pg_hba.conf'),
    'host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n',
  );
  if (account) chownRecursive(dir, account);
  const args = ['-D', dir, '-p', String(port), '-k', dir, '-c', `listen_addresses=${host}`];
  if (options.fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off');
  // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for every client to leave.
  const s = launch('postgres', postgres, args, port, 'SIGINT', account);
  const client = () =>
    new pg.Client({
      host,
      port,
      user: PG_USER,
      password: options.password,
      database: 'postgres',
      connectionTimeoutMillis: 2000,
    });
  await waitFor(s, 'accept connections', options.timeoutMs ?? 60_000, async () => {
    const probe = client();
    return probe.connect().then(
      () => probe.end().then(() => true),
      () => false,
    );
  });
  const admin = client();
  try {
    await admin.connect();
    const found = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!found.rowCount) await admin.query(`create database "${database.replaceAll('"', '""')}"`);
  } catch (error) {
    await s.service.stop();
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    ...s.service,
    connectionString: `postgres://${PG_USER}:${encodeURIComponent(options.password)}@${host}:${port}/${encodeURIComponent(database)}`,
  };
}
