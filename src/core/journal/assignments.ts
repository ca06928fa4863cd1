import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className, shortName } from '../../shared/names';
import { mayAccess } from '../../shared/roles';
import type { AssignmentSummary } from '../../shared/contract/journal';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { assignments, classes, lessons } from '../db/schema';
import { selectAssignmentNames } from '../school/assignmentNames';

/** Journals (assignments) matching a condition, in the order of the school's lists: class, subject, subgroup. */
export function assignmentSummaries(db: Db, where: SQL | undefined, actor: Actor | null): AssignmentSummary[] {
  const rows = selectAssignmentNames(db, { id: assignments.id, yearId: assignments.yearId }).where(where).all();
  rows.sort(
    (a, b) =>
      a.grade - b.grade ||
      a.letter.localeCompare(b.letter, 'ru') ||
      a.subjectOrder - b.subjectOrder ||
      a.subjectName.localeCompare(b.subjectName, 'ru') ||
      (a.subgroupName ?? '').localeCompare(b.subgroupName ?? '', 'ru'),
  );
  return rows.map((r) => ({
    id: r.id,
    yearId: r.yearId,
    classId: r.classId,
    className: className(r),
    grade: r.grade,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    subgroupName: r.subgroupName,
    teacherName: shortName(r),
    viaSubstitution: actor !== null && r.teacherId !== actor.userId && !mayAccess('journal.read_all', actor.roles),
  }));
}

/**
 * Assignments where the actor gives a lesson as a substitute today or later: reading the rest of that journal
 * ends with the substitution's last lesson, while the lessons themselves stay theirs to fill (writableLesson).
 */
const substitutedBy = (actorId: number, today: string) =>
  inArray(
    assignments.id,
    sql`(select distinct ${lessons.assignmentId} from ${lessons} where ${lessons.givenById} = ${actorId} and ${lessons.date} >= ${today})`,
  );

/** Every subject of the classes the actor is class teacher of: they read them all (docs/DOMAIN.md, roles). */
const ofOwnClass = (actorId: number) =>
  inArray(
    assignments.classId,
    sql`(select ${classes.id} from ${classes} where ${classes.classTeacherId} = ${actorId})`,
  );

/** The journals an actor reads without journal.read_all: their own, their substitutions, their class's. */
export const readableBy = (actor: Actor, today: string) =>
  or(
    eq(assignments.teacherId, actor.userId),
    substitutedBy(actor.userId, today),
    actor.roles.includes('class_teacher') ? ofOwnClass(actor.userId) : undefined,
  );

/** The journals an actor may open: all of them with journal.read_all, else those readableBy them. */
export function listAssignments(db: Db, actor: Actor, yearId: number, today: string): AssignmentSummary[] {
  const inYear = eq(assignments.yearId, yearId);
  if (mayAccess('journal.read_all', actor.roles)) return assignmentSummaries(db, inYear, actor);
  return assignmentSummaries(db, and(inYear, readableBy(actor, today)), actor);
}

export function getAssignmentFor(db: Db, actor: Actor, assignmentId: number, today: string): AssignmentSummary {
  const all = mayAccess('journal.read_all', actor.roles);
  const byId = eq(assignments.id, assignmentId);
  const found = assignmentSummaries(db, all ? byId : and(byId, readableBy(actor, today)), actor)[0];
  if (found) return found;
  const exists = db.select({ id: assignments.id }).from(assignments).where(byId).get();
  if (!exists) throw new AppError('not_found', 'Такого журнала нет');
  throw new AppError('forbidden', 'Этот журнал ведёт другой учитель: открыть его нельзя');
}
