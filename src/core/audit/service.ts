import type { Clock } from '../clock';
import { localTimestamp } from '../clock';
import type { Db } from '../db/open';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

export type AuditService = ReturnType<typeof createAuditService>;

/** Appends to the change log; the table's triggers refuse any update or delete of what was written. */
export function createAuditService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    record(entry: AuditEntry): void {
      db.insert(auditLog)
        .values({
          at: localTimestamp(clock.now()),
          userId: entry.userId,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId == null ? null : String(entry.entityId),
          oldValue: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
          newValue: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
          reason: entry.reason ?? null,
        })
        .run();
    },
  };
}
