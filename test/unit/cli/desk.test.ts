// `claimdesk desk` without servers: its argument errors and the message when no desk runs. (The
// servers themselves are exercised by test/integration, which starts real ones.)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-desk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function desk(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(['desk', ...args], {
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (err += `${t}\n`),
  });
  return { status, out, err };
}

it('names what is wrong with its arguments', async () => {
  expect(await desk()).toMatchObject({ status: 2, err: expect.stringContaining('desk needs an action') });
  expect(await desk('start', '--nodes', '0')).toMatchObject({
    status: 2,
    err: expect.stringContaining('--nodes must be a whole number ≥ 1'),
  });
  expect(await desk('launch')).toMatchObject({
    status: 2,
    err: expect.stringContaining('unknown desk action'),
  });
  expect(await desk('start', '--colour')).toMatchObject({
    status: 2,
    err: expect.stringContaining('--colour'),
  });
  expect(await desk('start', '--tls-cert', 'cert.pem')).toMatchObject({
    status: 2,
    err: expect.stringContaining('--tls-cert and --tls-key go together'),
  });
  expect(await desk('role', 'Huda', 'owner', '--dir', dir)).toMatchObject({
    status: 2,
    err: expect.stringContaining('role needs NAME and editor or reader'),
  });
});

it('refuses to serve plain text off loopback before creating anything', async () => {
  const where = join(dir, 'never-created');
  const result = await desk('start', '--host', '0.0.0.0', '--dir', where);
  expect(result.status).toBe(2);
  expect(result.err).toContain('0.0.0.0 is reachable from other machines');
  expect(result.err).toContain('--insecure-plain-text-off-loopback');
  expect(existsSync(where)).toBe(false);
});

it('says how to start a desk when asked for members of one that is not running', async () => {
  const result = await desk('add-member', 'Huda', '--dir', dir);
  expect(result.status).toBe(2);
  expect(result.err).toContain(`no desk is running from ${dir}`);
  expect(result.err).toContain('claimdesk desk start');
  expect(result.out).toBe('');
});
