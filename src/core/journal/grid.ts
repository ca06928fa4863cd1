import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
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
  thematicPlans,
  thematicPlanTopics,
  users,
  workKinds,
} from '../db/schema';
import { mayAccess } from '../../shared/roles';
import { readSetting } from '../school/settings';
import { periodLockFor } from './locks';
import { suggest } from './suggestions';
import { getAssignmentFor } from './assignments';
import { journalStudents } from './students';
import { toGridLesson } from './lessonView';

export function loadGrid(db: Db, actor: Actor, assignmentId: number, periodId: number, today: string): JournalGrid {
  const summary = getAssignmentFor(db, actor, assignmentId);
  const assignment = db.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
  const period = db.select().from(periods).where(eq(periods.id, periodId)).get();
  if (!assignment || !period) throw new AppError('not_found', 'Такого периода нет');
  if (period.yearId !== assignment.yearId) throw new AppError('validation', 'Период относится к другому учебному году');

  const gridStudents = journalStudents(db, assignment, period.startDate, period.endDate);
  const ids = gridStudents.map((st) => st.id);

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

  const kinds = db.select().from(workKinds).orderBy(asc(workKinds.sortOrder)).all();
  const held = lessonRows.filter(({ lesson }) => lesson.status !== 'not_held' && lesson.date <= today).map(({ lesson }) => lesson);
  const rules = { useWeights: readSetting(db, 'marks.useWeights'), rounding: readSetting(db, 'marks.rounding'), minMarks: readSetting(db, 'journal.minMarksPerPeriod') };
  const weightOf = new Map(kinds.map((k) => [k.id, k.weight]));
  const suggestions = gridStudents.map((student) => {
    const from = student.activeFrom ?? period.startDate;
    const to = student.activeTo ?? period.endDate;
    const values = markRows
      .filter((m) => m.studentId === student.id)
      .flatMap((m) => [m.value1, m.value2].filter((v): v is string => v !== null && v !== 'н/а').map((v) => ({ value: Number(v), weight: weightOf.get(m.workKindId) ?? 1 })));
    return suggest(
      {
        studentId: student.id,
        marks: values,
        lessonsHeld: held.filter((l) => l.date >= from && l.date <= to).length,
        lessonsMissed: absenceRows.filter((a) => a.studentId === student.id && a.code !== 'оп').length,
      },
      rules,
    );
  });
  const plan = db
    .select({ id: thematicPlanTopics.id, position: thematicPlanTopics.position, title: thematicPlanTopics.title, hours: thematicPlanTopics.hours })
    .from(thematicPlanTopics)
    .innerJoin(thematicPlans, eq(thematicPlans.id, thematicPlanTopics.planId))
    .where(eq(thematicPlans.assignmentId, assignmentId))
    .orderBy(asc(thematicPlanTopics.position))
    .all();
  const canWrite =
    mayAccess('journal.write', actor.roles) &&
    (assignment.teacherId === actor.userId || lessonRows.some(({ lesson }) => lesson.givenById === actor.userId));
  const lock = periodLockFor(db, periodId, assignment.classId);

  return {
    assignment: summary,
    period,
    students: gridStudents,
    lessons: lessonRows.map(({ lesson, giver }) => toGridLesson(lesson, giver, assignment.teacherId)),
    marks: markRows as JournalGrid['marks'],
    absences: absenceRows,
    periodMarks: periodMarkRows as JournalGrid['periodMarks'],
    workKinds: kinds,
    suggestions,
    canWrite,
    lock: lock ? { periodName: lock.periodName } : null,
    planTopics: plan,
  };
}
