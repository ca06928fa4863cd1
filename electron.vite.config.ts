import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Rollup } from 'vite';
import { workerEntries } from './src/core/workers/entries';

// zod's sources carry `@__PURE__` notes in places Rollup cannot use; Rollup drops those comments, which changes
// nothing in the bundle (it only forgoes a tree-shaking hint). Every other warning is shown.
const onwarn: Rollup.RollupOptions['onwarn'] = (warning, warn) => {
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules[\\/]zod[\\/]/.test(warning.id ?? '')) return;
  warn(warning);
};

const workers = Object.fromEntries(Object.entries(workerEntries).map(([name, file]) => [name, resolve('src', file)]));

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        // The CLI (and the host shell it starts) is built beside main: the same Node-side code, no Electron.
        // Each worker thread's entry is a file of its own, out/main/<name>.js (see src/core/workers).
        onwarn,
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
        onwarn,
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: { rollupOptions: { onwarn, input: resolve('src/renderer/index.html') } },
  },
});
