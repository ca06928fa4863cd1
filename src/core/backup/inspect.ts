import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { prepareSnapshotInWorker, readFactsInWorker, type RawFacts } from './inspect-worker';

export interface DatabaseFacts {
  /** The tag of the last migration applied, e.g. `0001_constraints`; null for a database never migrated. */
  schemaVersion: string | null;
  schoolName: string | null;
  counts: { students: number; lessons: number; marks: number };
}

/** The tag of a migration by its timestamp, from the migrations folder's journal. */
function migrationTag(migrationsFolder: string | undefined, createdAt: number): string {
  if (!migrationsFolder) return String(createdAt);
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number; tag: string }[];
    };
    return journal.entries.find((e) => e.when === createdAt)?.tag ?? String(createdAt);
  } catch {
    return String(createdAt);
  }
}

/**
 * Makes `file` a self-contained snapshot in a worker thread: copied from the live database `snapshotOf` by
 * SQLite's online backup, or (without it) a copy already there, switched to a rollback journal.
 */
export async function takeSnapshot(file: string, snapshotOf?: string): Promise<void> {
  try {
    await prepareSnapshotInWorker({ file, snapshotOf });
  } catch (e) {
    const message = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) throw new AppError('io', 'База данных повреждена: снять с неё копию нельзя');
    throw new AppError('io', `Не удалось снять копию базы данных: ${message}`);
  }
}

/**
 * Opens a backup (or a snapshot) read-only in a worker thread, checks it page by page and reads what the
 * manifest and the verify screen show. `full` runs integrity_check (also indexes against tables); otherwise
 * quick_check. With `hash`, the worker also returns the file's SHA-256.
 */
export async function checkDatabase(file: string, options: { full?: boolean; hash?: boolean; migrationsFolder?: string } = {}): Promise<{ facts: DatabaseFacts; sha256: string | null }> {
  let raw: RawFacts;
  try {
    raw = await readFactsInWorker({ file, full: options.full ?? false, hash: options.hash });
  } catch (e) {
    const message = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new AppError('io', 'Копия повреждена: файл не является базой данных Журнала');
    }
    throw new AppError('io', `Не удалось проверить копию: ${message}`);
  }
  if (raw.problems.length > 0) {
    throw new AppError('io', `Копия повреждена: проверка целостности нашла ошибки (${raw.problems.slice(0, 3).join('; ')})`);
  }
  return {
    sha256: raw.sha256 ?? null,
    facts: {
      schemaVersion: raw.lastMigration === null ? null : migrationTag(options.migrationsFolder, raw.lastMigration),
      schoolName: raw.schoolName,
      counts: raw.counts,
    },
  };
}

/** checkDatabase without the hash: what a backup holds. */
export async function inspectDatabase(file: string, options: { full?: boolean; migrationsFolder?: string } = {}): Promise<DatabaseFacts> {
  return (await checkDatabase(file, options)).facts;
}
