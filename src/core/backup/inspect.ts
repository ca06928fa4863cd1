import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

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

function count(client: Database.Database, table: string): number {
  const exists = client.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table);
  return exists ? (client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n : 0;
}

/**
 * Opens a backup (or a snapshot) read-only, checks it page by page and reads what the manifest and the
 * verify screen show. `full` runs integrity_check (also indexes against tables); otherwise quick_check.
 */
export function inspectDatabase(file: string, options: { full?: boolean; migrationsFolder?: string } = {}): DatabaseFacts {
  let client: Database.Database;
  try {
    client = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AppError('io', `Не удалось открыть копию ${file}: ${(e as Error).message}`);
  }
  try {
    const check = client.pragma(options.full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    const problems = check.map((row) => Object.values(row)[0]).filter((v) => v !== 'ok');
    if (problems.length > 0) {
      throw new AppError('io', `Копия повреждена: проверка целостности нашла ошибки (${problems.slice(0, 3).join('; ')})`);
    }
    const hasMigrations = client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    const last = hasMigrations
      ? (client.prepare('select max(created_at) as last from __drizzle_migrations').get() as { last: number | null }).last
      : null;
    const nameRow = count(client, 'settings')
      ? (client.prepare("select value from settings where key = 'school.name'").get() as { value: string } | undefined)
      : undefined;
    return {
      schemaVersion: last === null ? null : migrationTag(options.migrationsFolder, last),
      schoolName: nameRow ? (JSON.parse(nameRow.value) as string) : null,
      counts: { students: count(client, 'students'), lessons: count(client, 'lessons'), marks: count(client, 'marks') },
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const message = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new AppError('io', 'Копия повреждена: файл не является базой данных Журнала');
    }
    throw new AppError('io', `Не удалось проверить копию: ${message}`);
  } finally {
    client.close();
  }
}
