// A movement must not leave marks or absences outside every class the student was in: an entry stays in the
// journal of the class he was in on its date, so a departure dated before entries already made in that
// journal would orphan them. Such a movement is refused with the entries named.
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { ruDate } from '../reports/tables/build';

interface Entry {
  date: string;
  subject: string;
  what: string;
}

/** Marks and absences of the student from `date` on, in the journals of a class or of one subgroup. */
export function entriesFrom(db: Db, studentId: number, date: string, where: { classId: number } | { subgroupId: number }): Entry[] {
  const [column, id] = 'classId' in where ? ['a.class_id', where.classId] : ['a.subgroup_id', where.subgroupId];
  return db.$client
    .prepare(
      `select l.date, s.name as subject, 'отметка «' || m.value1 || coalesce('/' || m.value2, '') || '»' as what
         from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id join subjects s on s.id = a.subject_id
        where m.student_id = ? and l.date >= ? and ${column} = ?
       union all
       select l.date, s.name, 'пропуск «' || x.code || '»'
         from absences x join lessons l on l.id = x.lesson_id join assignments a on a.id = l.assignment_id join subjects s on s.id = a.subject_id
        where x.student_id = ? and l.date >= ? and ${column} = ?
       order by 1, 2`,
    )
    .all(studentId, date, id, studentId, date, id) as Entry[];
}

export function refuseOrphans(db: Db, studentId: number, date: string, where: { classId: number } | { subgroupId: number }, journal: string): void {
  const found = entriesFrom(db, studentId, date, where);
  if (found.length === 0) return;
  const last = found.at(-1)!.date;
  const shown = found.slice(0, 5).map((e) => `${ruDate(e.date)} ${e.subject}: ${e.what}`);
  throw new AppError(
    'conflict',
    `С ${ruDate(date)} у ученика уже есть записи в журнале ${journal} (${found.length}): ${shown.join('; ')}${found.length > 5 ? '; …' : ''}. ` +
      `Отметки и пропуски остаются в журнале того класса, где ученик был в тот день: укажите дату позже ${ruDate(last)} или попросите учителей исправить записи.`,
    { entries: found.length, lastDate: last },
  );
}
