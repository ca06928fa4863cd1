import type { CalendarPeriod, SchoolCalendar } from '../../../shared/contract/calendar';
import { currentStartYear, schemeOfGrade, yearCalendar } from './ministry';
import { day, iso, parseDay } from '../../../shared/dates';

/**
 * The calendar the wizard proposes: the year containing `today` (from 1 September on, the new one) as the
 * Ministry's recommended calendar draws it — the same one the demo school uses — plus trimesters for a
 * school that prefers them. Grades 1–9 follow quarters and 10–11 half-years until the school says otherwise.
 */
export function defaultCalendar(today: string): SchoolCalendar {
  const todayDay = parseDay(today) ?? day(2025, 9, 1);
  const cal = yearCalendar(currentStartYear(todayDay));
  const n = cal.startYear + 1;
  const quarters = cal.periods.filter((p) => p.scheme === 'quarters');
  const lastDay = quarters[quarters.length - 1]?.end ?? cal.end;
  const trimesters: CalendarPeriod[] = [
    {
      scheme: 'trimesters',
      number: 1,
      name: '1 триместр',
      startDate: iso(cal.start),
      endDate: iso(day(cal.startYear, 11, 30)),
    },
    {
      scheme: 'trimesters',
      number: 2,
      name: '2 триместр',
      startDate: iso(day(cal.startYear, 12, 1)),
      endDate: iso(day(n, 3, 1) - 1),
    },
    { scheme: 'trimesters', number: 3, name: '3 триместр', startDate: iso(day(n, 3, 1)), endDate: iso(lastDay) },
  ];
  return {
    year: { name: cal.name, startDate: iso(cal.start), endDate: iso(cal.end) },
    gradeSchemes: Array.from({ length: 11 }, (_, i) => schemeOfGrade(i + 1)),
    periods: [
      ...cal.periods.map((p) => ({
        scheme: p.scheme,
        number: p.number,
        name: p.name,
        startDate: iso(p.start),
        endDate: iso(p.end),
      })),
      ...trimesters,
    ],
    holidays: cal.holidays.map((h) => ({ name: h.name, startDate: iso(h.start), endDate: iso(h.end), grade: h.grade })),
  };
}
