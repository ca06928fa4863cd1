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

/** SQLite's reasons, said in Russian; `what` names the file it was working on. */
function sqliteReason(message: string, what: string): string | null {
  if (/not a database|malformed|corrupt/i.test(message)) return `${what} повреждена`;
  if (/disk is full|SQLITE_FULL|ENOSPC/i.test(message)) return 'во временной папке не хватает места';
  if (/unable to open|cannot open|SQLITE_CANTOPEN/i.test(message)) return 'файл не открывается';
  if (/disk I\/O error|SQLITE_IOERR/i.test(message)) return 'ошибка чтения или записи диска';
  return null;
}

/**
 * Makes `file` a self-contained snapshot in a worker thread: copied from the live database `snapshotOf`, or
 * (without it) a copy already there, switched to a rollback journal.
 */
export async function takeSnapshot(file: string, snapshotOf?: string): Promise<void> {
  try {
    await prepareSnapshotInWorker({ file, snapshotOf });
  } catch (e) {
    const message = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) throw new AppError('io', 'База данных повреждена: снять с неё копию нельзя');
    throw new AppError('io', `Не удалось снять копию базы данных: ${sqliteReason(message, 'база данных') ?? message}`);
  }
}

/**
 * Opens a backup (or a snapshot) read-only in a worker thread, checks it page by page and reads what the
 * manifest and the verify screen show. `full` runs integrity_check (also indexes against tables); otherwise
 * quick_check. `subject`: whose damage a failure
 * reports — a backup being verified, or the live database whose snapshot is being checked during a backup.
 */
export async function inspectDatabase(
  file: string,
  options: { full?: boolean; migrationsFolder?: string; subject?: 'backup' | 'database' } = {},
): Promise<DatabaseFacts> {
  const live = options.subject === 'database';
  let raw: RawFacts;
  try {
    // The snapshot of the live database is a local scratch file: safe to map.
    raw = await readFactsInWorker({ file, full: options.full ?? false, mapped: live });
  } catch (e) {
    const message = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new AppError('io', live ? 'База данных повреждена: копия не создана' : 'Копия повреждена: файл не является базой данных Журнала');
    }
    const reason = sqliteReason(message, live ? 'база данных' : 'копия') ?? message;
    throw new AppError('io', live ? `Копия не создана: проверить снимок базы данных не удалось (${reason})` : `Не удалось проверить копию: ${reason}`);
  }
  if (raw.problems.length > 0) {
    const found = `проверка целостности нашла ошибки (${raw.problems.slice(0, 3).join('; ')})`;
    throw new AppError('io', live ? `База данных повреждена: ${found}; копия не создана` : `Копия повреждена: ${found}`);
  }
  return {
    schemaVersion: raw.lastMigration === null ? null : migrationTag(options.migrationsFolder, raw.lastMigration),
    schoolName: raw.schoolName,
    counts: raw.counts,
  };
}
