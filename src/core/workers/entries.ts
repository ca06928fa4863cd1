/**
 * Every worker thread's entry file (under src/), by its name in the build: electron.vite.config.ts bundles
 * each as an entry of its own, out/main/<name>.js, and startWorker starts it by this name. A new worker is a
 * *.worker.ts file and its line here; tests/cli/built-workers.test.ts fails when either is missing, or its build.
 */
export const workerEntries = {
  'backup-compare': 'core/backup/compare.worker.ts',
  'backup-drive': 'core/backup/drive.worker.ts',
  'backup-facts': 'core/backup/facts.worker.ts',
  'backup-snapshot-seal': 'core/backup/snapshot-seal.worker.ts',
  'backup-snapshot-check': 'core/backup/snapshot-check.worker.ts',
  'core-calls': 'core/workers/calls.worker.ts',
} as const;

export type WorkerName = keyof typeof workerEntries;
