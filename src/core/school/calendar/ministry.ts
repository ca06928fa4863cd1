// The Russian school year as the Ministry's recommended calendar draws it: 1 September – 31 May, four
// quarters (grades 1–9) or two half-years (10–11), autumn, winter and spring holidays, an extra February
// week for the first grade, and the public holidays. Lessons run Monday–Friday (a five-day week).
import { lessonDays } from '../days';
import { day, iso, onOrAfter, type Day } from '../../../shared/dates';

export type Scheme = 'quarters' | 'half_years';

export interface PeriodDef {
  scheme: Scheme;
  number: number;
  name: string;
  start: Day;
  end: Day;
}

export interface HolidayDef {
  name: string;
  start: Day;
  end: Day;
  /** Null: every grade. */
  grade: number | null;
}

export interface YearCalendar {
  startYear: number;
  name: string;
  start: Day;
  end: Day;
  periods: PeriodDef[];
  holidays: HolidayDef[];
}

/** The school year that contains `today`: from 1 September on it is the new one, in summer the one just ended. */
export function currentStartYear(today: Day): number {
  const y = Number(iso(today).slice(0, 4));
  return today >= day(y, 9, 1) ? y : y - 1;
}

export function schemeOfGrade(grade: number): Scheme {
  return grade >= 10 ? 'half_years' : 'quarters';
}

export function yearCalendar(startYear: number): YearCalendar {
  const y = startYear;
  const n = y + 1;
  const start = day(y, 9, 1);
  const lastLessons = day(n, 5, 26);
  // Holidays start on a Saturday and last nine days, up to the Sunday of the next week.
  const autumn = onOrAfter(day(y, 10, 24), 6);
  const winterStart = day(y, 12, 29);
  const winterEnd = day(n, 1, 8);
  const spring = onOrAfter(day(n, 3, 21), 6);
  const february = onOrAfter(day(n, 2, 14), 6);
  const q = (number: number, s: Day, e: Day): PeriodDef => ({
    scheme: 'quarters',
    number,
    name: `${number} четверть`,
    start: s,
    end: e,
  });
  const h = (number: number, s: Day, e: Day): PeriodDef => ({
    scheme: 'half_years',
    number,
    name: `${number} полугодие`,
    start: s,
    end: e,
  });
  const publicHoliday = (name: string, d: Day): HolidayDef => ({ name, start: d, end: d, grade: null });
  return {
    startYear: y,
    name: `${y}/${n}`,
    start,
    end: day(n, 5, 31),
    periods: [
      q(1, start, autumn - 1),
      q(2, autumn + 9, winterStart - 1),
      q(3, winterEnd + 1, spring - 1),
      q(4, spring + 9, lastLessons),
      h(1, start, winterStart - 1),
      h(2, winterEnd + 1, lastLessons),
    ],
    holidays: [
      { name: 'Осенние каникулы', start: autumn, end: autumn + 8, grade: null },
      publicHoliday('День народного единства', day(y, 11, 4)),
      { name: 'Зимние каникулы', start: winterStart, end: winterEnd, grade: null },
      { name: 'Дополнительные каникулы для первоклассников', start: february, end: february + 8, grade: 1 },
      publicHoliday('День защитника Отечества', day(n, 2, 23)),
      publicHoliday('Международный женский день', day(n, 3, 8)),
      { name: 'Весенние каникулы', start: spring, end: spring + 8, grade: null },
      publicHoliday('Праздник Весны и Труда', day(n, 5, 1)),
      publicHoliday('День Победы', day(n, 5, 9)),
    ],
  };
}

export function periodsOf(cal: YearCalendar, grade: number): PeriodDef[] {
  const scheme = schemeOfGrade(grade);
  return cal.periods.filter((p) => p.scheme === scheme);
}

/** The days with lessons for a grade: Monday to the week's last school day inside a period, outside every holiday. */
export function schoolDays(cal: YearCalendar, grade: number, weekDays = 5): Day[] {
  return lessonDays(
    periodsOf(cal, grade),
    cal.holidays.filter((h) => h.grade === null || h.grade === grade),
    weekDays,
  );
}
