// `npm start`: runs the desktop app when an Electron binary is available (fetching it once if
// it can, with a time limit), otherwise says why in one line and starts the browser edition.
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const FETCH_TIMEOUT_MS = 30_000;
const passThrough = process.argv.slice(2);

/** The binary node_modules/electron would run, if it is on disk (the same lookup as its index.js). */
function installedElectron() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(distDir, relativePath);
  return existsSync(binary) ? binary : null;
}

/** Explains a failed fetch briefly: the installer prints only "fetch failed" and a stack. */
async function describeFetchFailure(output) {
  const first = output.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
  const reason = first.replace(/^\w*Error:\s*/, '').trim();
  if (!/fetch failed/i.test(reason)) return reason;
  const host = process.env.ELECTRON_MIRROR ? new URL(process.env.ELECTRON_MIRROR).hostname : 'github.com';
  try {
    await Promise.race([
      lookup(host),
      new Promise((_resolve, reject) => setTimeout(() => reject(new Error('timeout')), 5_000)),
    ]);
    return `${reason} (${host} resolves but the download did not complete)`;
  } catch (error) {
    return `${reason}: ${host} cannot be reached (${error?.code ?? error?.message ?? 'no network'})`;
  }
}

/** Runs Electron's own installer (what `npx install-electron --no` does), time-limited. */
async function fetchElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return { binary: null, reason: 'the electron package is not installed' };
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    encoding: 'utf8',
    timeout: FETCH_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error?.code === 'ETIMEDOUT')
    return { binary: null, reason: `the download did not finish within ${FETCH_TIMEOUT_MS / 1000} s` };
  if (result.error) return { binary: null, reason: result.error.message };
  const binary = installedElectron();
  if (result.status === 0 && binary) return { binary, reason: null };
  return { binary: null, reason: await describeFetchFailure(`${result.stderr}\n${result.stdout}`) };
}

/** Runs a child with our stdio and exits with its code; signals are passed on. */
function runAndExit(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`claimdesk: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

let binary = installedElectron();
let reason = null;
if (!binary) ({ binary, reason } = await fetchElectron());

if (binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
  runAndExit(binary, [join(root, 'out', 'main', 'index.js'), ...passThrough], env);
} else {
  console.log(
    `claimdesk: the Electron binary is not available on this machine (could not download it: ${reason}); starting the browser edition instead.`,
  );
  runAndExit(process.execPath, [join(root, 'out', 'main', 'web-host.js'), ...passThrough]);
}
