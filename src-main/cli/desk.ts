// `claimdesk desk`: runs a desk's server side on this machine and manages its members.
//   desk start [--dir DIR] [--nodes N] [--port P]   Redis, PostgreSQL and N Hocuspocus nodes
//   desk add-member NAME [--read-only]              prints the member's token (shown once)
//   desk revoke NAME | desk members
// `start` writes DIR/desk.json (the database address) so the member commands find the running
// desk; it stays in the foreground until interrupted, then stops everything it started.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeskStore, type MemberRole } from '../desk/desk-store';
import { startLocalDesk } from '../desk/local-desk';
import { MissingServerError } from '../desk/local-services';
import type { Io } from './index';

const USAGE =
  'claimdesk desk start [--dir DIR] [--nodes N] [--port P] | add-member NAME [--read-only] | revoke NAME | members';
const DEFAULT_DIR = process.env.CLAIMDESK_DESK_DIR ?? 'desk-data';
const DEFAULT_PORT = 1234;

interface DeskArgs {
  action: string;
  name: string | null;
  dir: string;
  nodes: number;
  port: number;
  readOnly: boolean;
}

class DeskArgsError extends Error {}

function parseArgs(args: string[]): DeskArgs {
  const [action, ...rest] = args;
  if (!action) throw new DeskArgsError('desk needs an action');
  const parsed: DeskArgs = {
    action,
    name: null,
    dir: DEFAULT_DIR,
    nodes: 2,
    port: DEFAULT_PORT,
    readOnly: false,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new DeskArgsError(`${arg} needs a value`);
      return v;
    };
    const count = (text: string, what: string, min: number): number => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < min) throw new DeskArgsError(`${what} must be a whole number ≥ ${min}`);
      return n;
    };
    if (arg === '--dir') parsed.dir = value();
    else if (arg === '--nodes') parsed.nodes = count(value(), '--nodes', 1);
    else if (arg === '--port') parsed.port = count(value(), '--port', 1);
    else if (arg === '--read-only') parsed.readOnly = true;
    else if (arg.startsWith('-')) throw new DeskArgsError(`unknown option ${arg}`);
    else if (parsed.name === null) parsed.name = arg;
    else throw new DeskArgsError(`unexpected argument ${arg}`);
  }
  parsed.dir = resolve(parsed.dir);
  return parsed;
}

const stateFile = (dir: string): string => join(dir, 'desk.json');

function runningDesk(dir: string): DeskStore {
  if (!existsSync(stateFile(dir)))
    throw new DeskArgsError(`no desk is running from ${dir}: start one with "claimdesk desk start"`);
  const { databaseUrl } = JSON.parse(readFileSync(stateFile(dir), 'utf8')) as { databaseUrl: string };
  return new DeskStore(databaseUrl);
}

async function start(args: DeskArgs, io: Io): Promise<number> {
  const desk = await startLocalDesk({ dir: args.dir, nodes: args.nodes, basePort: args.port });
  writeFileSync(stateFile(args.dir), JSON.stringify({ databaseUrl: desk.postgres.connectionString }));
  io.out(`desk: Redis on 127.0.0.1:${desk.redis.port}, PostgreSQL on 127.0.0.1:${desk.postgres.port}`);
  for (const node of desk.nodes) io.out(`desk: ${node.name} listening on ${node.url}`);
  if ((await desk.store.members()).length === 0) {
    const token = await desk.store.addMember('analyst', 'editor');
    io.out(`desk: first member "analyst" (editor), token ${token}`);
    io.out('desk: enter the address and the token in Claimdesk: Settings → Desk');
  }
  io.out('desk: running; Ctrl+C stops it');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  io.out('desk: stopping');
  rmSync(stateFile(args.dir), { force: true });
  await desk.stop();
  return 0;
}

async function members(args: DeskArgs, io: Io): Promise<number> {
  const store = runningDesk(args.dir);
  try {
    if (args.action === 'members') {
      for (const m of await store.members()) io.out(`${m.name}\t${m.role}${m.revoked ? '\trevoked' : ''}`);
      return 0;
    }
    if (!args.name) throw new DeskArgsError(`${args.action} needs a member NAME`);
    if (args.action === 'add-member') {
      const role: MemberRole = args.readOnly ? 'reader' : 'editor';
      io.out(await store.addMember(args.name, role));
      io.err(`claimdesk: ${args.name} is a desk ${role}; the token above is shown once`);
      return 0;
    }
    if (await store.revokeMember(args.name)) {
      io.err(`claimdesk: ${args.name}'s token is revoked on every node`);
      return 0;
    }
    io.err(`claimdesk: no active member named ${args.name}`);
    return 1;
  } finally {
    await store.close();
  }
}

export const deskCommand = {
  usage: USAGE,
  summary:
    "Run a desk's server side here (Redis and PostgreSQL from Debian's packages, N Hocuspocus\n" +
    'nodes on loopback from --port on; data in --dir, default ./desk-data), or manage its members.',
  async run(args: string[], io: Io): Promise<number> {
    try {
      const parsed = parseArgs(args);
      if (parsed.action === 'start') return await start(parsed, io);
      if (['add-member', 'revoke', 'members'].includes(parsed.action)) return await members(parsed, io);
      throw new DeskArgsError(`unknown desk action "${parsed.action}"`);
    } catch (error) {
      if (error instanceof DeskArgsError) {
        io.err(`claimdesk: ${error.message}\nusage: ${USAGE}`);
        return 2;
      }
      if (error instanceof MissingServerError) {
        io.err(`claimdesk: ${error.message}`);
        return 69;
      }
      throw error;
    }
  },
};
