// An assignment (нагрузка) with what people read it by: its class, subject, subgroup and teacher. The journal's
// list of journals, the timetable and its editor all name assignments the same way, so they share the columns
// and the joins here; each adds its own columns, conditions and order.
import { eq } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { assignments, classes, subgroups, subjects, users } from '../db/schema';

/** The names' columns; lastName/firstName/middleName are the teacher's, as `shortName()` reads them. */
export const assignmentNameColumns = {
  classId: classes.id,
  grade: classes.grade,
  letter: classes.letter,
  subjectId: subjects.id,
  subjectName: subjects.name,
  subjectOrder: subjects.sortOrder,
  subgroupName: subgroups.name,
  teacherId: assignments.teacherId,
  lastName: users.lastName,
  firstName: users.firstName,
  middleName: users.middleName,
};

/**
 * `select extra…, names… from assignments` with the names' joins; the caller adds its joins, conditions and order.
 * The teacher's name reads from `users`, the subgroup's may be null (a whole-class assignment).
 */
export function selectAssignmentNames<E extends SelectedFields>(db: Db, extra: E) {
  return db
    .select({ ...extra, ...assignmentNameColumns })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(subjects, eq(subjects.id, assignments.subjectId))
    .innerJoin(users, eq(users.id, assignments.teacherId))
    .leftJoin(subgroups, eq(subgroups.id, assignments.subgroupId));
}
