import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface RawFacts {
  problems: string[];
  lastMigration: number | null;
  schoolName: string | null;
  counts: { students: number; lessons: number; marks: number };
}

/**
 * The functions below run inside a worker thread, so they must be self-contained: they are sent there as
 * source text, with the better-sqlite3 module passed in. Snapshotting and checking a 300 MB database take
 * about a second of synchronous SQLite each, which on the main thread would stall every teacher's save.
 */
async function prepareSnapshot(Database: new (file: string, options: object) => SqliteLike, job: SnapshotJob): Promise<null> {
  if (job.snapshotOf) {
    // A second, read-only connection, in one read transaction: in WAL mode that never blocks the connection
    // that writes, and never restarts (page by page, the online backup restarts on every save).
    // VACUUM INTO rather than the online backup: the backup syncs its whole output when it ends, and on the
    // same disk a teacher's save (which syncs the journal) waited behind those 300 MB — 150-200 ms here, seconds
    // on a hard disk. VACUUM INTO writes with this connection's `synchronous`, so a scratch file is not synced
    // (the destinations' syncs make the backup durable); it also leaves out free pages, and is already one
    // file in rollback-journal mode. It costs about half a second more of this thread's time on 300 MB.
    const source = new Database(job.snapshotOf, { readonly: true, fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      source.pragma('synchronous = OFF');
      // Read through a memory map rather than a read() per page: measured, a quarter less CPU, which a
      // machine serving teachers meanwhile has little of. (A local file: a mapped read that fails kills the
      // process, so files on removable drives are never read this way.)
      source.pragma('mmap_size = 4294967296');
      source.prepare('vacuum into ?').run(job.file);
    } finally {
      source.close();
    }
  }
  // A copied file becomes one self-contained file too (rollback journal, no -wal beside it). It is a scratch
  // file: durability comes from the destinations' fsyncs, so it is not synced here.
  const client = new Database(job.file, { fileMustExist: true });
  try {
    client.pragma('synchronous = OFF');
    client.pragma('journal_mode = DELETE');
  } finally {
    client.close();
  }
  return null;
}

async function readFacts(Database: new (file: string, options: object) => SqliteLike, job: FactsJob): Promise<RawFacts> {
  // Read-only on purpose: measured, quick_check reads a 300 MB file in 0.7 s of CPU this way and in 2 s on a
  // read-write connection.
  const client = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    // Measured, quick_check on 300 MB: 0.53 s of CPU mapped against 0.6-0.9 s page by page.
    if (job.mapped) client.pragma('mmap_size = 4294967296');
    const has = (table: string) => !!client.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table);
    const count = (table: string) => (has(table) ? (client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n : 0);
    const rows = client.prepare(job.full ? 'pragma integrity_check' : 'pragma quick_check').all() as Record<string, string>[];
    const problems = rows.map((row) => String(Object.values(row)[0])).filter((v) => v !== 'ok');
    const last = has('__drizzle_migrations') ? (client.prepare('select max(created_at) as last from __drizzle_migrations').get() as { last: number | null }).last : null;
    const name = has('settings') ? (client.prepare("select value from settings where key = 'school.name'").get() as { value: string } | undefined) : undefined;
    return {
      problems,
      lastMigration: last,
      schoolName: name ? (JSON.parse(name.value) as string) : null,
      counts: { students: count('students'), lessons: count('lessons'), marks: count('marks') },
    };
  } finally {
    client.close();
  }
}

export interface SnapshotJob {
  /** Where the snapshot is (or, with `snapshotOf`, is to be written); it is switched to a rollback journal. */
  file: string;
  snapshotOf?: string;
}

export interface FactsJob {
  file: string;
  /** integrity_check (also indexes against tables) instead of quick_check. */
  full: boolean;
  /** Read through a memory map: only for a local scratch file (a failed mapped read kills the process). */
  mapped?: boolean;
}

interface SqliteLike {
  pragma(sql: string): unknown;
  prepare(sql: string): { get(...args: unknown[]): unknown; all(...args: unknown[]): unknown[]; run(...args: unknown[]): unknown };
  close(): void;
}

// \`__name\`: esbuild (tsx, vitest) wraps named functions in it to keep their names; the worker needs it too.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
var __name = (fn) => fn;
const tasks = {
  prepareSnapshot: (${prepareSnapshot.toString()}),
  readFacts: (${readFacts.toString()}),
};
tasks[workerData.task](require(workerData.sqlite), workerData.job).then(
  (value) => parentPort.postMessage({ ok: true, value }),
  (e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }),
);`;

const sqlitePath = () => createRequire(__filename).resolve('better-sqlite3');

function inWorker<T>(task: 'prepareSnapshot' | 'readFacts', job: SnapshotJob | FactsJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { sqlite: sqlitePath(), task, job } });
    worker.once('message', (m: { ok: true; value: T } | { ok: false; message: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.value);
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
    // A worker that ends without answering (killed, out of memory) must not leave the backup waiting forever.
    // Said neutrally: the callers name the task (a snapshot, a backup's check, a verify).
    worker.once('exit', (code) => reject(new Error(`работа прервана: поток завершился с кодом ${code}`)));
  });
}

/** Takes a snapshot of a live database (or settles a copied one) in a worker thread. */
export const prepareSnapshotInWorker = (job: SnapshotJob) => inWorker<null>('prepareSnapshot', job);

/** Opens a database read-only in a worker thread, checks it and reads what a manifest records. */
export const readFactsInWorker = (job: FactsJob) => inWorker<RawFacts>('readFacts', job);
