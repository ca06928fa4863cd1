// Отчёт о посещаемости класса за месяц: per student, lessons missed (всего, б, у, н), late arrivals and
// whole days missed, with the day-by-day count of the paper form.
import { monthRange } from '../../shared/dates';
import type { AttendanceMonthData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import { classAttendance, sumDays } from './attendance-facts';

export function attendanceMonth(
  db: Db,
  cls: { id: number; name: string },
  month: string,
  today: string,
): AttendanceMonthData {
  const { from, to } = monthRange(month);
  const facts = classAttendance(db, cls.id, from, to, today);
  return {
    className: cls.name,
    month,
    schoolDays: facts.schoolDays,
    rows: facts.students.map((s) => {
      const days = facts.days.get(s.studentId) ?? new Map();
      const sums = sumDays(days);
      const byDay: Record<string, number> = {};
      for (const [date, t] of days) if (t.missed > 0) byDay[date] = t.missed;
      return { studentId: s.studentId, number: s.number, name: s.name, ...sums, byDay };
    }),
  };
}
