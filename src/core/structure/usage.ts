// What the journal already holds for a piece of the school's structure. A row in use is never deleted
// (the history would lose its subject, class or teacher): the admin renames or changes it instead.
import type { Db } from '../db/open';

type Ids = Set<number>;
const ids = (db: Db, sql: string, ...args: unknown[]): Ids =>
  new Set((db.$client.prepare(sql).all(...args) as { id: number }[]).map((r) => r.id));

/** «Holds data»: a lesson with marks, absences, a topic, homework, attendance or a status other than planned. */
export const lessonHasData = `(l.topic is not null or l.homework is not null or l.attendance_taken_at is not null or l.status <> 'planned'
  or exists(select 1 from marks m where m.lesson_id = l.id) or exists(select 1 from absences b where b.lesson_id = l.id))`;

export function usedSubjects(db: Db): Ids {
  return ids(
    db,
    'select subject_id as id from assignments union select subject_id from subgroups union select subject_id from period_marks',
  );
}

export function usedClasses(db: Db): Ids {
  return ids(
    db,
    `select class_id as id from class_enrollments union select class_id from assignments union select class_id from subgroups
     union select from_class_id from student_movements where from_class_id is not null union select to_class_id from student_movements where to_class_id is not null
     union select class_id from attendance_checks union select class_id from inspection_remarks`,
  );
}

export function usedSubgroups(db: Db): Ids {
  return ids(db, 'select subgroup_id as id from assignments where subgroup_id is not null');
}

/** Assignments whose journal holds something: lessons with data, a thematic plan, period marks, remarks, substitutions. */
export function usedAssignments(db: Db): Ids {
  return ids(
    db,
    `select distinct l.assignment_id as id from lessons l where ${lessonHasData}
     union select assignment_id from thematic_plans union select assignment_id from period_marks where assignment_id is not null
     union select assignment_id from inspection_remarks where assignment_id is not null
     union select l.assignment_id from substitutions s join lessons l on l.id = s.lesson_id`,
  );
}

export function usedWorkKinds(db: Db): Ids {
  return ids(
    db,
    'select distinct work_kind_id as id from lessons union select work_kind_id from marks union select work_kind_id from thematic_plan_topics where work_kind_id is not null',
  );
}

export function lessonCounts(db: Db, yearId: number): Map<number, number> {
  const rows = db.$client
    .prepare(
      'select l.assignment_id as id, count(*) as n from lessons l join assignments a on a.id = l.assignment_id where a.year_id = ? group by l.assignment_id',
    )
    .all(yearId) as {
    id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}
