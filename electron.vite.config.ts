import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { workerEntries } from './src/core/workers/entries';

const workers = Object.fromEntries(Object.entries(workerEntries).map(([name, file]) => [name, resolve('src', file)]));

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        // The CLI (and the host shell it starts) is built beside main: the same Node-side code, no Electron.
        // Each worker thread's entry is a file of its own, out/main/<name>.js (see src/core/workers).
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/cli/index.ts'), ...workers },
        // Shared chunks beside the entries, not in chunks/: startWorker finds a worker's file beside its own code.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: resolve('src/renderer/index.html') } },
  },
});
