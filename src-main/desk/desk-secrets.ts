// A desk's directory and the secrets in it: the directory is 0700 and each secret file 0600, made
// so when written (not only when created). The scale mode's Redis and PostgreSQL passwords are
// generated on the first start and read back on the next; nothing here is ever logged.
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeSecret(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * Creates the desk's directory, 0700. As root in scale mode PostgreSQL runs as the `postgres`
 * user, who must pass through it to reach its data dir: the directory is then that user's (root
 * reads it regardless), still 0700, and the secret files stay root's own.
 */
export function prepareDeskDir(dir: string, owner?: { uid: number; gid: number }): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);
}

const generated = (): string => randomBytes(24).toString('base64url');

/** Reads DIR/secrets/NAME, generating it on first use. */
export function deskSecret(dir: string, name: string): string {
  const secrets = join(dir, 'secrets');
  mkdirSync(secrets, { recursive: true, mode: 0o700 });
  chmodSync(secrets, 0o700);
  const file = join(secrets, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = generated();
  writeSecret(file, `${secret}\n`);
  return secret;
}
