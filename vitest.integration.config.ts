// Integration tests: real servers (Debian's redis-server and PostgreSQL, installed by .ci/run),
// one file at a time so their processes and ports never overlap. No fake-indexeddb here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    // Generous: each test waits for events (PATIENCE in sim-client.ts), and a loaded machine
    // only makes it slower.
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
