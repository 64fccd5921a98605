// Build layout: main-process code (Electron main, the browser edition's host, the import
// worker, the CLI) from src-main; the preload as CommonJS (sandboxed preloads cannot be ESM);
// the React renderer from src-renderer. Shared, environment-free code lives in src-shared.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src-main/main/index.ts'),
          'web-host': resolve('src-main/web-host/index.ts'),
          'import-worker': resolve('src-main/services/import-worker.ts'),
          cli: resolve('src-main/cli/index.ts'),
        },
        // Chunks sit beside the entries so the import service finds import-worker.js next to itself.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
