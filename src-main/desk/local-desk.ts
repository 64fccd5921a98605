// A whole desk on this machine: Redis and PostgreSQL from Debian's packages, and N Hocuspocus
// nodes on loopback, all sharing them. What `claimdesk desk start` (npm run desk-server), the
// desk tests and the desk benchmark run.
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startDeskNode, type DeskNode } from './desk-node';
import { DeskStore } from './desk-store';
import { startPostgres, startRedis, type RunningService } from './local-services';

export interface LocalDeskOptions {
  /** Where Redis and the PostgreSQL cluster keep their files (created when missing). */
  dir: string;
  nodes: number;
  /** First node's port; the others follow. 0 gives each a free port. */
  basePort?: number;
  /** Tests and benchmarks: no fsync, short store debounce. */
  fast?: boolean;
}

export interface LocalDesk {
  redis: RunningService;
  postgres: RunningService & { connectionString: string };
  nodes: DeskNode[];
  /** A connection to the desk's tables, for members. */
  store: DeskStore;
  startNode(name: string, port?: number): Promise<DeskNode>;
  stop(): Promise<void>;
}

export async function startLocalDesk(options: LocalDeskOptions): Promise<LocalDesk> {
  // PostgreSQL runs as its own user when we are root: it must be able to pass through this dir.
  mkdirSync(options.dir, { recursive: true });
  chmodSync(options.dir, 0o711);
  const redis = await startRedis({ dir: join(options.dir, 'redis') });
  const postgres = await startPostgres({
    dir: join(options.dir, 'postgres'),
    database: 'claimdesk',
    fast: options.fast ?? false,
  }).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  const store = new DeskStore(postgres.connectionString);
  await store.migrate();
  const nodes: DeskNode[] = [];
  const startNode = async (name: string, port = 0): Promise<DeskNode> => {
    const node = await startDeskNode({
      name,
      port,
      redis: { host: '127.0.0.1', port: redis.port },
      databaseUrl: postgres.connectionString,
      ...(options.fast ? { storeDebounceMs: 100, storeMaxDebounceMs: 500 } : {}),
    });
    nodes.push(node);
    return node;
  };
  try {
    for (let i = 0; i < options.nodes; i++) {
      await startNode(`node-${i + 1}`, options.basePort ? options.basePort + i : 0);
    }
  } catch (error) {
    await Promise.allSettled(nodes.map((n) => n.stop()));
    await store.close();
    await Promise.allSettled([redis.stop(), postgres.stop()]);
    throw error;
  }
  return {
    redis,
    postgres,
    nodes,
    store,
    startNode,
    async stop() {
      await Promise.allSettled(nodes.map((n) => n.stop()));
      await store.close();
      await Promise.allSettled([redis.stop(), postgres.stop()]);
    },
  };
}
