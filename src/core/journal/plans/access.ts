import type { Actor } from '../../actor';
import type { Db } from '../../db/open';
import type { assignments } from '../../db/schema';
import { ownJournal } from '../access';

export type PlanAssignment = typeof assignments.$inferSelect & { grade: number };

/** The plan belongs to the assignment's own teacher: a substitute gives lessons by it but does not rewrite it. */
export function ownAssignment(db: Db, actor: Actor, assignmentId: number): PlanAssignment {
  const row = ownJournal(
    db,
    actor,
    assignmentId,
    'Тематическое планирование ведёт учитель, за которым закреплён этот журнал',
  );
  return { ...row.assignment, grade: row.grade };
}
