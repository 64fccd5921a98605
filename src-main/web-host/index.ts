// Browser edition entry: `node out/main/web-host.js [--port N]` serves the renderer and its
// services on http://127.0.0.1:PORT/. The default port is fixed because IndexedDB data is
// keyed by origin: a port that changed between runs would show an empty library.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepImportWorkerReady } from '../services/import-service';
import { createWebHost } from './server';

export const DEFAULT_PORT = 41_730;

function parsePort(argv: readonly string[]): number {
  const i = argv.indexOf('--port');
  if (i < 0) return DEFAULT_PORT;
  const value = argv[i + 1];
  const port = Number(value);
  if (!value || !/^\d+$/.test(value) || port < 1 || port > 65_535) {
    console.error(`claimdesk: --port needs a number from 1 to 65535 (got ${value ?? 'nothing'})`);
    process.exit(2);
  }
  return port;
}

const port = parsePort(process.argv.slice(2));
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '../renderer');
const { server } = createWebHost({ port, rendererDir });
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `claimdesk: port ${port} on 127.0.0.1 is already in use — Claimdesk may already be running at http://127.0.0.1:${port}/ ; choose another port with --port N (your library is kept per port).`,
    );
  } else {
    console.error(`claimdesk: could not start the browser edition: ${error.message}`);
  }
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Claimdesk (browser edition) is running at http://127.0.0.1:${port}/`);
  keepImportWorkerReady();
});
const stop = (): void => {
  server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
