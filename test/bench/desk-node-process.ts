// One desk node in a process of its own, so the desk benchmark can read the server's memory
// (/proc/PID/status) apart from the clients'. Prints `listening PORT` once it accepts
// connections and stops cleanly on SIGTERM.
//   scale:    CLAIMDESK_REDIS_PASSWORD=… CLAIMDESK_DATABASE_URL=… node --import tsx desk-node-process.ts NAME REDIS_PORT
//   embedded: CLAIMDESK_EMBEDDED_STORE=FILE node --import tsx desk-node-process.ts NAME
import { startDeskNode, type DeskNodeOptions } from '../../src-main/desk/desk-node';
import { SqliteDeskStore } from '../../src-main/desk/desk-store-sqlite';

// Two nodes race for Redis's store lock after every change and the loser logs it with a stack
// trace (see README, Teams); that is expected, and would bury the benchmark's figures.
const logError = console.error.bind(console);
console.error = (...args: unknown[]): void => {
  const cause = (args[1] as { cause?: unknown } | undefined)?.cause;
  if (typeof cause === 'string' && cause.startsWith('Could not acquire lock')) return;
  logError(...args);
};

const [name, redisPort] = process.argv.slice(2) as [string, string | undefined];
const password = process.env.CLAIMDESK_REDIS_PASSWORD;
const databaseUrl = process.env.CLAIMDESK_DATABASE_URL;
const embedded = process.env.CLAIMDESK_EMBEDDED_STORE;

async function store(): Promise<Pick<DeskNodeOptions, 'store' | 'databaseUrl' | 'redis'>> {
  if (embedded) {
    const sqlite = new SqliteDeskStore(embedded, { fast: true });
    await sqlite.migrate();
    return { store: sqlite };
  }
  if (!password || !databaseUrl || !redisPort)
    throw new Error('CLAIMDESK_REDIS_PASSWORD, CLAIMDESK_DATABASE_URL and REDIS_PORT are required');
  return { redis: { host: '127.0.0.1', port: Number(redisPort), password }, databaseUrl };
}

const node = await startDeskNode({
  name,
  port: 0,
  ...(await store()),
  log: () => undefined,
  storeDebounceMs: 100,
  storeMaxDebounceMs: 500,
});
console.log(`listening ${node.port}`);

process.on('SIGTERM', () => {
  void node.stop().finally(() => process.exit(0));
});
