import type Database from 'better-sqlite3';
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

const encryption = z.union([
  /** Copies encrypted to the school's age recipient; its identity exists only on the paper key. */
  z.object({ recipient: z.string().startsWith('age1'), createdAt: z.string() }),
  /** Copies left plain: an explicit choice, confirmed with the admin's password. */
  z.object({ recipient: z.null(), createdAt: z.string() }),
]);
export type EncryptionConfig = z.infer<typeof encryption>;

/** The school's choice for its copies, read on a bare connection (a command-line tool with no core open). */
export function encryptionOf(client: Database.Database): EncryptionConfig | null {
  try {
    const row = client.prepare("select value from settings where key = 'backup.encryption'").get() as
      { value: string } | undefined;
    const parsed = row ? encryption.safeParse(JSON.parse(row.value)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The backup settings, kept in the school's `settings` table so they travel with the database. No secret is
 * among them: the copies are encrypted to the school's public key, and only the paper key opens them.
 */
export function backupConfig(db: Db) {
  return {
    destinations: () => read(db, 'backup.destinations', destinationList, []),
    setDestinations: (list: DestinationConfig[]) => write(db, 'backup.destinations', list),
    schedule: () => read(db, 'backup.schedule', backupSchedule, defaultSchedule),
    setSchedule: (value: z.infer<typeof backupSchedule>) => write(db, 'backup.schedule', value),
    retention: () => read(db, 'backup.retention', backupRetention, defaultRetention),
    setRetention: (value: z.infer<typeof backupRetention>) => write(db, 'backup.retention', value),
    /** Null until the school has made its paper key or chosen plain copies: then no backup is made. */
    encryption: () => read(db, 'backup.encryption', encryption.nullable(), null),
    setEncryption: (value: EncryptionConfig) => write(db, 'backup.encryption', value),
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
