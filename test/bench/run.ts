// `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and
// prints each figure beside its same-run baseline.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatLine, type Benchmark } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

let failed = false;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: Benchmark };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n# ${file}`);
  try {
    for (const line of await mod.run()) console.log(formatLine(line));
  } catch (error) {
    failed = true;
    console.error(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
