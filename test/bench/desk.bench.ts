// Desk benchmark: a desk of 50 analysts on two Hocuspocus nodes behind Redis and PostgreSQL (the
// same local desk the integration tests run), each node in a process of its own. How long one
// analyst's edit takes to reach all 49 others (median and p99 of one edit at a time), how long a
// burst of one edit from every analyst at once takes to reach everyone, and each node's memory.
// Baselines from the same run: the same Yjs updates applied in-process to 50 documents (what the
// network, the two nodes and Redis add), and the node's memory before anyone connected.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { startLocalDesk } from '../../src-main/desk/local-desk';
import { rootOf, writeRecord } from '../../src-shared/desk/desk-doc';
import { claimRecord } from '../integration/desk-records';
import { SimClient, waitFor } from '../integration/sim-client';
import type { BenchLine, Benchmark } from './harness';

const CLIENTS = 50;
const NODES = 2;
/** Claims on the desk before the timed edits, so updates land in a library of some size. */
const SEEDED = 500;
const EDITS = 200;
const BURSTS = 5;
const EDIT_TIMEOUT_MS = 20_000;
const MB = 1024 * 1024;

interface NodeProcess {
  child: ChildProcess;
  url: string;
}

function spawnNode(
  name: string,
  redis: { port: number; password: string },
  databaseUrl: string,
): Promise<NodeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'desk-node-process.ts'), name, String(redis.port)],
    // Passwords through the environment: a command line is visible to every local user.
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CLAIMDESK_REDIS_PASSWORD: redis.password, CLAIMDESK_DATABASE_URL: databaseUrl },
    },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      seen += text;
      const port = /listening (\d+)/.exec(seen)?.[1];
      if (port) resolve({ child, url: `ws://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`desk node ${name} exited (${code}) before listening`)));
  });
}

function stopNode(node: NodeProcess): Promise<void> {
  return new Promise((resolve) => {
    if (node.child.exitCode !== null) return resolve();
    node.child.once('exit', () => resolve());
    node.child.kill('SIGTERM');
  });
}

/** Resident memory of a process in MB, read from the kernel. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return (Number(kb) * 1024) / MB;
}

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

/** Resolves once every client's copy satisfies `holds`, checked as each update is applied. */
function everyoneHolds(clients: SimClient[], holds: (doc: Y.Doc) => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const waiting = new Set(clients.filter((c) => !holds(c.doc)));
    const listeners = new Map<SimClient, () => void>();
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      for (const [c, listener] of listeners) c.doc.off('update', listener);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => finish(new Error(`${what}: ${waiting.size} clients still waiting after ${EDIT_TIMEOUT_MS} ms`)),
      EDIT_TIMEOUT_MS,
    );
    if (waiting.size === 0) return finish();
    for (const c of waiting) {
      const listener = (): void => {
        if (!holds(c.doc)) return;
        waiting.delete(c);
        if (waiting.size === 0) finish();
      };
      listeners.set(c, listener);
      c.doc.on('update', listener);
    }
  });
}

/** The update a local edit produces (writeRecord makes one transaction, so one update). */
function capture(doc: Y.Doc, edit: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const listener = (u: Uint8Array): void => {
    update = u;
  };
  doc.on('update', listener);
  edit();
  doc.off('update', listener);
  if (!update) throw new Error('the edit produced no update');
  return update;
}

const claimHeld = (id: string) => (doc: Y.Doc) => rootOf(doc, 'annotations').has(id);
const notesHeld = (id: string, notes: string) => (doc: Y.Doc) =>
  rootOf(doc, 'annotations').get(id)?.get('notes') === notes;

/** Edit k: a new claim (even k) or a changed note on a seeded claim (odd k), and how to see it. */
function makeEdit(doc: Y.Doc, k: number): { update: Uint8Array; holds: (doc: Y.Doc) => boolean } {
  if (k % 2 === 0) {
    const id = `edit-${k}`;
    return {
      update: capture(doc, () => writeRecord(doc, 'annotations', claimRecord(id))),
      holds: claimHeld(id),
    };
  }
  const id = `seed-${k % SEEDED}`;
  const notes = `changed by edit ${k}`;
  const update = capture(doc, () =>
    writeRecord(doc, 'annotations', { ...claimRecord(id), notes }, ['notes']),
  );
  return { update, holds: notesHeld(id, notes) };
}

export const run: Benchmark = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-desk-bench-'));
  const desk = await startLocalDesk({ dir, nodes: 0, scale: true, fast: true });
  const { redis, postgres } = desk;
  if (!redis || !postgres) throw new Error('the scale mode runs Redis and PostgreSQL');
  const nodes: NodeProcess[] = [];
  const clients: SimClient[] = [];
  try {
    for (let n = 0; n < NODES; n++)
      nodes.push(await spawnNode(`bench-${n + 1}`, redis, postgres.connectionString));
    const idleMb = nodes.map((n) => rssMb(n.child.pid!));
    const token = await desk.store.addMember('bench', 'editor');
    for (let i = 0; i < CLIENTS; i++) clients.push(new SimClient({ url: nodes[i % NODES]!.url, token }));
    await Promise.all(clients.map((c) => c.synced()));

    const seeder = clients[0]!;
    seeder.doc.transact(() => {
      for (let s = 0; s < SEEDED; s++) writeRecord(seeder.doc, 'annotations', claimRecord(`seed-${s}`));
    });
    await everyoneHolds(clients, claimHeld(`seed-${SEEDED - 1}`), 'the seeded library');
    await waitFor(() => clients.every((c) => !c.provider.hasUnsyncedChanges), EDIT_TIMEOUT_MS, 'flush');

    // In-process copies for the baseline, from the same state as the clients'.
    const state = Y.encodeStateAsUpdate(seeder.doc);
    const mirrors = Array.from({ length: CLIENTS }, () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return doc;
    });
    const applyEverywhere = (updates: Uint8Array[]): number => {
      const t0 = performance.now();
      for (const doc of mirrors) for (const update of updates) Y.applyUpdate(doc, update);
      return performance.now() - t0;
    };

    // One edit at a time, from writers on both nodes in turn: the time until all 49 others hold it.
    const reach: number[] = [];
    const inProcess: number[] = [];
    for (let k = 0; k < EDITS; k++) {
      const writer = clients[k % CLIENTS]!;
      const others = clients.filter((c) => c !== writer);
      const t0 = performance.now();
      const { update, holds } = makeEdit(writer.doc, k);
      await everyoneHolds(others, holds, `edit ${k}`);
      reach.push(performance.now() - t0);
      inProcess.push(applyEverywhere([update]));
    }

    // Every analyst edits at once: the time until all 50 hold all 50 edits.
    const bursts: number[] = [];
    const burstsInProcess: number[] = [];
    for (let b = 0; b < BURSTS; b++) {
      const t0 = performance.now();
      const edits = clients.map((c, i) => makeEdit(c.doc, EDITS + 2 * (b * CLIENTS + i)));
      await everyoneHolds(clients, (doc) => edits.every((e) => e.holds(doc)), `burst ${b}`);
      bursts.push(performance.now() - t0);
      burstsInProcess.push(applyEverywhere(edits.map((e) => e.update)));
    }

    const loadedMb = nodes.map((n) => rssMb(n.child.pid!));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rawName = `the same update applied in-process to ${CLIENTS} Y.Docs`;
    return [
      {
        name: `edit reaches all ${CLIENTS} clients on ${NODES} nodes (median of ${EDITS})`,
        value: percentile(reach, 50),
        unit: 'ms',
        baselineName: rawName,
        baseline: percentile(inProcess, 50),
      },
      {
        name: `edit reaches all ${CLIENTS} clients on ${NODES} nodes (p99 of ${EDITS})`,
        value: percentile(reach, 99),
        unit: 'ms',
        baselineName: rawName,
        baseline: percentile(inProcess, 99),
      },
      {
        name: `${CLIENTS} edits at once reach all ${CLIENTS} clients (median of ${BURSTS})`,
        value: percentile(bursts, 50),
        unit: 'ms',
        baselineName: `the ${CLIENTS} updates applied in-process to ${CLIENTS} Y.Docs`,
        baseline: percentile(burstsInProcess, 50),
      },
      {
        name: `desk node memory (RSS) with ${CLIENTS / NODES} clients and ${SEEDED + EDITS / 2 + BURSTS * CLIENTS} claims (mean of ${NODES} nodes)`,
        value: mean(loadedMb),
        unit: 'MB',
        baselineName: 'the same node before any client connected',
        baseline: mean(idleMb),
      },
    ] satisfies BenchLine[];
  } finally {
    for (const c of clients) c.destroy();
    await Promise.allSettled(nodes.map(stopNode));
    await desk.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
