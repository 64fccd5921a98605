// The WebAssembly the importer runs must be what line-scan.wat says: the checked-in module is
// rebuilt from the source here, and any difference means someone forgot scripts/build-wasm.mjs.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assemble, moduleText } from '../../../scripts/build-wasm.mjs';

describe('line-scan WebAssembly', () => {
  it('line-scan-wasm.ts is line-scan.wat assembled', async () => {
    const checkedIn = await readFile(
      new URL('../../../src-main/import/line-scan-wasm.ts', import.meta.url),
      'utf8',
    );
    expect(checkedIn).toBe(moduleText(await assemble()));
  });
});
