import type Database from 'better-sqlite3';

/** A mark to save in a 7th-grade class's held lesson before `today`, and the login of the teacher who may save it. */
export function markTarget(
  sql: Database.Database,
  today: string,
): { lessonId: number; login: string; studentId: number } {
  return sql
    .prepare(
      `select l.id as lessonId, u.login, e.student_id as studentId from lessons l
       join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
       join school_years y on y.id = a.year_id and y.is_current = 1
       join class_enrollments e on e.class_id = a.class_id and e.end_date is null
       join classes c on c.id = a.class_id
       where a.subgroup_id is null and c.grade = 7 and l.date < ? and l.status = 'held'
         and not exists (select 1 from absences x where x.lesson_id = l.id and x.student_id = e.student_id)
       order by l.date desc limit 1`,
    )
    .get(today) as { lessonId: number; login: string; studentId: number };
}
