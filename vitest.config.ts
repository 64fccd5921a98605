// Unit tests: node environment by default (fake-indexeddb loaded for the Dexie store);
// files that need a DOM opt in with a `// @vitest-environment jsdom` docblock.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto'],
    // Generous: some tests run the built CLI or real parsers, and must pass on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
