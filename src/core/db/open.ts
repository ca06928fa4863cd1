import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../shared/errors';
import { registerChain } from '../audit/chain';
import { refuseReadOnly, storageFailure } from './failures';
import { checkSchema } from './schema-check';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  /** The folder with drizzle-kit's migrations; the shell knows where it was packaged. */
  migrationsFolder: string;
  /** Create the file when it does not exist (the desktop app's first start); otherwise a missing file is an error. */
  create?: boolean;
  /** Called before migrations change an existing school's database (an app update): the moment to back it up. */
  beforeMigrate?(client: Database.Database): void;
}

interface JournalEntry {
  when: number;
  tag: string;
}

function lastKnownMigration(migrationsFolder: string): number {
  const journalFile = path.join(migrationsFolder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: JournalEntry[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

function lastAppliedMigration(client: Database.Database): number {
  const table = client
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return 0;
  const row = client.prepare('select max(created_at) as last from __drizzle_migrations').get() as {
    last: number | null;
  };
  return row.last ?? 0;
}

/**
 * Opens (and migrates) the school's database. It never deletes, replaces or recreates the file: every
 * failure becomes an AppError with a message for the person, and the file stays as it was. A new school's
 * file is made only when `create` is set and no file is there; an empty or foreign file is refused.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new AppError('not_found', `Файл базы данных не найден: ${file}`);
  refuseReadOnly(file);
  if (!exists) createNew(file, options.migrationsFolder);
  if (fs.statSync(file).size === 0) throw new AppError('io', emptyFile(file));
  let client: Database.Database;
  try {
    client = new Database(file, { fileMustExist: true });
  } catch (e) {
    throw (
      storageFailure(e, file, 'start') ??
      new AppError('io', `Не удалось открыть базу данных ${file}: ${(e as Error).message}`)
    );
  }
  try {
    refuseForeign(client, file, options.create ?? false);
    configure(client);
    registerChain(client, file);
    probeWrite(client);
    applyMigrations(client, options.migrationsFolder, options.beforeMigrate);
    checkSchema(client, options.migrationsFolder, file);
    return drizzle(client, { schema });
  } catch (e) {
    client.close();
    if (e instanceof AppError) throw e;
    const message = (e as Error).message;
    if (/not a database|malformed/i.test(message)) {
      throw new AppError('io', `Файл ${file} не является базой данных Журнала или повреждён. Файл не изменён.`);
    }
    const named = storageFailure(e, file, 'start');
    if (named) throw named;
    throw new AppError('io', `Не удалось подготовить базу данных ${file}: ${message}. Файл не изменён.`);
  }
}

/**
 * A second connection to a database the owning process has opened and migrated: a worker thread's. It neither
 * creates nor migrates; the owner did both before any work reached a thread.
 */
export function openConnection(file: string): Db {
  const client = new Database(file, { fileMustExist: true });
  configure(client);
  registerChain(client, file);
  return drizzle(client, { schema });
}

const emptyFile = (file: string) =>
  `Файл базы данных ${file} пуст (0 байт): школы в нём нет, и Журнал не создаёт новую поверх него. Если школа хранилась в этом файле, восстановите его из резервной копии; новая школа создаётся мастером первого запуска программы или командой zhurnal demo.`;

/**
 * The new school's file is built beside its final name and renamed once migrated, so an interrupted first
 * start never leaves an empty file behind under the real name (which would then be refused).
 */
function createNew(file: string, migrationsFolder: string): void {
  const partial = `${file}.new`;
  for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  let client: Database.Database;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    client = new Database(partial);
  } catch (e) {
    throw (
      storageFailure(e, file, 'start') ??
      new AppError('io', `Не удалось создать базу данных ${file}: ${(e as Error).message}`)
    );
  }
  try {
    configure(client);
    migrate(drizzle(client), { migrationsFolder });
  } catch (e) {
    client.close();
    fs.rmSync(partial, { force: true });
    throw storageFailure(e, file, 'start') ?? e;
  }
  client.close();
  fs.renameSync(partial, file);
}

/** A file SQLite could open only for reading (a read-only mount, an immutable file) fails here, not at the first login. */
function probeWrite(client: Database.Database): void {
  client.exec('BEGIN IMMEDIATE');
  client.exec('ROLLBACK');
}

/** Another program's SQLite file is never turned into a school; a file with no tables at all only in `create` mode. */
function refuseForeign(client: Database.Database, file: string, create: boolean): void {
  const tables = client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'")
    .all() as { name: string }[];
  if (tables.some((t) => t.name === '__drizzle_migrations')) return;
  if (tables.length === 0 && create) return;
  throw new AppError(
    'io',
    tables.length === 0
      ? `В базе данных ${file} нет ни одной таблицы: это не школа Журнала. Файл не изменён; новая школа создаётся мастером первого запуска программы или командой zhurnal demo.`
      : `Файл ${file} — база данных другой программы, не Журнала (таблицы: ${tables
          .slice(0, 5)
          .map((t) => t.name)
          .join(', ')}). Файл не изменён.`,
  );
}

function configure(client: Database.Database): void {
  // WAL lets reports read while a teacher writes; FULL makes a saved mark survive a power cut.
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = FULL');
  client.pragma('busy_timeout = 5000');
  client.pragma('foreign_keys = ON');
}

function applyMigrations(
  client: Database.Database,
  migrationsFolder: string,
  beforeMigrate?: (client: Database.Database) => void,
): void {
  const known = lastKnownMigration(migrationsFolder);
  const applied = lastAppliedMigration(client);
  if (applied > known) {
    throw new AppError(
      'conflict',
      'База данных создана более новой версией Журнала. Установите новую версию программы; файл не изменён.',
    );
  }
  if (applied === known) return;
  if (applied > 0) beforeMigrate?.(client);
  // drizzle runs all migrations in one transaction, where PRAGMA foreign_keys is ignored: a table rebuild
  // would cascade or fail. So switch the checks off around it and verify the whole database afterwards.
  client.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(client), { migrationsFolder });
    const violations = client.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new AppError(
        'internal',
        `После обновления схемы нарушены связи данных: ${JSON.stringify(violations.slice(0, 5))}`,
      );
    }
  } finally {
    client.pragma('foreign_keys = ON');
  }
}
