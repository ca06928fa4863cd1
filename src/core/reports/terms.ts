import { eq } from 'drizzle-orm';
import { daysBetween } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { gradePeriodSchemes, periods } from '../db/schema';
import { yearById, type YearRow } from '../school/years';
export { periodsOfGrade } from '../journal/periodMarks';

export type PeriodRow = typeof periods.$inferSelect;

/** A report's time span: one period (a quarter, a half-year) or the whole year (its year marks). */
export interface Term {
  year: YearRow;
  /** Null: the year. */
  period: PeriodRow | null;
  name: string;
  /** For each grade, the period its own scheme gives for this term (quarters and half-years differ). */
  periodOfGrade: Map<number, PeriodRow | null>;
}

export function periodById(db: Db, periodId: number): PeriodRow {
  const period = db.select().from(periods).where(eq(periods.id, periodId)).get();
  if (!period) throw new AppError('not_found', 'Такого периода нет');
  return period;
}

/**
 * A term for the whole school. A grade on another scheme takes its period that ends within a fortnight of the
 * chosen one (the 2nd quarter and the 1st half-year end together); otherwise it has no marks for this term.
 */
export function resolveTerm(db: Db, yearId: number, periodId: number | null): Term {
  const year = yearById(db, yearId);
  const period = periodId === null ? null : periodById(db, periodId);
  if (period && period.yearId !== yearId) throw new AppError('validation', 'Период относится к другому учебному году');
  const all = db.select().from(periods).where(eq(periods.yearId, yearId)).all();
  const schemes = db.select().from(gradePeriodSchemes).where(eq(gradePeriodSchemes.yearId, yearId)).all();
  const periodOfGrade = new Map<number, PeriodRow | null>();
  for (const { grade, scheme } of schemes) {
    if (!period) periodOfGrade.set(grade, null);
    else if (scheme === period.scheme) periodOfGrade.set(grade, period);
    else
      periodOfGrade.set(
        grade,
        all.find((p) => p.scheme === scheme && Math.abs(daysBetween(p.endDate, period.endDate)) <= 14) ?? null,
      );
  }
  return {
    year,
    period,
    name: period ? `${period.name} ${year.name} учебного года` : `${year.name} учебный год`,
    periodOfGrade,
  };
}

/** The day whose roll a term's results count: the term's last day, or today while it is still running. */
export function rollDate(term: Term, grade: number, today: string): string | null {
  if (!term.period) return term.year.endDate < today ? term.year.endDate : today;
  const p = term.periodOfGrade.get(grade);
  if (!p) return null;
  return p.endDate < today ? p.endDate : today;
}
