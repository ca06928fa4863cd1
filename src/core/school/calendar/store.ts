import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PeriodScheme, SchoolCalendar } from '../../../shared/contract/calendar';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { gradePeriodSchemes, holidays, periodLocks, periods, schoolYears } from '../../db/schema';
import { requireOpenYear } from '../../years/closed';

/** The calendar of a stored year, as the editor shows it. */
export function loadCalendar(db: Db, yearId: number): SchoolCalendar {
  const year = db.select().from(schoolYears).where(eq(schoolYears.id, yearId)).get();
  if (!year) throw new AppError('not_found', 'Учебный год не найден');
  const schemes = db.select().from(gradePeriodSchemes).where(eq(gradePeriodSchemes.yearId, yearId)).all();
  const gradeSchemes = Array.from(
    { length: 11 },
    (_, i): PeriodScheme => schemes.find((s) => s.grade === i + 1)?.scheme ?? (i >= 9 ? 'half_years' : 'quarters'),
  );
  return {
    year: { name: year.name, startDate: year.startDate, endDate: year.endDate },
    gradeSchemes,
    periods: db
      .select()
      .from(periods)
      .where(eq(periods.yearId, yearId))
      .orderBy(asc(periods.scheme), asc(periods.number))
      .all()
      .map((p) => ({
        scheme: p.scheme,
        number: p.number,
        name: p.name,
        startDate: p.startDate,
        endDate: p.endDate,
        marksDueDate: p.marksDueDate,
      })),
    holidays: db
      .select()
      .from(holidays)
      .where(eq(holidays.yearId, yearId))
      .orderBy(asc(holidays.startDate))
      .all()
      .map((h) => ({ name: h.name, startDate: h.startDate, endDate: h.endDate, grade: h.grade })),
  };
}

/** Marks (current or period) already given in the year: from then on its periods are fixed. */
export function yearHasMarks(db: Db, yearId: number): boolean {
  const row = db.get<{ n: number }>(sql`
    select (select count(*) from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id where a.year_id = ${yearId})
         + (select count(*) from period_marks where year_id = ${yearId}) as n`);
  return (row?.n ?? 0) > 0;
}

/** Periods and schemes as stored, for comparing with an edit: «1 четверть 01.09–24.10» per scheme. */
function periodShape(cal: SchoolCalendar): string {
  const used = new Set(cal.gradeSchemes);
  const list = cal.periods
    .filter((p) => used.has(p.scheme))
    .map((p) => `${p.scheme}${p.number}:${p.startDate}:${p.endDate}`)
    .sort();
  return JSON.stringify([cal.year.startDate, cal.year.endDate, cal.gradeSchemes, list]);
}

export function periodsChanged(before: SchoolCalendar, after: SchoolCalendar): boolean {
  return periodShape(before) !== periodShape(after);
}

/**
 * Writes a checked calendar: the year (new when `yearId` is null), each grade's scheme, the periods matched by
 * scheme and number — updated in place, so period marks and locks keep pointing at them —, and the holidays.
 * Returns the year's id. The caller holds the transaction.
 */
export function writeCalendar(db: Db, yearId: number | null, cal: SchoolCalendar, makeCurrent: boolean): number {
  const y = cal.year;
  let id = yearId;
  if (id !== null) requireOpenYear(db, id);
  if (id === null) {
    if (db.select().from(schoolYears).where(eq(schoolYears.name, y.name)).get())
      throw new AppError('conflict', `Учебный год ${y.name} уже есть`, { refusal: 'exists' });
    id = db
      .insert(schoolYears)
      .values({ name: y.name, startDate: y.startDate, endDate: y.endDate, isCurrent: makeCurrent })
      .returning({ id: schoolYears.id })
      .get().id;
  } else {
    const other = db.select().from(schoolYears).where(eq(schoolYears.name, y.name)).get();
    if (other && other.id !== id)
      throw new AppError('conflict', `Учебный год ${y.name} уже есть`, { refusal: 'exists' });
    db.update(schoolYears)
      .set({ name: y.name, startDate: y.startDate, endDate: y.endDate })
      .where(eq(schoolYears.id, id))
      .run();
  }
  const target = id;

  db.delete(gradePeriodSchemes).where(eq(gradePeriodSchemes.yearId, target)).run();
  cal.gradeSchemes.forEach((scheme, i) =>
    db
      .insert(gradePeriodSchemes)
      .values({ yearId: target, grade: i + 1, scheme })
      .run(),
  );

  const existing = db.select().from(periods).where(eq(periods.yearId, target)).all();
  const keep = new Set<number>();
  for (const p of cal.periods) {
    const found = existing.find((e) => e.scheme === p.scheme && e.number === p.number);
    if (found) {
      keep.add(found.id);
      db.update(periods)
        .set({ name: p.name, startDate: p.startDate, endDate: p.endDate, marksDueDate: p.marksDueDate ?? p.endDate })
        .where(eq(periods.id, found.id))
        .run();
    } else {
      db.insert(periods)
        .values({
          yearId: target,
          scheme: p.scheme,
          number: p.number,
          name: p.name,
          startDate: p.startDate,
          endDate: p.endDate,
          marksDueDate: p.marksDueDate ?? p.endDate,
        })
        .run();
    }
  }
  const dropped = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (dropped.length > 0) {
    // A closed period stays: its lock is the deputy's record that the period was checked.
    const locked = db.select().from(periodLocks).where(inArray(periodLocks.periodId, dropped)).get();
    if (locked)
      throw new AppError('conflict', 'Период, который уже закрывали в «Закрытии периодов», удалить нельзя', {
        refusal: 'in_use',
      });
    db.delete(periods)
      .where(and(eq(periods.yearId, target), inArray(periods.id, dropped)))
      .run();
  }

  db.delete(holidays).where(eq(holidays.yearId, target)).run();
  for (const h of cal.holidays)
    db.insert(holidays)
      .values({ yearId: target, name: h.name, startDate: h.startDate, endDate: h.endDate, grade: h.grade })
      .run();
  return target;
}
