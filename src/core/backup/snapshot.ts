import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

/** Pages copied per step of the online backup: small enough that a teacher's write never waits long. */
const pagesPerStep = 256;

/**
 * A consistent copy of the live database, taken through the one connection that writes. SQLite's online
 * backup runs in steps between which the event loop serves writes; writes made through this same connection
 * are carried into the copy, so it never restarts (a second connection's backup restarts on every write).
 */
export async function snapshotFromConnection(client: Database.Database, dest: string): Promise<void> {
  await client.backup(dest, { progress: () => pagesPerStep });
  settle(dest);
}

/**
 * A consistent copy of a database file that another process may be writing (the CLI beside a running app):
 * `VACUUM INTO` reads inside one read transaction, which in WAL mode never blocks that writer.
 */
export function snapshotFromFile(source: string, dest: string): void {
  if (!fs.existsSync(source)) throw new AppError('not_found', `Файл базы данных не найден: ${source}`);
  let client: Database.Database;
  try {
    client = new Database(source, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AppError('io', `Не удалось открыть базу данных ${source}: ${(e as Error).message}`);
  }
  try {
    client.pragma('busy_timeout = 5000');
    client.prepare('VACUUM INTO ?').run(dest);
  } catch (e) {
    throw new AppError('io', `Не удалось снять копию базы ${source}: ${(e as Error).message}`);
  } finally {
    client.close();
  }
  settle(dest);
}

/** A backup is one self-contained file: rollback journal mode, so no -wal or -shm is needed beside it. */
function settle(file: string): void {
  const client = new Database(file, { fileMustExist: true });
  try {
    client.pragma('journal_mode = DELETE');
  } finally {
    client.close();
  }
}
