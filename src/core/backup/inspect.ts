import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { runInWorker } from '../workers/start';
import type { AuditChainFacts, FactsJob, RawFacts } from './facts';

export interface DatabaseFacts {
  /** The tag of the last migration applied, e.g. `0001_constraints`; null for a database never migrated. */
  schemaVersion: string | null;
  schoolName: string | null;
  counts: { students: number; lessons: number; marks: number };
  auditChain?: AuditChainFacts | null;
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
  if (/out of memory|SQLITE_NOMEM|Array buffer allocation failed/i.test(message)) return 'не хватает памяти';
  if (/unable to open|cannot open|SQLITE_CANTOPEN/i.test(message)) return 'файл не открывается';
  if (/disk I\/O error|SQLITE_IOERR/i.test(message)) return 'ошибка чтения или записи диска';
  return null;
}

/** Why a snapshot of the live database could not be taken, in Russian. */
export function snapshotFailure(e: unknown): AppError {
  const message = (e as Error).message;
  if (/not a database|malformed|corrupt/i.test(message))
    return new AppError('io', 'База данных повреждена: снять с неё копию нельзя');
  return new AppError('io', `Не удалось снять копию базы данных: ${sqliteReason(message, 'база данных') ?? message}`);
}

/** Why a check could not run, in Russian. `live`: the live database's snapshot during a backup, not a backup file. */
function checkFailure(e: unknown, live: boolean): AppError {
  const message = (e as Error).message;
  if (/not a database|malformed|corrupt/i.test(message)) {
    return new AppError(
      'io',
      live ? 'База данных повреждена: копия не создана' : 'Копия повреждена: файл не является базой данных Журнала',
    );
  }
  const reason = sqliteReason(message, live ? 'база данных' : 'копия') ?? message;
  return new AppError(
    'io',
    live
      ? `Копия не создана: проверить снимок базы данных не удалось (${reason})`
      : `Не удалось проверить копию: ${reason}`,
  );
}

/** A check's findings as a manifest and the screens give them; damage found fails (`live`: as for checkFailure). */
function checkedFacts(raw: RawFacts, live: boolean, migrationsFolder?: string): DatabaseFacts {
  if (raw.problems.length > 0) {
    const found = `проверка целостности нашла ошибки (${raw.problems.slice(0, 3).join('; ')})`;
    throw new AppError(
      'io',
      live ? `База данных повреждена: ${found}; копия не создана` : `Копия повреждена: ${found}`,
    );
  }
  return {
    schemaVersion: raw.lastMigration === null ? null : migrationTag(migrationsFolder, raw.lastMigration),
    schoolName: raw.schoolName,
    counts: raw.counts,
    ...(raw.auditChain === undefined ? {} : { auditChain: raw.auditChain }),
  };
}

/** A check that could not run, or found damage, said in Russian (see checkFailure). */
export async function checked(
  raw: Promise<RawFacts>,
  live: boolean,
  migrationsFolder?: string,
): Promise<DatabaseFacts> {
  let facts: RawFacts;
  try {
    facts = await raw;
  } catch (e) {
    throw checkFailure(e, live);
  }
  return checkedFacts(facts, live, migrationsFolder);
}

/**
 * Opens a backup read-only in a worker thread, checks it page by page (not through a memory map: a failed
 * mapped read kills the process) and reads what the manifest and the verify screen show. `full` runs
 * integrity_check (also indexes against tables); otherwise quick_check.
 */
export function inspectDatabase(
  file: string,
  options: { full?: boolean; migrationsFolder?: string } = {},
): Promise<DatabaseFacts> {
  const job: FactsJob = { file, full: options.full ?? false };
  return checked(runInWorker<RawFacts>('backup-facts', job), false, options.migrationsFolder);
}
