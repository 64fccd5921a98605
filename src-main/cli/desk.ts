// `claimdesk desk`: runs a desk's server side on this machine and manages its members.
//   desk start [--dir DIR] [--port P] [--host ADDR] [--tls-cert F --tls-key F]
//              [--nodes N | --scale] [--allow-origin ORIGIN]...
//   desk add-member NAME [--read-only] | role NAME editor|reader | revoke NAME | members
// `start` runs one node on an embedded store by default; `--nodes N` (N > 1) or `--scale` runs N
// nodes behind Redis and PostgreSQL. It stays in the foreground until interrupted, then stops
// everything it started. The member commands talk to it through DIR/admin.sock.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { askDesk, NoDeskError, serveAdmin, type AdminRequest } from '../desk/desk-admin';
import { writeSecret } from '../desk/desk-secrets';
import { isScale, startLocalDesk } from '../desk/local-desk';
import { MissingServerError } from '../desk/local-services';
import { checkListenOptions, INSECURE_FLAG, ListenError } from '../desk/node-listen';
import type { Io } from './index';

const USAGE =
  'claimdesk desk start [--dir DIR] [--port P] [--host ADDR] [--tls-cert FILE --tls-key FILE] ' +
  `[${INSECURE_FLAG}] [--nodes N | --scale] [--allow-origin ORIGIN]... | add-member NAME [--read-only] | ` +
  'role NAME editor|reader | revoke NAME | members';
const DEFAULT_DIR = process.env.CLAIMDESK_DESK_DIR ?? 'desk-data';
const DEFAULT_PORT = 1234;
export const FIRST_TOKEN_FILE = 'first-member-token';

interface DeskArgs {
  action: string;
  names: string[];
  dir: string;
  nodes: number | undefined;
  scale: boolean | undefined;
  port: number;
  host: string | undefined;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  insecure: boolean;
  origins: string[];
  readOnly: boolean;
}

class DeskArgsError extends Error {}

function parseArgs(args: string[]): DeskArgs {
  const [action, ...rest] = args;
  if (!action) throw new DeskArgsError('desk needs an action');
  const parsed: DeskArgs = {
    action,
    names: [],
    dir: DEFAULT_DIR,
    nodes: undefined,
    scale: undefined,
    port: DEFAULT_PORT,
    host: undefined,
    tlsCert: undefined,
    tlsKey: undefined,
    insecure: false,
    origins: [],
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
    else if (arg === '--scale') parsed.scale = true;
    else if (arg === '--port') parsed.port = count(value(), '--port', 1);
    else if (arg === '--host') parsed.host = value();
    else if (arg === '--tls-cert') parsed.tlsCert = value();
    else if (arg === '--tls-key') parsed.tlsKey = value();
    else if (arg === INSECURE_FLAG) parsed.insecure = true;
    else if (arg === '--allow-origin') parsed.origins.push(value());
    else if (arg === '--read-only') parsed.readOnly = true;
    else if (arg.startsWith('-')) throw new DeskArgsError(`unknown option ${arg}`);
    else parsed.names.push(arg);
  }
  if (!parsed.tlsCert !== !parsed.tlsKey) throw new DeskArgsError('--tls-cert and --tls-key go together');
  parsed.dir = resolve(parsed.dir);
  return parsed;
}

