import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { mayAccess } from '../../../shared/roles';
import type { Actor } from '../../actor';
import type { Db } from '../../db/open';
import { assignments, classes } from '../../db/schema';

export type PlanAssignment = typeof assignments.$inferSelect & { grade: number };

/** The plan belongs to the assignment's own teacher: a substitute gives lessons by it but does not rewrite it. */
export function ownAssignment(db: Db, actor: Actor, assignmentId: number): PlanAssignment {
  const row = db
    .select({ assignment: assignments, grade: classes.grade })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(eq(assignments.id, assignmentId))
    .get();
  if (!row) throw new AppError('not_found', 'Такого журнала нет');
  if (!mayAccess('journal.write', actor.roles) || row.assignment.teacherId !== actor.userId) {
    throw new AppError('forbidden', 'Тематическое планирование ведёт учитель, за которым закреплён этот журнал');
  }
  return { ...row.assignment, grade: row.grade };
}
