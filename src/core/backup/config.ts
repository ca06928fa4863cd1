import { eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { backupRetention, backupRun, backupSchedule, type BackupRunRecord } from '../../shared/contract/backup';
import type { Db } from '../db/open';
import { settings } from '../db/schema';
import { defaultRetention } from './retention';
import { defaultSchedule } from './schedule';
import { writeTransaction } from '../db/write';

const destinationList = z.array(z.object({ path: z.string(), label: z.string() }));
export type DestinationConfig = z.infer<typeof destinationList>[number];

/** How many past runs the screen shows; older ones are dropped from the settings row. */
const keptRuns = 30;

function read<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

function write(db: Db, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: json })
    .onConflictDoUpdate({ target: settings.key, set: { value: json } })
    .run();
}

/**
 * The backup settings, kept in the school's `settings` table so they travel with the database. The
 * passphrase is stored too: the daily and on-exit backups run with nobody at the keyboard. Whoever holds
 * the live database file holds the data anyway; the passphrase protects the copies that leave the building.
 */
export function backupConfig(db: Db) {
  return {
    destinations: () => read(db, 'backup.destinations', destinationList, []),
    setDestinations: (list: DestinationConfig[]) => write(db, 'backup.destinations', list),
    schedule: () => read(db, 'backup.schedule', backupSchedule, defaultSchedule),
    setSchedule: (value: z.infer<typeof backupSchedule>) => write(db, 'backup.schedule', value),
    retention: () => read(db, 'backup.retention', backupRetention, defaultRetention),
    setRetention: (value: z.infer<typeof backupRetention>) => write(db, 'backup.retention', value),
    passphrase: () => read(db, 'backup.passphrase', z.string().nullable(), null),
    setPassphrase: (value: string | null) => write(db, 'backup.passphrase', value),
    runs: () => read(db, 'backup.runs', z.array(backupRun), []),
    addRun(run: BackupRunRecord) {
      write(db, 'backup.runs', [run, ...this.runs()].slice(0, keptRuns));
    },
    /** Every backup setting as stored, to carry them across a restore. */
    snapshot: () => db.select().from(settings).where(like(settings.key, 'backup.%')).all(),
    restoreSnapshot(rows: { key: string; value: string }[]) {
      writeTransaction(db, () => {
        db.delete(settings).where(like(settings.key, 'backup.%')).run();
        if (rows.length > 0) db.insert(settings).values(rows).run();
      });
    },
  };
}
export type BackupConfig = ReturnType<typeof backupConfig>;
