import { AppError } from '../../shared/errors';
import { iso, parseDay, weekday } from '../demo/dates';

/** The Monday of the week holding `date`: a week is always asked for and stored by its Monday. */
export function mondayOf(date: string): string {
  const d = parseDay(date);
  if (d === null) throw new AppError('validation', 'Такой даты нет в календаре');
  return iso(d - (weekday(d) - 1));
}

/** `date` plus `n` days. */
export function addDays(date: string, n: number): string {
  const d = parseDay(date);
  if (d === null) throw new AppError('validation', 'Такой даты нет в календаре');
  return iso(d + n);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  return (parseDay(to) ?? 0) - (parseDay(from) ?? 0);
}
