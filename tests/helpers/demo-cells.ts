import type Database from 'better-sqlite3';

/**
 * Cells of the demo teacher's (uchitel's) lessons held 2–20 November where the student was present: places a
 * mark can be saved in the small demo school as of 24 November, for tests that save many marks.
 */
export function presentCells(sql: Database.Database, limit: number): { lessonId: number; studentId: number }[] {
  return sql
    .prepare(
      `select l.id as lessonId, e.student_id as studentId from lessons l join assignments a on a.id = l.assignment_id
       join users u on u.id = a.teacher_id join class_enrollments e on e.class_id = a.class_id and e.end_date is null
       where u.login = 'uchitel' and a.subgroup_id is null and l.date between '2026-11-02' and '2026-11-20' and l.status = 'held'
         and e.student_id not in (select student_id from absences where lesson_id = l.id)
       order by l.id, e.student_id limit ?`,
    )
    .all(limit) as { lessonId: number; studentId: number }[];
}

/**
 * The first student's cell in uchitel's 5А Математика lesson of `date`, made empty (no mark, no absence): where a
 * browser test types a mark into the small demo school.
 */
export function blankCell(
  sql: Database.Database,
  date: string,
): { lessonId: number; studentId: number; assignmentId: number } {
  const cell = sql
    .prepare(
      `select l.id as lessonId, e.student_id as studentId, l.assignment_id as assignmentId from lessons l
         join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
         join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
         join class_enrollments e on e.class_id = a.class_id and e.end_date is null
       where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and l.date = ?
       order by e.student_id limit 1`,
    )
    .get(date) as { lessonId: number; studentId: number; assignmentId: number };
  sql.prepare('delete from marks where lesson_id = ? and student_id = ?').run(cell.lessonId, cell.studentId);
  sql.prepare('delete from absences where lesson_id = ? and student_id = ?').run(cell.lessonId, cell.studentId);
  return cell;
}
