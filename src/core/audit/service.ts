import type { Clock } from '../clock';
import { localTimestamp } from '../clock';
import type { Db } from '../db/open';
import { chainedColumns, chainFunction, type ChainedValue } from './chain';
import { contextOf, type AuditContext } from './context';
import { currentComputer } from './computer';
import { valueWith, withOrigin, type ShellOrigin } from './origin';

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
  // Reading the last entry's mac and appending are one statement, so two connections never seal onto the same entry.
  const placeholders = chainedColumns.map(() => '?').join(', ');
  const append = db.$client.prepare(
    `insert into audit_log (${chainedColumns.join(', ')}, mac) values (${placeholders},
       ${chainFunction}((select mac from audit_log order by id desc limit 1), ${placeholders}))`,
  );
  return {
    record(given: AuditEntry): void {
      // A call from another computer is named by it (the host's address and the name it gave, computer.ts).
      const computer = currentComputer();
      const entry = origin
        ? { ...given, userId: null, newValue: withOrigin(given.newValue, origin) }
        : computer
          ? { ...given, newValue: valueWith(given.newValue, { computer }) }
          : given;
      const entityId = entry.entityId == null ? null : String(entry.entityId);
      const derived = contextOf(db, entry.entity, entityId, [entry.oldValue, entry.newValue]);
      const context = {
        ...derived,
        ...Object.fromEntries(Object.entries(entry.context ?? {}).filter(([, v]) => v !== undefined)),
      };
      const fields: ChainedValue[] = [
        localTimestamp(clock.now()),
        entry.userId,
        entry.action,
        entry.entity,
        entityId,
        entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
        entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
        entry.reason ?? null,
        context.classId ?? null,
        context.studentId ?? null,
        context.subjectId ?? null,
      ];
      append.run(...fields, ...fields);
    },
  };
}
