import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditKinds, type AuditKind } from '../../shared/audit';
import { shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { auditLog, classes, students, subjects, users } from '../db/schema';

export interface AuditFilter {
  userId?: number | undefined;
  classId?: number | undefined;
  studentId?: number | undefined;
  subjectId?: number | undefined;
  kind?: AuditKind | undefined;
  /** `YYYY-MM-DD`, both days included. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Where the previous page ended: pages are read by (at, id) going back in time, never by OFFSET. */
export interface AuditCursor {
  at: string;
  id: number;
}

/** An action's prefix as a range (`'mark.' <= action < 'mark/'`), which the (action, at) index can seek. */
const prefixRange = (prefix: string) => {
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return and(gte(auditLog.action, prefix), lt(auditLog.action, next));
};

function conditions(f: AuditFilter, cursor: AuditCursor | null): SQL | undefined {
  const list: (SQL | undefined)[] = [
    f.userId === undefined ? undefined : eq(auditLog.userId, f.userId),
    f.classId === undefined ? undefined : eq(auditLog.classId, f.classId),
    f.studentId === undefined ? undefined : eq(auditLog.studentId, f.studentId),
    f.subjectId === undefined ? undefined : eq(auditLog.subjectId, f.subjectId),
    f.kind === undefined ? undefined : or(...auditKinds[f.kind].prefixes.map(prefixRange)),
    f.from === undefined ? undefined : gte(auditLog.at, `${f.from} 00:00:00`),
    f.to === undefined ? undefined : lte(auditLog.at, `${f.to} 23:59:59`),
    cursor === null ? undefined : or(lt(auditLog.at, cursor.at), and(eq(auditLog.at, cursor.at), lt(auditLog.id, cursor.id))),
  ];
  return and(...list.filter((c) => c !== undefined));
}

/**
 * One page of the audit log, newest first, with the names the viewer shows. Each filter has an index ending
 * in `at` (migration 0004), so a page costs a seek and `limit` rows whatever the size of the log.
 */
export function auditPage(db: Db, filter: AuditFilter, cursor: AuditCursor | null, limit: number) {
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userLast: users.lastName,
      userFirst: users.firstName,
      userMiddle: users.middleName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
      reason: auditLog.reason,
      className: sql<string | null>`${classes.grade} || ${classes.letter}`,
      studentLast: students.lastName,
      studentFirst: students.firstName,
      studentMiddle: students.middleName,
      subjectName: subjects.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(classes, eq(classes.id, auditLog.classId))
    .leftJoin(students, eq(students.id, auditLog.studentId))
    .leftJoin(subjects, eq(subjects.id, auditLog.subjectId))
    .where(conditions(filter, cursor))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map((r) => ({
    id: r.id,
    at: r.at,
    user: r.userLast === null ? null : shortName({ lastName: r.userLast, firstName: r.userFirst ?? '', middleName: r.userMiddle }),
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    className: r.className,
    student: r.studentLast === null ? null : shortName({ lastName: r.studentLast, firstName: r.studentFirst ?? '', middleName: r.studentMiddle }),
    subject: r.subjectName,
    oldValue: r.oldValue,
    newValue: r.newValue,
    reason: r.reason,
  }));
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}
export type AuditRow = ReturnType<typeof auditPage>['rows'][number];
