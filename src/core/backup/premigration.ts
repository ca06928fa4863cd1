import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupSchedule } from '../../shared/contract/backup';
import { localTimestamp, type Clock } from '../clock';
import { unencryptedMark } from './manifest';
import { defaultSchedule } from './schedule';

/**
 * Before an update migrates the school's database: a consistent copy beside it (`before-update/`), taken
 * synchronously on the connection about to migrate, readable by the app's account only. The core then backs
 * it up like any backup, to the destinations and to `before-update/` itself (encrypted to the school's key),
 * and removes this plain one (see app.ts). Returns the copy's path, or null when the admin turned this off.
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
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = localTimestamp(clock.now()).replace(/[: ]/g, '-');
  const file = path.join(dir, `zhurnal-before-update-${stamp}${unencryptedMark}.db`);
  // Created empty with its mode first: VACUUM INTO writes into an empty file, and keeps the mode it has.
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  client.prepare('VACUUM INTO ?').run(file);
  return file;
}
