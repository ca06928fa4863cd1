import { and, eq } from 'drizzle-orm';
import { shortName } from '../../shared/names';
import type { ClassWeek } from '../../shared/contract/attendance';
import type { Db } from '../db/open';
import { attendanceChecks, users } from '../db/schema';
import type { ClassRow } from './access';
import { addDays, mondayOf } from '../../shared/dates';
import { loadClassAttendance } from './load';
import { missedDays } from './missed';

export function weekCheck(db: Db, classId: number, monday: string): ClassWeek['check'] {
  const row = db
    .select({
      checkedAt: attendanceChecks.checkedAt,
      note: attendanceChecks.note,
      lastName: users.lastName,
      firstName: users.firstName,
      middleName: users.middleName,
    })
    .from(attendanceChecks)
    .innerJoin(users, eq(users.id, attendanceChecks.checkedBy))
    .where(and(eq(attendanceChecks.classId, classId), eq(attendanceChecks.weekStart, monday)))
    .get();
  return row ? { checkedBy: shortName(row), checkedAt: row.checkedAt, note: row.note } : null;
}

/** The class's week across every subject: students × days × lesson numbers, with the codes the teachers entered. */
export function loadClassWeek(db: Db, cls: ClassRow, weekStart: string): ClassWeek {
  const monday = mondayOf(weekStart);
  const data = loadClassAttendance(db, cls.id, monday, addDays(monday, 6));
  // Monday to Friday always (a holiday shows as a day without lessons); the weekend only when it had lessons.
  const days = [0, 1, 2, 3, 4, 5, 6]
    .map((n) => addDays(monday, n))
    .filter((d, n) => n < 5 || data.lessons.some((l) => l.date === d));
  const everyone = data.students.length;
  return {
    classId: cls.id,
    className: cls.name,
    weekStart: monday,
    days,
    lessons: data.lessons.map((l) => {
      const due = data.dueAt.get(l.id) ?? [];
      return {
        lessonId: l.id,
        date: l.date,
        lessonNumber: l.lessonNumber,
        subjectName: l.subjectName,
        teacherName: l.teacherName,
        subgroupName: l.subgroupName,
        studentIds: due.length === everyone ? null : due,
      };
    }),
    students: data.students,
    absences: data.absences,
    missedDays: missedDays(data),
    check: weekCheck(db, cls.id, monday),
  };
}
