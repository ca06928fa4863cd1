import type { Clock } from '../clock';
import { localTimestamp } from '../clock';
import type { Db } from '../db/open';
import { auditLog } from '../db/schema';
import { contextOf, type AuditContext } from './context';
import { withOrigin, type ShellOrigin } from './origin';

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  /** Who the entry is about, when the entity alone does not say (see context.ts); overrides what is derived. */
  context?: AuditContext;
}

export type AuditService = ReturnType<typeof createAuditService>;

/**
 * Appends to the change log; the table's triggers refuse any update or delete of what was written. Built with
 * an origin (the CLI), every entry is written without an account and with the command and OS user instead.
 */
export function createAuditService({ db, clock, origin }: { db: Db; clock: Clock; origin?: ShellOrigin }) {
  return {
    record(given: AuditEntry): void {
      const entry = origin ? { ...given, userId: null, newValue: withOrigin(given.newValue, origin) } : given;
      const entityId = entry.entityId == null ? null : String(entry.entityId);
      const derived = contextOf(db, entry.entity, entityId, [entry.oldValue, entry.newValue]);
      const context = {
        ...derived,
        ...Object.fromEntries(Object.entries(entry.context ?? {}).filter(([, v]) => v !== undefined)),
      };
      db.insert(auditLog)
        .values({
          at: localTimestamp(clock.now()),
          userId: entry.userId,
          action: entry.action,
          entity: entry.entity,
          entityId,
          oldValue: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
          newValue: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
          reason: entry.reason ?? null,
          classId: context.classId ?? null,
          studentId: context.studentId ?? null,
          subjectId: context.subjectId ?? null,
        })
        .run();
    },
  };
}