async function start(args: DeskArgs, io: Io): Promise<number> {
  const scale = isScale(args);
  const tls = args.tlsCert && args.tlsKey ? { certFile: args.tlsCert, keyFile: args.tlsKey } : undefined;
  // Before anything is created or started.
  checkListenOptions({
    port: args.port,
    ...(args.host !== undefined ? { host: args.host } : {}),
    ...(tls ? { tls } : {}),
    insecurePlainTextOffLoopback: args.insecure,
  });
  const desk = await startLocalDesk({
    dir: args.dir,
    ...(args.nodes !== undefined ? { nodes: args.nodes } : {}),
    scale,
    basePort: args.port,
    ...(args.host !== undefined ? { host: args.host } : {}),
    ...(tls ? { tls } : {}),
    ...(args.insecure ? { insecurePlainTextOffLoopback: true } : {}),
    ...(args.origins.length ? { allowedOrigins: ['app://claimdesk', ...args.origins] } : {}),
    log: (line) => io.err(line),
  });
  const admin = await serveAdmin(args.dir, desk.store);
  if (desk.redis && desk.postgres)
    io.out(
      `desk: Redis on 127.0.0.1:${desk.redis.port}, PostgreSQL on 127.0.0.1:${desk.postgres.port} (passwords in ${join(args.dir, 'secrets')})`,
    );
  else io.out(`desk: embedded store ${join(args.dir, 'desk.sqlite')}`);
  for (const node of desk.nodes) io.out(`desk: ${node.name} listening on ${node.url}`);
  if ((await desk.store.members()).length === 0) {
    const token = await desk.store.addMember('analyst', 'editor');
    const file = join(args.dir, FIRST_TOKEN_FILE);
    writeSecret(file, `${token}\n`);
    io.out(`desk: first member "analyst" (editor), token ${token}`);
    io.out(`desk: the token is shown this once and kept in ${file} (readable by you only)`);
    io.out('desk: enter the address and the token in Claimdesk: Settings → Desk');
  }
  io.out('desk: running; Ctrl+C stops it');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  io.out('desk: stopping');
  await admin.close();
  await desk.stop();
  return 0;
}

function memberRequest(args: DeskArgs): AdminRequest {
  if (args.action === 'members') return { action: 'members' };
  const [name, role] = args.names;
  if (!name) throw new DeskArgsError(`${args.action} needs a member NAME`);
  if (args.action === 'add-member')
    return { action: 'add-member', name, role: args.readOnly ? 'reader' : 'editor' };
  if (args.action === 'revoke') return { action: 'revoke', name };
  if (role !== 'editor' && role !== 'reader') throw new DeskArgsError('role needs NAME and editor or reader');
  return { action: 'role', name, role };
}

async function members(args: DeskArgs, io: Io): Promise<number> {
  const request = memberRequest(args);
  if (!existsSync(args.dir))
    throw new NoDeskError(`no desk in ${args.dir}: start one with "claimdesk desk start"`);
  const reply = await askDesk(args.dir, request);
  if (!reply.ok) {
    io.err(`claimdesk: ${reply.error}`);
    return 1;
  }
  const { value } = reply;
  if (request.action === 'members') {
    for (const m of Array.isArray(value) ? value : [])
      io.out(`${m.name}\t${m.role}${m.revoked ? '\trevoked' : ''}`);
    return 0;
  }
  if (request.action === 'add-member') {
    io.out(String(value));
    io.err(`claimdesk: ${request.name} is a desk ${request.role}; the token above is shown once`);
    return 0;
  }
  const { name } = request;
  if (value === true) {
    io.err(
      request.action === 'revoke'
        ? `claimdesk: ${name}'s token is revoked; their open connections close within seconds`
        : `claimdesk: ${name} is now a desk ${request.action === 'role' ? request.role : 'member'}, on open connections too`,
    );
    return 0;
  }
  io.err(`claimdesk: no active member named ${name}`);
  return 1;
}

export const deskCommand = {
  usage: USAGE,
  summary:
    "Run a desk's server side here: one node on an embedded store by default, or with --nodes N\n" +
    "N nodes behind Redis and PostgreSQL (Debian's packages); loopback from --port on unless --host;\n" +
    'data in --dir, default ./desk-data. Or manage its members.',
  async run(args: string[], io: Io): Promise<number> {
    try {
      const parsed = parseArgs(args);
      if (parsed.action === 'start') return await start(parsed, io);
      if (['add-member', 'role', 'revoke', 'members'].includes(parsed.action))
        return await members(parsed, io);
      throw new DeskArgsError(`unknown desk action "${parsed.action}"`);
    } catch (error) {
      if (error instanceof DeskArgsError) {
        io.err(`claimdesk: ${error.message}\nusage: ${USAGE}`);
        return 2;
      }
      if (
        error instanceof MissingServerError ||
        error instanceof ListenError ||
        error instanceof NoDeskError
      ) {
        io.err(`claimdesk: ${error.message}`);
        return error instanceof MissingServerError ? 69 : 2;
      }
      throw error;
    }
  },
};
