import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { mayAccess } from '../../shared/roles';
import type { JournalFinals } from '../../shared/contract/journal';
import type { PeriodMarkValue } from '../../shared/contract/common';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { assignments } from '../db/schema';
import { readSetting } from '../school/settings';
import { getAssignmentFor } from './assignments';
import { periodLockFor } from './locks';
import { periodsOfGrade, type PeriodMarkService } from './periodMarks';
import { journalStudents } from './students';
import { roundMark } from './suggestions';

/** The year mark from the period marks: their mean by the school's rounding; «н/а» when no period was graded. */
export function suggestYearMark(
  values: readonly PeriodMarkValue[],
  rounding: Parameters<typeof roundMark>[1],
): PeriodMarkValue | null {
  const numeric = values.filter((v) => /^[1-5]$/.test(v)).map(Number);
  if (numeric.length === 0) {
    if (values.includes('зач')) return 'зач';
    return values.length > 0 && values.every((v) => v === 'н/а') ? 'н/а' : null;
  }
  return String(roundMark(numeric.reduce((a, b) => a + b, 0) / numeric.length, rounding)) as PeriodMarkValue;
}

export function loadFinals(
  db: Db,
  actor: Actor,
  periodMarks: PeriodMarkService,
  assignmentId: number,
  today: string,
): JournalFinals {
  const summary = getAssignmentFor(db, actor, assignmentId, today);
  const assignment = db.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
  if (!assignment) throw new AppError('not_found', 'Такого журнала нет');
  const own = periodsOfGrade(db, assignment.yearId, summary.grade);
  const first = own[0];
  const last = own.at(-1);
  if (!first || !last) throw new AppError('validation', `Для ${summary.grade}-х классов не заданы учебные периоды`);
  const students = journalStudents(db, assignment, first.startDate, last.endDate);
  const marks = periodMarks.ofYear(
    assignment,
    students.map((s) => s.id),
  );
  const rounding = readSetting(db, 'marks.rounding');
  const order = new Map(own.map((p, i) => [p.id, i]));
  const yearSuggestions = students.map((s) => {
    const values = marks
      .filter((m) => m.studentId === s.id && m.kind === 'period' && m.periodId !== null && order.has(m.periodId))
      .map((m) => m.value);
    return { studentId: s.id, suggested: suggestYearMark(values, rounding) };
  });
  const lock = periodLockFor(db, last.id, assignment.classId);
  return {
    assignment: summary,
    periods: own.map((p) => ({ id: p.id, name: p.name })),
    students,
    marks,
    yearSuggestions,
    canWrite: mayAccess('journal.write', actor.roles) && assignment.teacherId === actor.userId,
    lock: lock ? { periodName: lock.periodName } : null,
  };
}
