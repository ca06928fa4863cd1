import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { compareByName, fullName, shortName } from '../../shared/names';
import type { JournalGrid } from '../../shared/contract/journal';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import {
  absences,
  assignments,
  lessons,
  marks,
  periodMarks,
  periods,
  students,
  users,
  workKinds,
} from '../db/schema';
import { getAssignmentFor } from './assignments';
import { membersDuring } from './membership';

export function loadGrid(db: Db, actor: Actor, assignmentId: number, periodId: number): JournalGrid {
  const summary = getAssignmentFor(db, actor, assignmentId);
  const assignment = db.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
  const period = db.select().from(periods).where(eq(periods.id, periodId)).get();
  if (!assignment || !period) throw new AppError('not_found', 'Такого периода нет');
  if (period.yearId !== assignment.yearId) throw new AppError('validation', 'Период относится к другому учебному году');

  const memberships = membersDuring(db, assignment, period.startDate, period.endDate);
  const ids = [...new Set(memberships.map((m) => m.studentId))];
  const people = ids.length ? db.select().from(students).where(inArray(students.id, ids)).all() : [];
  people.sort(compareByName);
  const gridStudents = people.map((p, i) => {
    const spans = memberships.filter((m) => m.studentId === p.id);
    const from = spans.map((m) => m.startDate).sort()[0] ?? period.startDate;
    const to = spans.some((m) => m.endDate === null) ? null : (spans.map((m) => m.endDate as string).sort().at(-1) ?? null);
    return {
      id: p.id,
      number: i + 1,
      fullName: fullName(p),
      activeFrom: from > period.startDate ? from : null,
      activeTo: to !== null && to < period.endDate ? to : null,
    };
  });

  const inPeriod = and(eq(lessons.assignmentId, assignmentId), between(lessons.date, period.startDate, period.endDate));
  const lessonRows = db
    .select({ lesson: lessons, giver: users })
    .from(lessons)
    .innerJoin(users, eq(users.id, lessons.givenById))
    .where(inPeriod)
    .orderBy(asc(lessons.date), asc(lessons.lessonNumber))
    .all();
  const markRows = db
    .select({ lessonId: marks.lessonId, studentId: marks.studentId, value1: marks.value1, value2: marks.value2, workKindId: marks.workKindId })
    .from(marks)
    .innerJoin(lessons, eq(lessons.id, marks.lessonId))
    .where(inPeriod)
    .all();
  const absenceRows = db
    .select({ lessonId: absences.lessonId, studentId: absences.studentId, code: absences.code })
    .from(absences)
    .innerJoin(lessons, eq(lessons.id, absences.lessonId))
    .where(inPeriod)
    .all();
  const periodMarkRows = ids.length
    ? db
        .select({ studentId: periodMarks.studentId, value: periodMarks.value })
        .from(periodMarks)
        .where(
          and(
            eq(periodMarks.kind, 'period'),
            eq(periodMarks.periodId, periodId),
            eq(periodMarks.subjectId, assignment.subjectId),
            inArray(periodMarks.studentId, ids),
          ),
        )
        .all()
    : [];

  return {
    assignment: summary,
    period,
    students: gridStudents,
    lessons: lessonRows.map(({ lesson, giver }) => ({
      id: lesson.id,
      date: lesson.date,
      lessonNumber: lesson.lessonNumber,
      topic: lesson.topic,
      homework: lesson.homework,
      workKindId: lesson.workKindId,
      givenByName: shortName(giver),
      isSubstitution: lesson.givenById !== assignment.teacherId,
      status: lesson.status,
    })),
    marks: markRows as JournalGrid['marks'],
    absences: absenceRows,
    periodMarks: periodMarkRows as JournalGrid['periodMarks'],
    workKinds: db.select().from(workKinds).orderBy(asc(workKinds.sortOrder)).all(),
  };
}
