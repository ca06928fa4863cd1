// Сводная ведомость учёта посещаемости: the year by month, per student and for the class.
import { monthsBetween } from '../../shared/dates';
import type { AttendanceYearData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import { classAttendance, sumDays, type DayTally } from './attendance-facts';

export function attendanceYear(
  db: Db,
  cls: { id: number; name: string },
  year: { startDate: string; endDate: string },
  today: string,
): AttendanceYearData {
  const facts = classAttendance(db, cls.id, year.startDate, year.endDate, today);
  const months = monthsBetween(year.startDate, year.endDate);
  const byMonth = months.map((month) => ({ month, illness: 0, excused: 0, unexcused: 0 }));
  const rows = facts.students.map((s) => {
    const days = [...(facts.days.get(s.studentId) ?? new Map<string, DayTally>())];
    const perMonth = months.map((month, i) => {
      const sums = sumDays(days.filter(([d]) => d.startsWith(month)));
      const bucket = byMonth[i]!;
      bucket.illness += sums.illness;
      bucket.excused += sums.excused;
      bucket.unexcused += sums.unexcused;
      return { missed: sums.missed, daysMissed: sums.daysMissed };
    });
    const all = sumDays(days);
    return {
      studentId: s.studentId,
      number: s.number,
      name: s.name,
      months: perMonth,
      missed: all.missed,
      illness: all.illness,
      excused: all.excused,
      unexcused: all.unexcused,
      daysMissed: all.daysMissed,
    };
  });
  return { className: cls.name, months, rows, byMonth };
}
