import path from 'node:path';
import { mondayOf } from '../../shared/dates';
import type { BackupRetention } from '../../shared/contract/backup';
import { localDate } from '../clock';
import type { BackupFs } from './fsops';
import { partialPrefix } from './fsops';
import { backupTimeOf, manifestPathOf } from './manifest';

export type Retention = BackupRetention;
export const defaultRetention: Retention = { daily: 7, weekly: 4, monthly: 12 };

const dayKey = (d: Date) => localDate(d);
const monthKey = (d: Date) => localDate(d).slice(0, 7);
/** Weeks start on Monday, as in a Russian calendar: the key is that Monday's date. */
const weekKey = (d: Date) => mondayOf(localDate(d));

/**
 * Which backups to keep: the newest of each of the last N days, N weeks and N months that have one
 * (grandfather-father-son). The newest backup is always kept.
 */
export function backupsToKeep(times: readonly Date[], policy: Retention): Set<number> {
  const newestFirst = [...times].sort((a, b) => b.getTime() - a.getTime());
  const keep = new Set<number>();
  const pick = (keyOf: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const t of newestFirst) {
      const key = keyOf(t);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(t.getTime());
    }
  };
  pick(dayKey, policy.daily);
  pick(weekKey, policy.weekly);
  pick(monthKey, policy.monthly);
  if (newestFirst[0]) keep.add(newestFirst[0].getTime());
  return keep;
}

// A temporary file this old is left by a copy that was killed; a younger one may be another copy in progress.
const stalePartialMs = 24 * 3600_000;

/**
 * Deletes the backups (and their manifests) the policy no longer keeps, and temporary files left by killed
 * copies. Only files named as this program names them are touched. Returns the names deleted.
 */
export async function pruneDestination(fs: BackupFs, dir: string, policy: Retention, now: Date): Promise<string[]> {
  const names = await fs.readdir(dir);
  const backups = names.flatMap((name) => {
    const at = backupTimeOf(name);
    return at ? [{ name, at }] : [];
  });
  const keep = backupsToKeep(
    backups.map((b) => b.at),
    policy,
  );
  const deleted: string[] = [];
  for (const b of backups) {
    if (keep.has(b.at.getTime())) continue;
    const file = path.join(dir, b.name);
    await fs.unlink(file);
    await fs.unlink(manifestPathOf(file)).catch(() => undefined);
    deleted.push(b.name);
  }
  for (const name of names.filter((n) => n.startsWith(partialPrefix))) {
    const file = path.join(dir, name);
    const mtime = await fs.modifiedAt(file).catch(() => null);
    if (mtime && now.getTime() - mtime.getTime() > stalePartialMs) {
      await fs.unlink(file).catch(() => undefined);
      deleted.push(name);
    }
  }
  return deleted;
}
