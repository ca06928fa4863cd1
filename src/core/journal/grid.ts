import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { JournalGrid } from '../../shared/contract/journal';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { absences, assignments, lessons, marks, periodMarks, periods, users, workKinds } from '../db/schema';
import { mayAccess } from '../../shared/roles';
import { readSetting } from '../school/settings';
import { periodLockFor } from './locks';
import { suggest } from './suggestions';
import { getAssignmentFor } from './assignments';
import { journalStudents } from './students';
import { periodsOfGrade } from './periodMarks';
import { toGridLesson } from './lessonView';
import { topicsOf } from './plans/store';

/** The span a grid covers: one period, or the whole year with the year marks in the final column. */
type GridSpan =
  | { scope: 'period'; period: typeof periods.$inferSelect }
  | { scope: 'year'; period: JournalGrid['period']; lastPeriodId: number };

function spanOf(
  db: Db,
  assignment: typeof assignments.$inferSelect,
  grade: number,
  periodId: number | 'year',
): GridSpan {
  if (periodId !== 'year') {
    const period = db.select().from(periods).where(eq(periods.id, periodId)).get();
    if (!period) throw new AppError('not_found', 'Такого периода нет');
    if (period.yearId !== assignment.yearId)
      throw new AppError('validation', 'Период относится к другому учебному году');
    return { scope: 'period', period };
  }
  const own = periodsOfGrade(db, assignment.yearId, grade);
  const first = own[0];
  const last = own.at(-1);
  if (!first || !last) throw new AppError('validation', `Для ${grade}-х классов не заданы учебные периоды`);
  return {
    scope: 'year',
    lastPeriodId: last.id,
    period: {
      id: last.id,
      name: 'Год',
      scheme: first.scheme,
      number: 0,
      startDate: first.startDate,
      endDate: last.endDate,
    },
  };
}

export function loadGrid(
  db: Db,
  actor: Actor,
  assignmentId: number,
  periodId: number | 'year',
  today: string,
): JournalGrid {
  const summary = getAssignmentFor(db, actor, assignmentId, today);
  const assignment = db.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
  if (!assignment) throw new AppError('not_found', 'Такого журнала нет');
  const span = spanOf(db, assignment, summary.grade, periodId);
  const { period } = span;

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
    .select({
      lessonId: marks.lessonId,
      studentId: marks.studentId,
      value1: marks.value1,
      value2: marks.value2,
      workKindId: marks.workKindId,
    })
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
            span.scope === 'period'
              ? and(eq(periodMarks.kind, 'period'), eq(periodMarks.periodId, span.period.id))
              : eq(periodMarks.kind, 'year'),
            eq(periodMarks.yearId, assignment.yearId),
            eq(periodMarks.subjectId, assignment.subjectId),
            inArray(periodMarks.studentId, ids),
          ),
        )
        .all()
    : [];

  const kinds = db.select().from(workKinds).orderBy(asc(workKinds.sortOrder)).all();
  const held = lessonRows
    .filter(({ lesson }) => lesson.status !== 'not_held' && lesson.date <= today)
    .map(({ lesson }) => lesson);
  const rules = {
    useWeights: readSetting(db, 'marks.useWeights'),
    rounding: readSetting(db, 'marks.rounding'),
    minMarks: readSetting(db, 'journal.minMarksPerPeriod'),
  };
  const weightOf = new Map(kinds.map((k) => [k.id, k.weight]));
  const suggestions = gridStudents.map((student) => {
    const from = student.activeFrom ?? period.startDate;
    const to = student.activeTo ?? period.endDate;
    const values = markRows
      .filter((m) => m.studentId === student.id)
      .flatMap((m) =>
        [m.value1, m.value2]
          .filter((v): v is string => v !== null && v !== 'н/а')
          .map((v) => ({ value: Number(v), weight: weightOf.get(m.workKindId) ?? 1 })),
      );
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
  const plan = topicsOf(db, assignmentId).map(({ id, position, title, hours, homework }) => ({
    id,
    position,
    title,
    hours,
    homework,
  }));
  const canWrite =
    mayAccess('journal.write', actor.roles) &&
    (assignment.teacherId === actor.userId || lessonRows.some(({ lesson }) => lesson.givenById === actor.userId));
  const lock = periodLockFor(db, span.scope === 'period' ? span.period.id : span.lastPeriodId, assignment.classId);

  return {
    assignment: summary,
    scope: span.scope,
    period: {
      id: period.id,
      name: period.name,
      scheme: period.scheme,
      number: period.number,
      startDate: period.startDate,
      endDate: period.endDate,
    },
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
