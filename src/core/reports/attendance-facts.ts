// Lessons each student of a class was due to attend, day by day, and what they missed: the one query behind
// the monthly attendance, the year's summary sheet, the class teacher's report and the parents' statement.
import { and, between, eq, inArray, lte, ne } from 'drizzle-orm';
import type { Db } from '../db/open';
import { absences, assignments, lessons, subgroupMembers, subgroups } from '../db/schema';
import { numbered, rosterDuring } from './roster';

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

const within = (date: string, start: string, end: string | null) => date >= start && (end === null || date <= end);

/** Lessons held (not cancelled, not in the future) in [from, to], per student as they were on the roll. */
export function classAttendance(db: Db, classId: number, from: string, to: string, today: string, onlyStudent?: number): ClassAttendance {
  const last = to < today ? to : today;
  const stays = rosterDuring(db, [classId], from, to).filter((r) => onlyStudent === undefined || r.studentId === onlyStudent);
  const lessonRows =
    from > last
      ? []
      : db
          .select({ id: lessons.id, date: lessons.date, subgroupId: assignments.subgroupId })
          .from(lessons)
          .innerJoin(assignments, eq(assignments.id, lessons.assignmentId))
          .where(and(eq(assignments.classId, classId), between(lessons.date, from, last), ne(lessons.status, 'not_held'), lte(lessons.date, today)))
          .all();
  const memberRows = db
    .select({ subgroupId: subgroupMembers.subgroupId, studentId: subgroupMembers.studentId, startDate: subgroupMembers.startDate, endDate: subgroupMembers.endDate })
    .from(subgroupMembers)
    .innerJoin(subgroups, eq(subgroups.id, subgroupMembers.subgroupId))
    .where(eq(subgroups.classId, classId))
    .all();
  const lessonIds = lessonRows.map((l) => l.id);
  const absenceRows: Array<{ lessonId: number; studentId: number; code: string }> = [];
  for (let i = 0; i < lessonIds.length; i += 900) {
    absenceRows.push(
      ...db
        .select({ lessonId: absences.lessonId, studentId: absences.studentId, code: absences.code })
        .from(absences)
        .where(inArray(absences.lessonId, lessonIds.slice(i, i + 900)))
        .all(),
    );
  }
  const codeOf = new Map(absenceRows.map((a) => [`${a.lessonId}:${a.studentId}`, a.code]));
  const days = new Map<number, Map<string, DayTally>>();
  for (const stay of stays) {
    const mine = days.get(stay.studentId) ?? new Map<string, DayTally>();
    days.set(stay.studentId, mine);
    const groups = memberRows.filter((m) => m.studentId === stay.studentId);
    for (const l of lessonRows) {
      if (!within(l.date, stay.startDate, stay.endDate)) continue;
      if (l.subgroupId !== null && !groups.some((g) => g.subgroupId === l.subgroupId && within(l.date, g.startDate, g.endDate))) continue;
      const t = mine.get(l.date) ?? { lessons: 0, missed: 0, illness: 0, excused: 0, unexcused: 0, late: 0 };
      mine.set(l.date, t);
      t.lessons++;
      const code = codeOf.get(`${l.id}:${stay.studentId}`);
      if (code === 'оп') t.late++;
      else if (code) {
        t.missed++;
        if (code === 'б') t.illness++;
        else if (code === 'у') t.excused++;
        else t.unexcused++;
      }
    }
  }
  return { students: numbered(stays), days, schoolDays: [...new Set(lessonRows.map((l) => l.date))].sort() };
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
