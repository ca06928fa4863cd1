import { and, asc, eq } from 'drizzle-orm';
import { shortName } from '../../shared/names';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { auditLog, lessons, users } from '../db/schema';
import { AppError } from '../../shared/errors';
import { withoutComputer } from '../audit/origin';
import { getAssignmentFor } from './assignments';

/** Every change of one cell (mark and absence), oldest first: who, when, old, new, reason. */
export function cellHistory(db: Db, actor: Actor, lessonId: number, studentId: number, today: string) {
  const lesson = db.select({ assignmentId: lessons.assignmentId }).from(lessons).where(eq(lessons.id, lessonId)).get();
  if (!lesson) throw new AppError('not_found', 'Такого урока нет');
  getAssignmentFor(db, actor, lesson.assignmentId, today); // the same read permission as the journal itself
  const rows = db
    .select({ entry: auditLog, user: users })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, 'cell'), eq(auditLog.entityId, `${lessonId}:${studentId}`)))
    .orderBy(asc(auditLog.id))
    .all();
  // The computer a change came from is the admin's to read in the log; a teacher's history shows the value.
  const parse = (s: string | null): unknown => (s === null ? null : withoutComputer(JSON.parse(s)));
  return rows.map(({ entry, user }) => ({
    at: entry.at,
    userName: user ? shortName(user) : null,
    action: entry.action,
    oldValue: parse(entry.oldValue),
    newValue: parse(entry.newValue),
    reason: entry.reason,
  }));
}
