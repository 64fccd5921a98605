// What strangers cost a desk node before authentication: the node (embedded desk, a process of
// its own so its memory is read apart from the attacker's) receives six 50 MB frames and 300
// wrong tokens of 1 MB each, then its resident memory is read. Baseline: the same node before.
// Before the pre-auth limits, the same attack grew a node from 73 to 439 MB and from 277 to 583 MB.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authMessage, rawSocket } from '../integration/raw-socket';
import type { BenchLine, Benchmark } from './harness';

const MB = 1024 * 1024;

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return (Number(kb) * 1024) / MB;
}

async function attack(url: string, frames: Buffer[]): Promise<void> {
  await Promise.all(
    frames.map(async (frame) => {
      const raw = rawSocket(url);
      if (await raw.opened) raw.socket.send(frame, () => undefined);
      await raw.closed;
    }),
  );
}

export const run: Benchmark = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-preauth-bench-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'desk-node-process.ts'), 'preauth'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, CLAIMDESK_EMBEDDED_STORE: join(dir, 'desk.sqlite') },
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (text: string) => {
        seen += text;
        const port = /listening (\d+)/.exec(seen)?.[1];
        if (port) resolve(`ws://127.0.0.1:${port}`);
      });
      child.on('exit', (code) => reject(new Error(`desk node exited (${code}) before listening`)));
    });
    const before = rssMb(child.pid!);
    await attack(
      url,
      Array.from({ length: 6 }, () => Buffer.alloc(50 * MB, 7)),
    );
    const wrongTokens = Array.from({ length: 300 }, (_, i) => authMessage(`${i}`.padEnd(MB, 'x')));
    for (let i = 0; i < wrongTokens.length; i += 50) await attack(url, wrongTokens.slice(i, i + 50));
    const after = rssMb(child.pid!);
    return [
      {
        name: 'desk node memory (RSS) after 6 × 50 MB frames and 300 wrong 1 MB tokens before authentication',
        value: after,
        unit: 'MB',
        baselineName: 'the same node before',
        baseline: before,
      },
    ] satisfies BenchLine[];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
};
