import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface RawFacts {
  problems: string[];
  lastMigration: number | null;
  schoolName: string | null;
  counts: { students: number; lessons: number; marks: number };
}

export interface SqliteLike {
  pragma(sql: string): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): { get(...args: unknown[]): unknown; all(...args: unknown[]): unknown[]; run(...args: unknown[]): unknown };
  serialize(): Buffer;
  close(): void;
}

export type SqliteClass = new (file: string, options: object) => SqliteLike;

/**
 * The functions below run inside worker threads, so they must be self-contained: they are sent there as
 * source text (see `workerSource`), with the better-sqlite3 module passed in. Checking a 300 MB database
 * takes about half a second of synchronous SQLite, which on the main thread would stall every teacher's save.
 */

/** Checks an open database page by page (`full`: integrity_check, also indexes against tables) and reads what a manifest records. */
export function factsOf(client: SqliteLike, full: boolean): RawFacts {
  const has = (table: string) => !!client.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table);
  const count = (table: string) => (has(table) ? (client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n : 0);
  const rows = client.prepare(full ? 'pragma integrity_check' : 'pragma quick_check').all() as Record<string, string>[];
  const problems = rows.map((row) => String(Object.values(row)[0])).filter((v) => v !== 'ok');
  const last = has('__drizzle_migrations') ? (client.prepare('select max(created_at) as last from __drizzle_migrations').get() as { last: number | null }).last : null;
  const name = has('settings') ? (client.prepare("select value from settings where key = 'school.name'").get() as { value: string } | undefined) : undefined;
  return {
    problems,
    lastMigration: last,
    schoolName: name ? (JSON.parse(name.value) as string) : null,
    counts: { students: count('students'), lessons: count('lessons'), marks: count('marks') },
  };
}

/** `check`: factsOf, passed in rather than named, so that no bundler's renaming can break the worker's source. */
async function readFacts(Database: SqliteClass, job: FactsJob, check: typeof factsOf): Promise<RawFacts> {
  // Read-only on purpose: measured, quick_check reads a 300 MB file in 0.7 s of CPU this way and in 2 s on a
  // read-write connection.
  const client = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    // Measured, quick_check on 300 MB: 0.53 s of CPU mapped against 0.6-0.9 s page by page.
    if (job.mapped) client.pragma('mmap_size = 4294967296');
    return check(client, job.full);
  } finally {
    client.close();
  }
}

export interface FactsJob {
  file: string;
  /** integrity_check (also indexes against tables) instead of quick_check. */
  full: boolean;
  /** Read through a memory map: only for a local file (a failed mapped read kills the process). */
  mapped?: boolean;
}

/**
 * A worker's source: the named self-contained functions, then `main`, which finds them by name.
 * `__name`: esbuild (tsx, vitest) wraps named functions in it to keep their names; the worker needs it too.
 */
export function workerSource(functions: Record<string, (...args: never[]) => unknown>, main: string): string {
  const defined = Object.entries(functions).map(([name, fn]) => `const ${name} = (${fn.toString()});`);
  return ['var __name = (fn) => fn;', ...defined, main].join('\n');
}

export const sqlitePath = () => createRequire(__filename).resolve('better-sqlite3');

const factsSource = workerSource(
  { factsOf, readFacts },
  `const { parentPort, workerData } = require('node:worker_threads');
readFacts(require(workerData.sqlite), workerData.job, factsOf).then(
  (value) => parentPort.postMessage({ ok: true, value }),
  (e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }),
);`,
);

/** Opens a database read-only in a worker thread, checks it and reads what a manifest records. */
export function readFactsInWorker(job: FactsJob): Promise<RawFacts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(factsSource, { eval: true, workerData: { sqlite: sqlitePath(), job } });
    worker.once('message', (m: { ok: true; value: RawFacts } | { ok: false; message: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.value);
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
    // A worker that ends without answering (killed, out of memory) must not leave the caller waiting forever.
    // Said neutrally: the callers name the task (a backup's check, a verify).
    worker.once('exit', (code) => reject(new Error(`работа прервана: поток завершился с кодом ${code}`)));
  });
}
