import { cliOrigin } from '../core/audit/origin';
import { createAuditService, type AuditEntry } from '../core/audit/service';
import { systemClock } from '../core/clock';
import { openDatabase } from '../core/db/open';

/**
 * Backup, restore and demo work on the database file rather than through the services, so they write their
 * line in the school's audit log here: opened for that one entry, without an account (audit/origin.ts).
 */
export function auditCommand(
  dbFile: string,
  migrationsFolder: string,
  command: string,
  entry: Omit<AuditEntry, 'userId'>,
): void {
  const db = openDatabase(dbFile, { migrationsFolder });
  try {
    createAuditService({ db, clock: systemClock, origin: cliOrigin(command) }).record({ ...entry, userId: null });
  } finally {
    db.$client.close();
  }
}
