import type { CalendarHoliday, CalendarPeriod, PeriodScheme, SchoolCalendar } from '../../../shared/contract';

/** The schemes some grade follows, in the order the editor shows them. */
export function usedSchemes(cal: SchoolCalendar): PeriodScheme[] {
  return (['quarters', 'trimesters', 'half_years'] as const).filter((s) => cal.gradeSchemes.includes(s));
}

/** Grades following a scheme: «1–8 классы», «10, 11 классы», «9 класс». */
export function gradesOf(cal: SchoolCalendar, scheme: PeriodScheme): string {
  const grades = cal.gradeSchemes.flatMap((s, i) => (s === scheme ? [i + 1] : []));
  const contiguous = grades.every((g, i) => i === 0 || g === (grades[i - 1] ?? 0) + 1);
  const list = contiguous && grades.length > 2 ? `${grades[0]}–${grades[grades.length - 1]}` : grades.join(', ');
  return `${list} ${grades.length === 1 ? 'класс' : 'классы'}`;
}

export function setPeriod(cal: SchoolCalendar, target: CalendarPeriod, patch: Partial<CalendarPeriod>): SchoolCalendar {
  return {
    ...cal,
    periods: cal.periods.map((p) =>
      p.scheme === target.scheme && p.number === target.number ? { ...p, ...patch } : p,
    ),
  };
}

export function setHoliday(cal: SchoolCalendar, index: number, patch: Partial<CalendarHoliday>): SchoolCalendar {
  return { ...cal, holidays: cal.holidays.map((h, i) => (i === index ? { ...h, ...patch } : h)) };
}

/** What is sent: only the periods of the schemes some grade follows. */
export function calendarToSave(cal: SchoolCalendar): SchoolCalendar {
  const used = usedSchemes(cal);
  return { ...cal, periods: cal.periods.filter((p) => used.includes(p.scheme)) };
}
