// The member commands of a running desk. `claimdesk desk add-member|revoke|role|members` talk to
// the process that runs the desk over a Unix socket in the desk's directory (the directory 0700,
// the socket 0600: only the desk's owner reaches it), one JSON request and one JSON reply per
// connection. The embedded store is a file only that process opens, and the scale mode's database
// password stays inside it. Requests are validated: they reject, never coerce.
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import type { DeskStore, Member, MemberRole } from './desk-store';
import { errorMessage } from '../../src-shared/util/error-message';

export type AdminRequest =
  | { action: 'add-member'; name: string; role: MemberRole }
  | { action: 'role'; name: string; role: MemberRole }
  | { action: 'revoke'; name: string }
  | { action: 'members' };

export type AdminReply = { ok: true; value: string | boolean | Member[] } | { ok: false; error: string };

const MAX_REQUEST_BYTES = 4096;

export const adminSocket = (dir: string): string => join(dir, 'admin.sock');

export function parseAdminRequest(value: unknown): AdminRequest | string {
  if (typeof value !== 'object' || value === null) return 'a request is an object';
  const { action, name, role } = value as Record<string, unknown>;
  if (action === 'members') return { action };
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200)
    return 'a member name is 1 to 200 characters';
  if (action === 'revoke') return { action, name };
  if (action !== 'add-member' && action !== 'role') return `unknown action ${String(action)}`;
  if (role !== 'editor' && role !== 'reader') return 'a role is "editor" or "reader"';
  return { action, name, role };
}

async function answer(store: DeskStore, request: AdminRequest): Promise<AdminReply> {
  switch (request.action) {
    case 'members':
      return { ok: true, value: await store.members() };
    case 'add-member':
      return { ok: true, value: await store.addMember(request.name, request.role) };
    case 'role':
      return { ok: true, value: await store.setRole(request.name, request.role) };
    case 'revoke':
      return { ok: true, value: await store.revokeMember(request.name) };
  }
}

export async function serveAdmin(dir: string, store: DeskStore): Promise<{ close(): Promise<void> }> {
  const path = adminSocket(dir);
  rmSync(path, { force: true }); // left by a desk that was killed
  const server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_REQUEST_BYTES) return void socket.destroy();
      if (!text.includes('\n')) return;
      let request: AdminRequest | string;
      try {
        request = parseAdminRequest(JSON.parse(text));
      } catch {
        request = 'a request is one line of JSON';
      }
      const reply: Promise<AdminReply> =
        typeof request === 'string'
          ? Promise.resolve({ ok: false, error: request })
          : answer(store, request).catch((error: unknown) => ({
              ok: false,
              error: `the desk's store failed: ${errorMessage(error)}`,
            }));
      void reply.then((r) => socket.end(`${JSON.stringify(r)}\n`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(path, { force: true });
      }),
  };
}

export class NoDeskError extends Error {
  override name = 'NoDeskError';
}

export function askDesk(dir: string, request: AdminRequest): Promise<AdminReply> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(adminSocket(dir));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => void (text += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(text) as AdminReply);
      } catch {
        reject(new Error('the desk answered something that is not a reply'));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
          ? new NoDeskError(`no desk is running from ${dir}: start one with "claimdesk desk start"`)
          : error,
      ),
    );
  });
}
