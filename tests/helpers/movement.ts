import type Database from 'better-sqlite3';

/**
 * The student on a class's list with the latest mark or absence in its journals, and that day: an order moving him
 * out of the class on or before it would leave the entry outside his journals.
 */
export function studentWithLatestEntry(
  sql: Database.Database,
  classId: number,
): { id: number; name: string; last: string } {
  return sql
    .prepare(
      `select s.id, s.last_name || ' ' || s.first_name || coalesce(' ' || s.middle_name, '') as name, max(l.date) as last
         from students s join class_enrollments e on e.student_id = s.id and e.class_id = ? and e.end_date is null
         join (select student_id, lesson_id from marks union all select student_id, lesson_id from absences) x on x.student_id = s.id
         join lessons l on l.id = x.lesson_id join assignments a on a.id = l.assignment_id and a.class_id = ?
        group by s.id order by last desc, s.id limit 1`,
    )
    .get(classId, classId) as { id: number; name: string; last: string };
}
