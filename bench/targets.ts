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

/** One person's journal in the network bench: a whole-class journal of the current year (grades 5–11, all marked) and the cells it fills. */
export interface JournalTarget {
  login: string;
  assignmentId: number;
  /** The period that contains `today`, as the journal page opens it. */
  periodId: number;
  /** Each cell with the mark it holds now, if any. */
  cells: { lessonId: number; studentId: number; value1: string | null }[];
}

/**
 * `count` journals of different teachers where the school has enough (then a teacher's other journals), each
 * with the cells of its last held lessons of the current period: every client writes cells no other one does,
 * so each acknowledged value must be the one the database holds afterwards.
 */
export function journalTargets(sql: Database.Database, today: string, count: number, cellsEach = 40): JournalTarget[] {
  const journals = sql
    .prepare(
      `select a.id as assignmentId, u.login, a.class_id as classId, p.id as periodId,
              row_number() over (partition by a.teacher_id order by a.id) as nth
       from assignments a join users u on u.id = a.teacher_id
       join school_years y on y.id = a.year_id and y.is_current = 1
       join classes c on c.id = a.class_id
       join grade_period_schemes g on g.year_id = y.id and g.grade = c.grade
       join periods p on p.year_id = y.id and p.scheme = g.scheme and p.start_date <= ? and p.end_date >= ?
       where a.subgroup_id is null and c.grade >= 5
         and exists (select 1 from lessons l where l.assignment_id = a.id and l.status = 'held'
                     and l.date >= p.start_date and l.date < ?)
       order by nth, a.id limit ?`,
    )
    .all(today, today, today, count) as { assignmentId: number; login: string; periodId: number }[];
  if (journals.length < count) throw new Error(`The school has ${journals.length} journals to write, not ${count}`);
  const cells = sql.prepare(
    `select l.id as lessonId, e.student_id as studentId,
            (select m.value1 from marks m where m.lesson_id = l.id and m.student_id = e.student_id) as value1
     from lessons l
     join assignments a on a.id = l.assignment_id
     join periods p on p.id = ?
     join class_enrollments e on e.class_id = a.class_id and e.start_date <= l.date
       and (e.end_date is null or e.end_date >= l.date)
     where l.assignment_id = ? and l.status = 'held' and l.date >= p.start_date and l.date < ?
       and not exists (select 1 from absences x where x.lesson_id = l.id and x.student_id = e.student_id)
     order by l.date desc, e.student_id limit ?`,
  );
  return journals.map((j) => ({
    login: j.login,
    assignmentId: j.assignmentId,
    periodId: j.periodId,
    cells: cells.all(j.periodId, j.assignmentId, today, cellsEach) as JournalTarget['cells'],
  }));
}
