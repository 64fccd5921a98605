// Runs the built command line (npm run build) as a user runs it: `node bin/claimdesk.js …`, so
// `parse` goes through the import worker with its limits.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/claimdesk.js', import.meta.url));
const built = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));

export interface CliRun {
  code: number;
  /** stdout's outputs: one indented object whole, else one entry per line. */
  out: string[];
  err: string[];
}

const outputs = (stdout: string): string[] =>
  stdout.startsWith('{\n') ? [stdout.trimEnd()] : stdout.split('\n').filter((line) => line !== '');

export function runBuiltCli(...argv: string[]): Promise<CliRun> {
  if (!existsSync(built)) throw new Error('the CLI is not built: run npm run build first');
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...argv], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, out: outputs(stdout), err: stderr.split('\n').filter((line) => line !== '') });
    });
  });
}
