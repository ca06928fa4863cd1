import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { className, shortName } from '../../shared/names';
import type { Db } from '../db/open';
import {
  assignments,
  classes,
  gradePeriodSchemes,
  periodMarks,
  periods,
  subgroups,
  subjects,
  users,
} from '../db/schema';
import { membersDuring } from './membership';

/** A journal whose period marks are due by a date, and how many students on its roll at the period's end lack one. */
export interface PeriodMarksGap {
  assignmentId: number;
  periodId: number;
  periodName: string;
  dueDate: string;
  className: string;
  subjectName: string;
  subgroupName: string | null;
  classId: number;
  teacherId: number;
  teacherName: string;
  studentsWithoutMark: number;
}

/**
 * Journals of a year (graded classes only: the 1st grade gets no marks) whose period's marks are due on or
 * before `dueBy` and still lack a period mark for some student on the roll at the period's end. A period with
 * no date set is due on its last day.
 */
export function periodMarkGaps(db: Db, yearId: number, dueBy: string, teacherId?: number): PeriodMarksGap[] {
  const due = sql<string>`coalesce(${periods.marksDueDate}, ${periods.endDate})`;
  const rows = db
    .select({
      assignment: assignments,
      grade: classes.grade,
      letter: classes.letter,
      subjectName: subjects.name,
      subgroupName: subgroups.name,
      teacher: { lastName: users.lastName, firstName: users.firstName, middleName: users.middleName },
      periodId: periods.id,
      periodName: periods.name,
      periodEnd: periods.endDate,
      dueDate: due,
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(subjects, eq(subjects.id, assignments.subjectId))
    .innerJoin(users, eq(users.id, assignments.teacherId))
    .leftJoin(subgroups, eq(subgroups.id, assignments.subgroupId))
    .innerJoin(
      gradePeriodSchemes,
      and(eq(gradePeriodSchemes.yearId, assignments.yearId), eq(gradePeriodSchemes.grade, classes.grade)),
    )
    .innerJoin(periods, and(eq(periods.yearId, assignments.yearId), eq(periods.scheme, gradePeriodSchemes.scheme)))
    .where(
      and(
        eq(assignments.yearId, yearId),
        gte(classes.grade, 2),
        sql`${due} <= ${dueBy}`,
        teacherId === undefined ? undefined : eq(assignments.teacherId, teacherId),
      ),
    )
    .all();

  const gaps: PeriodMarksGap[] = [];
  for (const r of rows) {
    // A subgroup's roll is those of its members still in the class: one who left keeps her group membership.
    const inClass = new Set(
      membersDuring(db, { classId: r.assignment.classId, subgroupId: null }, r.periodEnd, r.periodEnd).map(
        (m) => m.studentId,
      ),
    );
    const roll = membersDuring(db, r.assignment, r.periodEnd, r.periodEnd)
      .map((m) => m.studentId)
      .filter((id) => inClass.has(id));
    if (roll.length === 0) continue;
    const marked = new Set(
      db
        .select({ id: periodMarks.studentId })
        .from(periodMarks)
        .where(
          and(
            eq(periodMarks.subjectId, r.assignment.subjectId),
            eq(periodMarks.yearId, yearId),
            eq(periodMarks.kind, 'period'),
            isNotNull(periodMarks.periodId),
            eq(periodMarks.periodId, r.periodId),
            inArray(periodMarks.studentId, roll),
          ),
        )
        .all()
        .map((m) => m.id),
    );
    const missing = new Set(roll.filter((id) => !marked.has(id))).size;
    if (missing === 0) continue;
    gaps.push({
      assignmentId: r.assignment.id,
      periodId: r.periodId,
      periodName: r.periodName,
      dueDate: r.dueDate,
      className: className(r),
      subjectName: r.subjectName,
      subgroupName: r.subgroupName,
      classId: r.assignment.classId,
      teacherId: r.assignment.teacherId,
      teacherName: shortName(r.teacher),
      studentsWithoutMark: missing,
    });
  }
  return gaps.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.className.localeCompare(b.className, 'ru') ||
      a.subjectName.localeCompare(b.subjectName, 'ru') ||
      (a.subgroupName ?? '').localeCompare(b.subgroupName ?? '', 'ru'),
  );
}
