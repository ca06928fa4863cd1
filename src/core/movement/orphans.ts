// A movement must not leave marks or absences outside every class the student was in: an entry stays in the
// journal of the class he was in on its date, so a departure dated before entries already made in that
// journal would orphan them. Such a movement (or a correction of one) is refused with the entries named.
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { ruDate } from '../../shared/dates';

interface Entry {
  date: string;
  subject: string;
  what: string;
}

/** Marks and absences of the student from `date` on, in the journals of a class or of one subgroup. */
export function entriesFrom(
  db: Db,
  studentId: number,
  date: string,
  where: { classId: number } | { subgroupId: number },
): Entry[] {
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

const stayRule = 'Отметки и пропуски остаются в журнале того класса, где ученик был в тот день';
const listed = (found: readonly Entry[]) =>
  `${found
    .slice(0, 5)
    .map((e) => `${ruDate(e.date)} ${e.subject}: ${e.what}`)
    .join('; ')}${found.length > 5 ? '; …' : ''}`;

export function refuseOrphans(
  db: Db,
  studentId: number,
  date: string,
  where: { classId: number } | { subgroupId: number },
  journal: string,
): void {
  const found = entriesFrom(db, studentId, date, where);
  if (found.length === 0) return;
  const last = found.at(-1)!.date;
  throw new AppError(
    'conflict',
    `С ${ruDate(date)} у ученика уже есть записи в журнале ${journal} (${found.length}): ${listed(found)}. ${stayRule}: укажите дату позже ${ruDate(last)} или попросите учителей исправить записи.`,
    { entries: found.length, lastDate: last },
  );
}

/** The student's marks and absences of a year that no journal he is on holds: outside his class (or subgroup) on their date. */
function uncovered(db: Db, studentId: number, yearId: number): Array<Entry & { key: string }> {
  return db.$client
    .prepare(
      `select x.key, l.date, s.name as subject, x.what
         from (select 'm' || m.id as key, m.lesson_id, m.student_id, 'отметка «' || m.value1 || coalesce('/' || m.value2, '') || '»' as what from marks m where m.student_id = ?
               union all select 'a' || a.id, a.lesson_id, a.student_id, 'пропуск «' || a.code || '»' from absences a where a.student_id = ?) x
         join lessons l on l.id = x.lesson_id join assignments a on a.id = l.assignment_id join subjects s on s.id = a.subject_id
        where a.year_id = ?
          and (not exists (select 1 from class_enrollments e where e.student_id = x.student_id and e.class_id = a.class_id and e.start_date <= l.date and (e.end_date is null or e.end_date >= l.date))
               or (a.subgroup_id is not null and not exists (select 1 from subgroup_members g where g.student_id = x.student_id and g.subgroup_id = a.subgroup_id
                                                              and g.start_date <= l.date and (g.end_date is null or g.end_date >= l.date))))
        order by l.date, s.name`,
    )
    .all(studentId, studentId, yearId) as Array<Entry & { key: string }>;
}

/**
 * Runs a change of the student's stays (inside the caller's transaction) and refuses it — the throw rolls it back —
 * when it leaves marks or absences outside every journal he is on, or a stay that ends before it begins.
 */
export function guardEntries<T>(db: Db, studentId: number, yearId: number, change: () => T): T {
  const before = new Set(uncovered(db, studentId, yearId).map((e) => e.key));
  const result = change();
  const lost = uncovered(db, studentId, yearId).filter((e) => !before.has(e.key));
  if (lost.length > 0) {
    throw new AppError(
      'conflict',
      `После этого изменения записи ученика оказались бы вне журналов, где он числится (${lost.length}): ${listed(lost)}. ${stayRule}: выберите другую дату или класс, или попросите учителей исправить записи.`,
      {
        entries: lost.length,
      },
    );
  }
  const broken = db.$client
    .prepare(
      'select 1 from class_enrollments where student_id = ? and end_date < start_date union all select 1 from subgroup_members where student_id = ? and end_date < start_date',
    )
    .get(studentId, studentId);
  if (broken)
    throw new AppError(
      'validation',
      'Эта дата не согласуется с другими переводами ученика (в класс или подгруппу): проверьте даты приказов',
    );
  return result;
}
