import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface RawFacts {
  problems: string[];
  lastMigration: number | null;
  schoolName: string | null;
  counts: { students: number; lessons: number; marks: number };
}

/**
 * Runs inside a worker thread, so it must be self-contained: it is sent there as source text, with the
 * better-sqlite3 module passed in. Snapshotting and checking a 300 MB database take about two seconds of
 * synchronous SQLite (and an fsync), which on the main thread would stall every teacher's save for as long.
 */
async function readFacts(Database: new (file: string, options: object) => SqliteLike, job: FactsJob): Promise<RawFacts> {
  const { file, full, snapshotOf } = job;
  if (snapshotOf) {
    // A second, read-only connection. After the first small step the rest is copied in one step, inside one
    // read transaction: in WAL mode that never blocks the connection that writes, and a write made between
    // the two steps restarts the copy at most once (page by page it would restart on every save).
    const source = new Database(snapshotOf, { readonly: true, fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(file, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
  }
  const settle = job.settle || !!snapshotOf;
  const client = new Database(file, { readonly: !settle, fileMustExist: true });
  try {
    // A fresh snapshot becomes one self-contained file (rollback journal, no -wal beside it); this syncs the
    // whole file, a fraction of a second for a large school, which is why it is done here and not on the main thread.
    if (settle) client.pragma('journal_mode = DELETE');
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
  } finally {
    client.close();
  }
}

export interface FactsJob {
  /** The database to check; with `snapshotOf`, where the snapshot is written first. */
  file: string;
  full: boolean;
  /** Switch the file to rollback-journal mode, so it is one self-contained file. */
  settle: boolean;
  snapshotOf?: string;
}

interface SqliteLike {
  pragma(sql: string): unknown;
  backup(file: string, options: { progress(): number }): Promise<unknown>;
  prepare(sql: string): { get(...args: unknown[]): unknown; all(...args: unknown[]): unknown[]; run(...args: unknown[]): unknown };
  close(): void;
}

// \`__name\`: esbuild (tsx, vitest) wraps named functions in it to keep their names; the worker needs it too.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
var __name = (fn) => fn;
const readFacts = (${readFacts.toString()});
readFacts(require(workerData.sqlite), workerData.job).then(
  (facts) => parentPort.postMessage({ ok: true, facts }),
  (e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }),
);`;

const sqlitePath = () => createRequire(__filename).resolve('better-sqlite3');

/** Opens a database in a worker thread (read-only unless it is to be settled), checks it and reads what a manifest records. */
export function readFactsInWorker(job: FactsJob): Promise<RawFacts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { sqlite: sqlitePath(), job } });
    worker.once('message', (m: { ok: true; facts: RawFacts } | { ok: false; message: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.facts);
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
    // A worker that ends without answering (killed, out of memory) must not leave the backup waiting forever.
    worker.once('exit', (code) => reject(new Error(`Проверка копии прервана (код ${code})`)));
  });
}
