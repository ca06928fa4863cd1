import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { className } from '../../shared/names';
import type { SchoolDay } from '../../shared/contract/attendance';
import type { AbsenceCode } from '../../shared/contract/common';
import type { Db } from '../db/open';
import { classes, schoolYears } from '../db/schema';
import { loadClassesAttendance } from './load';
import { missedDays, missesLesson } from './missed';

/** Who is absent on a date, class by class (the deputy's morning view), with the whole-day rule of docs/DOMAIN.md. */
export function loadSchoolDay(db: Db, date: string): SchoolDay {
  const rows = db
    .select({ id: classes.id, grade: classes.grade, letter: classes.letter })
    .from(classes)
    .innerJoin(schoolYears, eq(schoolYears.id, classes.yearId))
    .where(and(lte(schoolYears.startDate, date), gte(schoolYears.endDate, date)))
    .orderBy(asc(classes.grade), asc(classes.letter))
    .all();
  const all = loadClassesAttendance(
    db,
    rows.map((c) => c.id),
    date,
    date,
  );
  return {
    date,
    classes: rows.map((c) => {
      const data = all.get(c.id) ?? { lessons: [], students: [], absences: [], dueAt: new Map<number, number[]>() };
      const allDay = new Set(missedDays(data).map((m) => m.studentId));
      const order = new Map(data.lessons.map((l, i) => [l.id, i]));
      const codes = new Map<number, { at: number; code: AbsenceCode }[]>();
      for (const a of data.absences)
        codes.set(a.studentId, [...(codes.get(a.studentId) ?? []), { at: order.get(a.lessonId) ?? 0, code: a.code }]);
      const students = data.students
        .filter((s) => codes.has(s.id))
        .map((s) => ({
          fullName: s.fullName,
          codes: (codes.get(s.id) ?? []).sort((x, y) => x.at - y.at).map((x) => x.code),
          allDay: allDay.has(s.id),
        }));
      return {
        classId: c.id,
        className: className(c),
        enrolled: data.students.length,
        absentAllDay: allDay.size,
        absentSome: students.filter((s) => !s.allDay && s.codes.some(missesLesson)).length,
        students,
      };
    }),
  };
}
