// A whole desk on this machine, in one of two modes. Embedded (the default): one Hocuspocus node
// whose store is a SQLite file in the desk's directory; nothing to install or start. Scale: Redis
// and PostgreSQL from Debian's packages, each behind a generated password, and N nodes sharing
// them. What `claimdesk desk start` (npm run desk-server), the desk tests and the desk benchmark run.
import { join } from 'node:path';
import { startDeskNode, type DeskNode, type DeskNodeOptions } from './desk-node';
import { PostgresDeskStore, type DeskStore } from './desk-store';
import { SqliteDeskStore } from './desk-store-sqlite';
import { deskSecret, prepareDeskDir } from './desk-secrets';
import { postgresAccount, startPostgres, startRedis, type RunningService } from './local-services';
import type { ListenOptions } from './node-listen';

export interface LocalDeskOptions extends Omit<ListenOptions, 'port'> {
  /** The desk's directory: its store or servers' files and its secrets (created 0700). */
  dir: string;
  /** Nodes to start. More than one needs the scale mode, which is then the default. */
  nodes?: number;
  /** Redis + PostgreSQL behind the nodes instead of the embedded store. */
  scale?: boolean;
  /** First node's port; the others follow. 0 or absent gives each a free port. */
  basePort?: number;
  allowedOrigins?: readonly string[];
  log?: (line: string) => void;
  /** Tests and benchmarks: no fsync, short store debounce. */
  fast?: boolean;
}

export interface LocalDesk {
  mode: 'embedded' | 'scale';
  /** Scale mode only. */
  redis: (RunningService & { password: string }) | null;
  postgres: (RunningService & { connectionString: string }) | null;
  nodes: DeskNode[];
  /** The desk's store, for members. */
  store: DeskStore;
  startNode(name: string, port?: number): Promise<DeskNode>;
  stop(): Promise<void>;
}

export const isScale = (options: Pick<LocalDeskOptions, 'nodes' | 'scale'>): boolean =>
  options.scale ?? (options.nodes !== undefined && options.nodes !== 1);

export async function startLocalDesk(options: LocalDeskOptions): Promise<LocalDesk> {
  const scale = isScale(options);
  const nodeCount = options.nodes ?? 1;
  if (!scale && nodeCount !== 1)
    throw new Error('an embedded desk has one node: use the scale mode for more');
  prepareDeskDir(options.dir, scale ? postgresAccount() : undefined);
  const services: RunningService[] = [];
  let redis: LocalDesk['redis'] = null;
  let postgres: LocalDesk['postgres'] = null;
  let store: DeskStore;
  if (scale) {
    const redisPassword = deskSecret(options.dir, 'redis-password');
    redis = {
      ...(await startRedis({ dir: join(options.dir, 'redis'), password: redisPassword })),
      password: redisPassword,
    };
    services.push(redis);
    postgres = await startPostgres({
      dir: join(options.dir, 'postgres'),
      database: 'claimdesk',
      password: deskSecret(options.dir, 'postgres-password'),
      fast: options.fast ?? false,
    }).catch(async (error: unknown) => {
      await Promise.allSettled(services.map((s) => s.stop()));
      throw error;
    });
    services.push(postgres);
    store = new PostgresDeskStore(postgres.connectionString);
  } else {
    store = new SqliteDeskStore(join(options.dir, 'desk.sqlite'), { fast: options.fast ?? false });
  }
  const nodes: DeskNode[] = [];
  const stopAll = async () => {
    await Promise.allSettled(nodes.map((n) => n.stop()));
    await store.close().catch(() => undefined);
    await Promise.allSettled(services.map((s) => s.stop()));
  };
  const startNode = async (name: string, port = 0): Promise<DeskNode> => {
    const nodeOptions: DeskNodeOptions = {
      name,
      port,
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.insecurePlainTextOffLoopback ? { insecurePlainTextOffLoopback: true } : {}),
      ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.fast ? { storeDebounceMs: 100, storeMaxDebounceMs: 500 } : {}),
    };
    // Each scale node opens its own pool on PostgreSQL; the embedded node shares the desk's file.
    const node = await startDeskNode(
      redis && postgres
        ? {
            ...nodeOptions,
            redis: { host: '127.0.0.1', port: redis.port, password: redis.password },
            databaseUrl: postgres.connectionString,
          }
        : { ...nodeOptions, store },
    );
    nodes.push(node);
    return node;
  };
  try {
    await store.migrate();
    for (let i = 0; i < nodeCount; i++)
      await startNode(`node-${i + 1}`, options.basePort ? options.basePort + i : 0);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { mode: scale ? 'scale' : 'embedded', redis, postgres, nodes, store, startNode, stop: stopAll };
}
