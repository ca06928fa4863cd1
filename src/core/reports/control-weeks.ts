// Attendance weeks the class teacher has not confirmed: the orders ask them to check the class's absences every
// week («еженедельно выверяет»). A week is due once it is over and counts only when the class had lessons in it.
import { addDays, mondayOf } from '../../shared/dates';
import type { ControlData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';

export interface AttendanceWeekFacts {
  /** Weeks (their Monday) with lessons held in the class, whether confirmed or not. */
  weeks: Array<{ classId: number; className: string; grade: number; classTeacherName: string | null; week: string }>;
  confirmed: Array<{ classId: number; week: string }>;
}

export function attendanceWeekFacts(db: Db, yearId: number, from: string, last: string): AttendanceWeekFacts {
  const sql = db.$client;
  const weeks = sql
    .prepare(
      `select distinct c.id as classId, c.grade || c.letter as className, c.grade,
              u.last_name || ' ' || substr(u.first_name, 1, 1) || '.' || coalesce(' ' || substr(u.middle_name, 1, 1) || '.', '') as classTeacherName,
              date(l.date, '-6 days', 'weekday 1') as week
       from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id
       left join users u on u.id = c.class_teacher_id
       where c.year_id = ? and l.date between ? and ? and l.status <> 'not_held'`,
    )
    .all(yearId, mondayOf(from), last) as AttendanceWeekFacts['weeks'];
  const confirmed = sql
    .prepare(
      `select k.class_id as classId, k.week_start as week from attendance_checks k join classes c on c.id = k.class_id
       where c.year_id = ? and k.week_start between ? and ?`,
    )
    .all(yearId, mondayOf(from), last) as AttendanceWeekFacts['confirmed'];
  return { weeks, confirmed };
}

/** Per class, the weeks that ended before `today` with lessons but no confirmation, oldest first. */
export function unconfirmedWeeks(
  facts: AttendanceWeekFacts,
  today: string,
  include: (classId: number) => boolean,
): ControlData['unconfirmedWeeks'] {
  const done = new Set(facts.confirmed.map((c) => `${c.classId}:${c.week}`));
  const byClass = new Map<number, ControlData['unconfirmedWeeks'][number] & { grade: number }>();
  for (const w of facts.weeks) {
    if (addDays(w.week, 6) >= today || done.has(`${w.classId}:${w.week}`) || !include(w.classId)) continue;
    const row = byClass.get(w.classId) ?? { ...w, weeks: [] };
    row.weeks.push(w.week);
    byClass.set(w.classId, row);
  }
  return [...byClass.values()]
    .sort((a, b) => a.grade - b.grade || a.className.localeCompare(b.className, 'ru'))
    .map(({ classId, className, classTeacherName, weeks }) => ({
      classId,
      className,
      classTeacherName,
      weeks: weeks.sort(),
    }));
}
