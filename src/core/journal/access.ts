import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { mayAccess } from '../../shared/roles';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { assignments, classes, lessons } from '../db/schema';
import { requireOpenYear } from '../years/closed';
import { membersDuring } from './membership';

export interface WritableLesson {
  lesson: typeof lessons.$inferSelect;
  assignment: typeof assignments.$inferSelect;
  grade: number;
}

const lessonToWrite = preparedPerDb((db) =>
  db
    .select({ lesson: lessons, assignment: assignments, grade: classes.grade })
    .from(lessons)
    .innerJoin(assignments, eq(assignments.id, lessons.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(eq(lessons.id, sql.placeholder('lessonId')))
    .prepare(),
);

/**
 * A lesson the actor may write: one of their own assignments, or one they gave as a substitute.
 * Checked in the core, so no transport and no screen can get around it.
 */
export function writableLesson(db: Db, actor: Actor, lessonId: number): WritableLesson {
  const row = lessonToWrite(db).get({ lessonId });
  if (!row) throw new AppError('not_found', 'Такого урока нет');
  if (!mayAccess('journal.write', actor.roles)) throw new AppError('forbidden', 'Вести журнал может только учитель');
  const own = row.assignment.teacherId === actor.userId || row.lesson.givenById === actor.userId;
  if (!own) throw new AppError('forbidden', 'Этот урок ведёт другой учитель: изменить его записи нельзя');
  requireOpenYear(db, row.assignment.yearId);
  return row;
}

/** Whether the student was in the lesson's class (or subgroup) on its date. */
export function attendsLesson(db: Db, target: WritableLesson, studentId: number): boolean {
  return membersDuring(db, target.assignment, target.lesson.date, target.lesson.date, studentId).length > 0;
}

/**
 * A journal only its own teacher may change as a whole (add lessons, set period marks): a substitute gives
 * lessons, not the journal. `refusal` says what was refused, in Russian.
 */
export function ownJournal(db: Db, actor: Actor, assignmentId: number, refusal: string) {
  const row = db
    .select({ assignment: assignments, grade: classes.grade })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(eq(assignments.id, assignmentId))
    .get();
  if (!row) throw new AppError('not_found', 'Такого журнала нет');
  if (!mayAccess('journal.write', actor.roles) || row.assignment.teacherId !== actor.userId)
    throw new AppError('forbidden', refusal);
  requireOpenYear(db, row.assignment.yearId);
  return row;
}
