import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupSchedule } from '../../shared/contract/backup';
import { localTimestamp, type Clock } from '../clock';
import { defaultSchedule } from './schedule';

/**
 * Before an update migrates the school's database: a consistent copy beside it (`before-update/`), taken
 * synchronously on the connection about to migrate. The core then copies it to the destinations like any
 * backup. Returns the copy's path, or null when the admin turned this off.
 */
export function snapshotBeforeMigration(client: Database.Database, liveFile: string, clock: Clock): string | null {
  const row = client.prepare("select value from settings where key = 'backup.schedule'").get() as
    { value: string } | undefined;
  let schedule = defaultSchedule;
  try {
    schedule = row ? backupSchedule.parse(JSON.parse(row.value)) : defaultSchedule;
  } catch {
    /* an unreadable setting keeps the default, which backs up */
  }
  if (!schedule.beforeMigration) return null;
  const dir = path.join(path.dirname(path.resolve(liveFile)), 'before-update');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `zhurnal-before-update-${localTimestamp(clock.now()).replace(/[: ]/g, '-')}.db`);
  client.prepare('VACUUM INTO ?').run(file);
  return file;
}
