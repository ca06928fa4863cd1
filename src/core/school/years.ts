// The school's years as every service looks them up: the current one, one by id, the one a date falls in. The
// current year is found here and nowhere else, so «no current year» reads the same on every screen.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { schoolYears } from '../db/schema';

export type YearRow = typeof schoolYears.$inferSelect;

/** The year marked current, or undefined in a school that has none yet (for callers with their own fallback). */
export function findCurrentYear(db: Db): YearRow | undefined {
  return db.select().from(schoolYears).where(eq(schoolYears.isCurrent, true)).get();
}

export function currentYear(db: Db): YearRow {
  const year = findCurrentYear(db);
  if (!year) throw new AppError('not_found', 'В школе не задан текущий учебный год');
  return year;
}

export function yearById(db: Db, yearId: number): YearRow {
  const year = db.select().from(schoolYears).where(eq(schoolYears.id, yearId)).get();
  if (!year) throw new AppError('not_found', 'Такого учебного года нет');
  return year;
}

/** The year asked for, or the current one when none was. */
export const yearOrCurrent = (db: Db, yearId: number | undefined): YearRow =>
  yearId === undefined ? currentYear(db) : yearById(db, yearId);

/** The school year a date falls in (the summer after a year counts with it), else the current one. */
export function yearOfDate(db: Db, date: string): YearRow {
  const years = db
    .select()
    .from(schoolYears)
    .all()
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  return years.filter((y) => y.startDate <= date).at(-1) ?? currentYear(db);
}
