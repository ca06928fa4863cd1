// Lessons each student of a class was due to attend, day by day, and what they missed: the tallies behind the
// monthly attendance, the year's summary sheet, the class teacher's report and the parents' statement. The rows
// come from the attendance module's loader (lessons not held left out, subgroups respected).
import { loadClassAttendance } from '../attendance/load';
import { missesLesson } from '../attendance/missed';
import type { Db } from '../db/open';

export interface DayTally {
  lessons: number;
  missed: number;
  illness: number;
  excused: number;
  unexcused: number;
  late: number;
}

export interface ClassAttendance {
  students: Array<{ studentId: number; name: string; number: number }>;
  /** studentId → date → the day's tally (only days the student was due at school). */
  days: Map<number, Map<string, DayTally>>;
  schoolDays: string[];
}

/** Lessons held in [from, to] up to today (a lesson still to come cannot be missed), per student on the roll. */
export function classAttendance(db: Db, classId: number, from: string, to: string, today: string): ClassAttendance {
  const last = to < today ? to : today;
  const data = loadClassAttendance(db, classId, from, last < from ? from : last);
  const lessons = last < from ? [] : data.lessons;
  const codeOf = new Map(data.absences.map((a) => [`${a.lessonId}:${a.studentId}`, a.code]));
  const days = new Map<number, Map<string, DayTally>>(data.students.map((s) => [s.id, new Map()]));
  for (const l of lessons) {
    for (const studentId of data.dueAt.get(l.id) ?? []) {
      const mine = days.get(studentId);
      if (!mine) continue;
      const t = mine.get(l.date) ?? { lessons: 0, missed: 0, illness: 0, excused: 0, unexcused: 0, late: 0 };
      mine.set(l.date, t);
      t.lessons++;
      const code = codeOf.get(`${l.id}:${studentId}`);
      if (code === 'оп') t.late++;
      else if (code && missesLesson(code)) {
        t.missed++;
        if (code === 'б') t.illness++;
        else if (code === 'у') t.excused++;
        else t.unexcused++;
      }
    }
  }
  return {
    students: data.students.map((s) => ({ studentId: s.id, name: s.fullName, number: s.number })),
    days,
    schoolDays: [...new Set(lessons.map((l) => l.date))].sort(),
  };
}

/** Sums of a student's days; a day counts as missed only when every lesson of it was missed. */
export function sumDays(list: Iterable<[string, DayTally]>) {
  const s = { lessons: 0, missed: 0, illness: 0, excused: 0, unexcused: 0, late: 0, daysMissed: 0, daysIllness: 0 };
  for (const [, t] of list) {
    s.lessons += t.lessons;
    s.missed += t.missed;
    s.illness += t.illness;
    s.excused += t.excused;
    s.unexcused += t.unexcused;
    s.late += t.late;
    if (t.lessons > 0 && t.missed === t.lessons) {
      s.daysMissed++;
      if (t.illness === t.lessons) s.daysIllness++;
    }
  }
  return s;
}
