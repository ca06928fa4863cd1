// A class's school days as the database describes them: its grade's periods of the year, minus the
// holidays that apply to the grade.
import { and, eq, isNull, or } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { dayOf, type Day } from '../../shared/dates';
import type { Db } from '../db/open';
import { classes, holidays, schoolYears } from '../db/schema';
import { periodsOfGrade } from '../journal/periodMarks';
import { lessonDays } from '../school/days';

export type ClassRow = typeof classes.$inferSelect;

export function classById(db: Db, classId: number): ClassRow {
  const cls = db.select().from(classes).where(eq(classes.id, classId)).get();
  if (!cls) throw new AppError('not_found', 'Класс не найден');
  return cls;
}

export function yearById(db: Db, yearId: number) {
  const year = db.select().from(schoolYears).where(eq(schoolYears.id, yearId)).get();
  if (!year) throw new AppError('not_found', 'Учебный год не найден');
  return year;
}

/** The days a class has lessons, Monday to Saturday (the timetable decides which weekdays are used). */
export function classDays(db: Db, cls: ClassRow): Day[] {
  const spans = periodsOfGrade(db, cls.yearId, cls.grade).map((p) => ({
    start: dayOf(p.startDate),
    end: dayOf(p.endDate),
  }));
  const off = db
    .select()
    .from(holidays)
    .where(and(eq(holidays.yearId, cls.yearId), or(isNull(holidays.grade), eq(holidays.grade, cls.grade))))
    .all()
    .map((h) => ({ start: dayOf(h.startDate), end: dayOf(h.endDate) }));
  return lessonDays(spans, off, 6);
}
