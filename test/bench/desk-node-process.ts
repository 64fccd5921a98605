// One desk node in a process of its own, so the desk benchmark can read the server's memory
// (/proc/PID/status) apart from the clients'. Prints `listening PORT` once it accepts
// connections and stops cleanly on SIGTERM.
//   CLAIMDESK_REDIS_PASSWORD=… CLAIMDESK_DATABASE_URL=… node --import tsx desk-node-process.ts NAME REDIS_PORT
import { startDeskNode } from '../../src-main/desk/desk-node';

// Two nodes race for Redis's store lock after every change and the loser logs it with a stack
// trace (see README, Teams); that is expected, and would bury the benchmark's figures.
const logError = console.error.bind(console);
console.error = (...args: unknown[]): void => {
  const cause = (args[1] as { cause?: unknown } | undefined)?.cause;
  if (typeof cause === 'string' && cause.startsWith('Could not acquire lock')) return;
  logError(...args);
};

const [name, redisPort] = process.argv.slice(2) as [string, string];
const password = process.env.CLAIMDESK_REDIS_PASSWORD;
const databaseUrl = process.env.CLAIMDESK_DATABASE_URL;
if (!password || !databaseUrl)
  throw new Error('CLAIMDESK_REDIS_PASSWORD and CLAIMDESK_DATABASE_URL are required');

const node = await startDeskNode({
  name,
  port: 0,
  redis: { host: '127.0.0.1', port: Number(redisPort), password },
  databaseUrl,
  storeDebounceMs: 100,
  storeMaxDebounceMs: 500,
});
console.log(`listening ${node.port}`);

process.on('SIGTERM', () => {
  void node.stop().finally(() => process.exit(0));
});
