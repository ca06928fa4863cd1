import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Answer } from './answer';
import { workerEntries, type WorkerName } from './entries';
import { endedEarly } from './failure';

/** Run from the TypeScript sources (vitest, tsx: the tests and the bench) rather than from the bundle. */
const fromSource = __filename.endsWith('.ts');

/**
 * Starts a worker thread from its entry file (see entries.ts). In the bundle every file of the main build sits
 * in out/main (electron.vite.config.ts), so the entry's built file is beside this code. From the sources the
 * entry's .ts file runs through tsx, registered in the thread itself: on Node 20 a loader given in the thread's
 * execArgv does not reach its entry file.
 */
export function startWorker(name: WorkerName, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!fromSource) return new Worker(path.join(__dirname, `${name}.js`), options);
  const entry = path.resolve(__dirname, '..', '..', workerEntries[name]);
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});`, {
    ...options,
    eval: true,
  });
}

/** Runs a worker that answers one job (see answer.ts), and ends it: resolves with its value, or rejects with its error. */
export function runInWorker<T>(name: WorkerName, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(name, { workerData });
    worker.once('message', (m: Answer<T>) => {
      void worker.terminate();
      if (m.ok) resolve(m.value);
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
    // A worker that ends without answering (killed, out of memory) must not leave the caller waiting forever.
    worker.once('exit', (code) => reject(endedEarly(code)));
  });
}
